package org.sipas.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sipas.catalog.CatalogCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of re-check draws and re-checks. */
@Repository
class RecheckRepository {

    /** One re-check as lists show it. */
    record Recheck(long id, long campaignId, Long drawId, long responseId, String interviewer, String why, String assignedTo,
                   String outcome, List<String> differing, List<String> asked, String note, String recordedBy,
                   Instant recordedAt, Long dossierId, long unitId, String state) implements java.io.Serializable {
        // Serializable: the re-checker's list says what was just recorded, kept across the redirect in the
        // session, which lives in PostgreSQL
    }

    private static final String SELECT = """
            SELECT k.*, r.dossier_id, coalesce(s.unit_id, r.unit_id, c.scope_unit_id) AS unit_id,
                   coalesce(v.state, 'SUBMITTED') AS state
            FROM recheck k
            JOIN response r ON r.id = k.response_id
            JOIN campaign c ON c.id = k.campaign_id
            LEFT JOIN campaign_stratum s ON s.id = r.stratum_id
            LEFT JOIN response_review v ON v.response_id = k.response_id
            """;

    private final JdbcClient jdbc;

    RecheckRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the draws of one campaign (two supervisors, two nodes): the later waits and adds only what is left. */
    void lockCampaign(long campaignId) {
        jdbc.sql("SELECT id FROM campaign WHERE id = :c FOR UPDATE").param("c", campaignId).query(Long.class).single();
    }

    long draw(long campaignId, long seed, double share, int minimum, String by) {
        return jdbc.sql("""
                        INSERT INTO recheck_draw (campaign_id, seed, share, min_per_interviewer, drawn_by)
                        VALUES (:c, :seed, :share, :min, :by) RETURNING id""")
                .param("c", campaignId).param("seed", seed).param("share", share).param("min", minimum).param("by", by)
                .query(Long.class).single();
    }

    /** Puts a response on the list; false when it is on it already. */
    boolean add(long campaignId, Long drawId, long responseId, String interviewer, String why, String assignedTo) {
        return jdbc.sql("""
                        INSERT INTO recheck (campaign_id, draw_id, response_id, interviewer, why, assigned_to)
                        VALUES (:c, :d, :r, :i, :why, :to) ON CONFLICT (response_id) DO NOTHING""")
                .param("c", campaignId).param("d", drawId).param("r", responseId).param("i", interviewer).param("why", why)
                .param("to", assignedTo).update() == 1;
    }

    List<Recheck> ofCampaign(long campaignId) {
        return jdbc.sql(SELECT + " WHERE k.campaign_id = :c ORDER BY k.id").param("c", campaignId).query(RecheckRepository::row).list();
    }

    List<Recheck> assignedTo(String username) {
        return jdbc.sql(SELECT + " WHERE k.assigned_to = :u ORDER BY k.outcome NULLS FIRST, k.id").param("u", username)
                .query(RecheckRepository::row).list();
    }

    Optional<Recheck> find(long id) {
        return jdbc.sql(SELECT + " WHERE k.id = :id").param("id", id).query(RecheckRepository::row).optional();
    }

    Optional<Recheck> lock(long id) {
        jdbc.sql("SELECT id FROM recheck WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
        return find(id);
    }

    /** Open re-checks per re-checker in a campaign: who has the least work gets the next one. */
    java.util.Map<String, Integer> openLoad(long campaignId) {
        java.util.Map<String, Integer> load = new java.util.HashMap<>();
        jdbc.sql("SELECT assigned_to, count(*) FROM recheck WHERE campaign_id = :c AND outcome IS NULL AND assigned_to IS NOT NULL GROUP BY 1")
                .param("c", campaignId).query(rs -> {
                    load.put(rs.getString(1), rs.getInt(2));
                });
        return load;
    }

    void assign(long id, String username) {
        jdbc.sql("UPDATE recheck SET assigned_to = :u WHERE id = :id").param("u", username).param("id", id).update();
    }

    void outcome(long id, String outcome, List<String> asked, List<String> differing, String note, String by) {
        jdbc.sql("""
                        UPDATE recheck SET outcome = :o, asked = :asked, differing = :differing, note = :note, recorded_by = :by,
                               recorded_at = now() WHERE id = :id""")
                .param("o", outcome).param("asked", asked.toArray(String[]::new)).param("differing", differing.toArray(String[]::new))
                .param("note", note).param("by", by).param("id", id).update();
    }

    /** A response a draw may take: the campaign's responses not rejected and not on a list yet. */
    record Candidate(long responseId, String interviewer, long unitId, String state) {
    }

    List<Candidate> candidates(long campaignId) {
        return jdbc.sql("""
                        SELECT r.id, r.collected_by, coalesce(s.unit_id, r.unit_id, c.scope_unit_id) AS unit_id,
                               coalesce(v.state, 'SUBMITTED') AS state
                        FROM response r
                        JOIN campaign c ON c.id = r.campaign_id
                        LEFT JOIN campaign_stratum s ON s.id = r.stratum_id
                        LEFT JOIN response_review v ON v.response_id = r.id
                        WHERE r.campaign_id = :c AND coalesce(v.state, 'SUBMITTED') <> 'REJECTED'
                          AND NOT EXISTS (SELECT 1 FROM recheck k WHERE k.response_id = r.id)
                        ORDER BY r.id""")
                .param("c", campaignId)
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4))).list();
    }

    /** The interviewer's other interviews in the campaign, not rejected and not re-checked already. */
    List<Candidate> interviewsOf(long campaignId, String interviewer) {
        return candidates(campaignId).stream().filter(c -> interviewer.equals(c.interviewer())).toList();
    }

    /** Responses with an interviewer per interviewer, of the units within the scope. */
    Map<String, Long> interviewsBy(long campaignId, long scopeUnitId) {
        Map<String, Long> by = new java.util.TreeMap<>();
        jdbc.sql("""
                        SELECT r.collected_by, count(*) FROM response r
                        JOIN campaign c ON c.id = r.campaign_id
                        LEFT JOIN campaign_stratum s ON s.id = r.stratum_id
                        WHERE r.campaign_id = :c AND r.collected_by IS NOT NULL
                          AND %s
                        GROUP BY 1""".formatted(CatalogCodes.unitWithinScope("coalesce(s.unit_id, r.unit_id, c.scope_unit_id)", "scope")))
                .param("c", campaignId).param("scope", scopeUnitId)
                .query(rs -> {
                    by.put(rs.getString(1), rs.getLong(2));
                });
        return by;
    }

    private static Recheck row(ResultSet rs, int n) throws SQLException {
        long draw = rs.getLong("draw_id");
        Long drawId = rs.wasNull() ? null : draw;
        long dossier = rs.getLong("dossier_id");
        Long dossierId = rs.wasNull() ? null : dossier;
        return new Recheck(rs.getLong("id"), rs.getLong("campaign_id"), drawId, rs.getLong("response_id"), rs.getString("interviewer"),
                rs.getString("why"), rs.getString("assigned_to"), rs.getString("outcome"),
                Arrays.asList((String[]) rs.getArray("differing").getArray()), Arrays.asList((String[]) rs.getArray("asked").getArray()),
                rs.getString("note"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at") == null ? null : rs.getTimestamp("recorded_at").toInstant(), dossierId,
                rs.getLong("unit_id"), rs.getString("state"));
    }
}
