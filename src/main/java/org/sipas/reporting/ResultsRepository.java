package org.sipas.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sipas.campaign.FieldCampaign;
import org.sipas.index.CampaignEstimates;
import org.sipas.index.Domain;
import org.sipas.index.GradeBands;
import org.sipas.index.Series;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of results versions and their comments ({@code results_version}, {@code results_comment}), and the snapshot's one write. */
@Repository
class ResultsRepository {

    private static final String COLUMNS = """
            id, campaign_id, version, state, figures::text AS figures, grade_bands::text AS grade_bands, lineage::text AS lineage,
            changes::text AS changes, what_changed, prepared_by, prepared_at, submitted_by, submitted_at, decided_by, decided_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ResultsRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The campaign's version in the works (draft, submitted or returned), locked for a step. */
    Optional<ResultsVersion> lockOpen(long campaignId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM results_version WHERE campaign_id = :c AND state <> 'APPROVED' FOR UPDATE")
                .param("c", campaignId).query(this::version).optional();
    }

    Optional<ResultsVersion> open(long campaignId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM results_version WHERE campaign_id = :c AND state <> 'APPROVED'")
                .param("c", campaignId).query(this::version).optional();
    }

    /** Every version of a campaign, newest first. */
    List<ResultsVersion> all(long campaignId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM results_version WHERE campaign_id = :c ORDER BY version DESC")
                .param("c", campaignId).query(this::version).list();
    }

    /**
     * Serialises the preparations of one campaign (two analysts pressing "prepare" at once): the lock
     * of the campaign's row is held until the transaction ends.
     */
    void lockCampaign(long campaignId) {
        jdbc.sql("SELECT id FROM campaign WHERE id = :c FOR UPDATE").param("c", campaignId).query(Long.class).optional();
    }

    int nextVersion(long campaignId) {
        return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM results_version WHERE campaign_id = :c")
                .param("c", campaignId).query(Integer.class).single();
    }

    long insert(long campaignId, int version, Prepared prepared, String by) {
        return jdbc.sql("""
                        INSERT INTO results_version (campaign_id, version, state, figures, grade_bands, lineage, changes, counted, prepared_by)
                        VALUES (:c, :v, 'DRAFT', cast(:figures AS jsonb), cast(:bands AS jsonb), cast(:lineage AS jsonb),
                                cast(:changes AS jsonb), :counted, :by)
                        RETURNING id""")
                .param("c", campaignId).param("v", version).param("figures", json.writeValueAsString(prepared.figures()))
                .param("bands", json.writeValueAsString(prepared.gradeBands()))
                .param("lineage", json.writeValueAsString(prepared.lineage()))
                .param("changes", json.writeValueAsString(prepared.changes()))
                .param("counted", prepared.counted().toArray(Long[]::new)).param("by", by)
                .query(Long.class).single();
    }

    /** A draft or returned version prepared again: new figures, back to draft. */
    void reprepare(long id, Prepared prepared, String by) {
        jdbc.sql("""
                        UPDATE results_version SET state = 'DRAFT', figures = cast(:figures AS jsonb), grade_bands = cast(:bands AS jsonb),
                               lineage = cast(:lineage AS jsonb), changes = cast(:changes AS jsonb), counted = :counted,
                               prepared_by = :by, prepared_at = now(), submitted_by = NULL, submitted_at = NULL
                        WHERE id = :id AND state IN ('DRAFT', 'RETURNED')""")
                .param("id", id).param("figures", json.writeValueAsString(prepared.figures()))
                .param("bands", json.writeValueAsString(prepared.gradeBands()))
                .param("lineage", json.writeValueAsString(prepared.lineage()))
                .param("changes", json.writeValueAsString(prepared.changes()))
                .param("counted", prepared.counted().toArray(Long[]::new)).param("by", by).update();
    }

    void submit(long id, String whatChanged, String by) {
        jdbc.sql("""
                        UPDATE results_version SET state = 'SUBMITTED', what_changed = :note, submitted_by = :by, submitted_at = now()
                        WHERE id = :id""")
                .param("id", id).param("note", whatChanged).param("by", by).update();
    }

    void decide(long id, ResultsVersion.State state, String by) {
        jdbc.sql("UPDATE results_version SET state = :s, decided_by = :by, decided_at = now() WHERE id = :id")
                .param("id", id).param("s", state.name()).param("by", by).update();
    }

    void comment(long versionId, String step, String author, String body) {
        jdbc.sql("INSERT INTO results_comment (results_version_id, step, author, body) VALUES (:v, :s, :a, :b)")
                .param("v", versionId).param("s", step).param("a", author).param("b", body).update();
    }

    /** A campaign's comments of every version, oldest first, each with its version number. */
    List<ResultsVersion.Comment> comments(long campaignId) {
        return jdbc.sql("""
                        SELECT v.version, c.id, c.step, c.author, c.at, c.body FROM results_comment c
                        JOIN results_version v ON v.id = c.results_version_id
                        WHERE v.campaign_id = :c ORDER BY c.id""")
                .param("c", campaignId)
                .query((rs, n) -> new ResultsVersion.Comment(rs.getLong("id"), rs.getInt("version"), rs.getString("step"),
                        rs.getString("author"), rs.getTimestamp("at").toInstant(), rs.getString("body")))
                .list();
    }

    /** The version's figures published: the one write of a snapshot, with the responses it counted. */
    long publish(ResultsVersion version, FieldCampaign campaign, String scopeCode, String scopeName, String approvedBy) {
        long id = jdbc.sql("""
                        INSERT INTO snapshot (campaign_id, version, results_version_id, campaign_name, period_from, period_to,
                                              scope_unit_code, scope_unit_name, methodology_code, methodology_version, approved_by,
                                              prepared_by, what_changed, changes, figures, grade_bands, lineage)
                        SELECT v.campaign_id, v.version, v.id, :name, :from, :to, :scopeCode, :scopeName, :mCode, :mVersion, :by,
                               v.prepared_by, v.what_changed, v.changes, v.figures, v.grade_bands, v.lineage
                        FROM results_version v WHERE v.id = :v
                        RETURNING id""")
                .param("v", version.id()).param("name", campaign.name()).param("from", campaign.periodFrom())
                .param("to", campaign.periodTo()).param("scopeCode", scopeCode).param("scopeName", scopeName)
                .param("mCode", campaign.methodologyCode()).param("mVersion", campaign.methodologyVersion())
                .param("by", approvedBy).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO snapshot_response (snapshot_id, response_id)
                        SELECT :s, unnest(counted) FROM results_version WHERE id = :v""")
                .param("s", id).param("v", version.id()).update();
        return id;
    }

    /** What a preparation computed. */
    record Prepared(Map<Series, Map<Domain, CampaignEstimates>> figures, GradeBands gradeBands, SnapshotLineage lineage,
                    List<FigureChange> changes, List<Long> counted) {
    }

    private ResultsVersion version(ResultSet rs, int n) throws SQLException {
        return new ResultsVersion(rs.getLong("id"), rs.getLong("campaign_id"), rs.getInt("version"),
                ResultsVersion.State.valueOf(rs.getString("state")), json.readValue(rs.getString("figures"), SnapshotRepository.FIGURES),
                json.readValue(rs.getString("grade_bands"), GradeBands.class), json.readValue(rs.getString("lineage"), SnapshotLineage.class),
                json.readValue(rs.getString("changes"), SnapshotRepository.CHANGES), rs.getString("what_changed"),
                rs.getString("prepared_by"), instant(rs, "prepared_at"), rs.getString("submitted_by"), instant(rs, "submitted_at"),
                rs.getString("decided_by"), instant(rs, "decided_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
