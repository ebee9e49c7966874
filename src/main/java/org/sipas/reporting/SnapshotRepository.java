package org.sipas.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sipas.index.CampaignEstimates;
import org.sipas.index.Domain;
import org.sipas.index.GradeBands;
import org.sipas.index.Series;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of the published snapshots ({@code snapshot}, {@code snapshot_response}): written once, read by everyone. */
@Repository
class SnapshotRepository {

    static final TypeReference<Map<Series, Map<Domain, CampaignEstimates>>> FIGURES = new TypeReference<>() {
    };
    static final TypeReference<List<FigureChange>> CHANGES = new TypeReference<>() {
    };

    private static final String COLUMNS = """
            s.id, s.campaign_id, s.version, s.campaign_name, s.period_from, s.period_to, s.scope_unit_code, s.scope_unit_name,
            s.methodology_code, s.methodology_version, s.approved_at, s.approved_by, s.prepared_by, s.what_changed,
            s.changes::text AS changes, s.figures::text AS figures, s.grade_bands::text AS grade_bands, s.lineage::text AS lineage""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SnapshotRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The ids of the latest version of every campaign that has one, newest approval first: read from
     * the index on (campaign, version), without touching a snapshot's figures.
     */
    List<Long> latestIds() {
        return jdbc.sql("""
                        SELECT id FROM (SELECT DISTINCT ON (campaign_id) id, approved_at FROM snapshot ORDER BY campaign_id, version DESC) l
                        ORDER BY approved_at DESC, id DESC""")
                .query(Long.class).list();
    }

    /** The snapshots of {@code ids}, in no particular order. */
    List<Snapshot> byIds(List<Long> ids) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM snapshot s WHERE s.id = ANY(:ids)")
                .param("ids", ids.toArray(Long[]::new)).query(this::snapshot).list();
    }

    Optional<Snapshot> latest(long campaignId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM snapshot s WHERE s.campaign_id = :c ORDER BY s.version DESC LIMIT 1")
                .param("c", campaignId).query(this::snapshot).optional();
    }

    /** The digest of the answers the campaign's latest version counted ({@link SnapshotLineage#countedDigest}), without its figures. */
    Optional<String> latestCountedDigest(long campaignId) {
        return jdbc.sql("""
                        SELECT coalesce(lineage ->> 'countedDigest', '') FROM snapshot WHERE campaign_id = :c
                        ORDER BY version DESC LIMIT 1""")
                .param("c", campaignId).query(String.class).optional();
    }

    Optional<Snapshot> version(long campaignId, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM snapshot s WHERE s.campaign_id = :c AND s.version = :v")
                .param("c", campaignId).param("v", version).query(this::snapshot).optional();
    }

    Optional<Snapshot> byId(long snapshotId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM snapshot s WHERE s.id = :id")
                .param("id", snapshotId).query(this::snapshot).optional();
    }

    List<SnapshotVersion> versions(long campaignId) {
        return jdbc.sql("""
                        SELECT id, campaign_id, version, approved_at, approved_by, what_changed, jsonb_array_length(changes) AS changed
                        FROM snapshot WHERE campaign_id = :c ORDER BY version DESC""")
                .param("c", campaignId)
                .query(SnapshotRepository::version).list();
    }

    /** The versions of several campaigns in one query, each campaign's newest first. */
    List<SnapshotVersion> versions(List<Long> campaignIds) {
        return jdbc.sql("""
                        SELECT id, campaign_id, version, approved_at, approved_by, what_changed, jsonb_array_length(changes) AS changed
                        FROM snapshot WHERE campaign_id = ANY(:c) ORDER BY campaign_id, version DESC""")
                .param("c", campaignIds.toArray(Long[]::new))
                .query(SnapshotRepository::version).list();
    }

    private static SnapshotVersion version(ResultSet rs, int n) throws SQLException {
        return new SnapshotVersion(rs.getLong("id"), rs.getLong("campaign_id"), rs.getInt("version"),
                rs.getTimestamp("approved_at").toInstant(), rs.getString("approved_by"), rs.getString("what_changed"),
                rs.getInt("changed"));
    }

    /** The ids of the responses a snapshot counted, ascending. */
    List<Long> counted(long snapshotId) {
        return jdbc.sql("SELECT response_id FROM snapshot_response WHERE snapshot_id = :s ORDER BY response_id")
                .param("s", snapshotId).query(Long.class).list();
    }

    private Snapshot snapshot(ResultSet rs, int n) throws SQLException {
        return new Snapshot(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("campaign_name"),
                rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(), rs.getString("scope_unit_code"),
                rs.getString("scope_unit_name"), rs.getString("methodology_code"), rs.getInt("methodology_version"),
                rs.getInt("version"), rs.getTimestamp("approved_at").toInstant(), rs.getString("approved_by"),
                rs.getString("prepared_by"), rs.getString("what_changed"), json.readValue(rs.getString("changes"), CHANGES),
                json.readValue(rs.getString("figures"), FIGURES), json.readValue(rs.getString("grade_bands"), GradeBands.class),
                json.readValue(rs.getString("lineage"), SnapshotLineage.class));
    }
}
