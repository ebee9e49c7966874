package org.sipas.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sipas.catalog.CatalogCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of quality control: settings, the arrivals outbox, states and their transitions, flags
 * and corrections. Responses are read as the tallies read them (their unit is the stratum's, else
 * their own, else the campaign's scope).
 */
@Repository
class QualityRepository {

    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {
    };

    static final String RESPONSE = """
            SELECT r.id, r.campaign_id, r.channel, r.collected_by, r.dossier_id,
                   coalesce(s.unit_id, r.unit_id, c.scope_unit_id) AS unit_id, r.methodology_code, r.methodology_version,
                   r.answers::text AS answers, r.started_at, r.finished_at, r.submitted_at, r.token, r.latitude, r.longitude
            FROM response r
            JOIN campaign c ON c.id = r.campaign_id
            LEFT JOIN campaign_stratum s ON s.id = r.stratum_id
            """;

    /** A state with what came with it. */
    record Review(long responseId, long campaignId, ReviewState state, String reason, Long activeSeconds, Long wallSeconds,
                  Instant updatedAt, String updatedBy) {
    }

    record Transition(ReviewState from, ReviewState to, String reason, String decidedBy, Instant decidedAt) {
    }

    record FlagRow(String kind, String detail) {
    }

    record Correction(String question, String before, String after, String reason, String correctedBy, Instant correctedAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    QualityRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    QualitySettings settings(long campaignId) {
        return jdbc.sql("""
                        SELECT count_until_decided, recheck_share, recheck_min_per_interviewer, min_active_seconds, idle_gap_seconds,
                               working_from, working_to, max_daily_interviews, straight_line_minimum, max_distance_km,
                               chi_square_alpha, discrepancy_tolerance
                        FROM quality_setting WHERE campaign_id = :c""")
                .param("c", campaignId)
                .query((rs, n) -> new QualitySettings(rs.getBoolean(1), rs.getDouble(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getTime(6).toLocalTime(), rs.getTime(7).toLocalTime(), rs.getInt(8), rs.getInt(9), rs.getDouble(10),
                        rs.getDouble(11), rs.getDouble(12)))
                .optional().orElse(QualitySettings.DEFAULTS);
    }

    void saveSettings(long campaignId, QualitySettings s) {
        jdbc.sql("""
                        INSERT INTO quality_setting (campaign_id, count_until_decided, recheck_share, recheck_min_per_interviewer,
                               min_active_seconds, idle_gap_seconds, working_from, working_to, max_daily_interviews,
                               straight_line_minimum, max_distance_km, chi_square_alpha, discrepancy_tolerance)
                        VALUES (:c, :count, :share, :min, :active, :idle, :from, :to, :daily, :straight, :km, :alpha, :tol)
                        ON CONFLICT (campaign_id) DO UPDATE SET count_until_decided = excluded.count_until_decided,
                            recheck_share = excluded.recheck_share, recheck_min_per_interviewer = excluded.recheck_min_per_interviewer,
                            min_active_seconds = excluded.min_active_seconds, idle_gap_seconds = excluded.idle_gap_seconds,
                            working_from = excluded.working_from, working_to = excluded.working_to,
                            max_daily_interviews = excluded.max_daily_interviews, straight_line_minimum = excluded.straight_line_minimum,
                            max_distance_km = excluded.max_distance_km, chi_square_alpha = excluded.chi_square_alpha,
                            discrepancy_tolerance = excluded.discrepancy_tolerance""")
                .param("c", campaignId).param("count", s.countUntilDecided()).param("share", s.recheckShare())
                .param("min", s.recheckMinPerInterviewer()).param("active", s.minActiveSeconds()).param("idle", s.idleGapSeconds())
                .param("from", java.sql.Time.valueOf(s.workingFrom())).param("to", java.sql.Time.valueOf(s.workingTo()))
                .param("daily", s.maxDailyInterviews()).param("straight", s.straightLineMinimum()).param("km", s.maxDistanceKm())
                .param("alpha", s.chiSquareAlpha()).param("tol", s.discrepancyTolerance())
                .update();
    }

    // --- the arrivals outbox

    /** Locks the worker's row; false when another node holds it (that node checks the arrivals). */
    boolean lockWorkerOrSkip() {
        return jdbc.sql("SELECT id FROM quality_worker WHERE id = 1 FOR UPDATE SKIP LOCKED").query(Integer.class).optional().isPresent();
    }

    /** Takes the oldest arrivals out of the outbox, in the caller's transaction. */
    List<Long> takeArrivals(int limit) {
        return jdbc.sql("""
                        DELETE FROM quality_arrival WHERE seq IN (SELECT seq FROM quality_arrival ORDER BY seq LIMIT :limit)
                        RETURNING response_id""")
                .param("limit", limit).query(Long.class).list();
    }

    void countChecked(int checked) {
        jdbc.sql("UPDATE quality_worker SET checked = checked + :n WHERE id = 1").param("n", checked).update();
    }

    long pendingArrivals() {
        return jdbc.sql("SELECT count(*) FROM quality_arrival").query(Long.class).single();
    }

    Optional<ArrivedResponse> response(long id) {
        return jdbc.sql(RESPONSE + " WHERE r.id = :id").param("id", id).query(this::row).optional();
    }

    List<ArrivedResponse> responses(long campaignId) {
        return jdbc.sql(RESPONSE + " WHERE r.campaign_id = :c ORDER BY r.id").param("c", campaignId).query(this::row).list();
    }

    ArrivedResponse row(ResultSet rs, int n) throws SQLException {
        return new ArrivedResponse(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("channel"), rs.getString("collected_by"),
                (Long) rs.getObject("dossier_id"), rs.getLong("unit_id"), rs.getString("methodology_code"),
                rs.getInt("methodology_version"), json.readValue(rs.getString("answers"), ANSWERS), instant(rs, "started_at"),
                instant(rs, "finished_at"), instant(rs, "submitted_at"), rs.getString("token"), (Double) rs.getObject("latitude"),
                (Double) rs.getObject("longitude"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** The server's times of a web sitting's steps (the draft's writes), oldest first. */
    List<Instant> stepTimes(String token) {
        if (token == null) {
            return List.of();
        }
        return jdbc.sql("SELECT at FROM sitting_step WHERE token = :t ORDER BY at").param("t", token)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    /** Other responses of the campaign that answer the same dossier. */
    List<Long> sameDossier(ArrivedResponse r) {
        if (r.dossierId() == null) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM response WHERE campaign_id = :c AND dossier_id = :d AND id <> :id ORDER BY id")
                .param("c", r.campaignId()).param("d", r.dossierId()).param("id", r.id()).query(Long.class).list();
    }

    /** Other responses of the campaign whose dossier's applicant has the same phone (by its keyed hash). */
    List<Long> samePhone(ArrivedResponse r) {
        if (r.dossierId() == null) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT o.id FROM dossier_contact mine
                        JOIN dossier_contact theirs ON theirs.phone_hash = mine.phone_hash AND theirs.dossier_id <> mine.dossier_id
                        JOIN response o ON o.dossier_id = theirs.dossier_id AND o.campaign_id = :c AND o.id <> :id
                        WHERE mine.dossier_id = :d AND mine.phone_hash IS NOT NULL ORDER BY o.id""")
                .param("c", r.campaignId()).param("d", r.dossierId()).param("id", r.id()).query(Long.class).list();
    }

    /** How many responses the interviewer collected in the campaign on the Vietnamese day this one ended. */
    int interviewsThatDay(ArrivedResponse r) {
        return jdbc.sql("""
                        SELECT count(*) FROM response
                        WHERE campaign_id = :c AND collected_by = :who
                          AND (coalesce(finished_at, submitted_at) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                              = (cast(:at AS timestamptz) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date""")
                .param("c", r.campaignId()).param("who", r.interviewer()).param("at", Timestamp.from(r.endedAt()))
                .query(Integer.class).single();
    }

    // --- states

    /** Writes a checked response's first state; false when it has one already (set by hand before the check). */
    boolean firstReview(long responseId, long campaignId, ReviewState state, String reason, Long active, long wall) {
        return jdbc.sql("""
                        INSERT INTO response_review (response_id, campaign_id, state, reason, active_seconds, wall_seconds, updated_by)
                        VALUES (:r, :c, :s, :reason, :active, :wall, 'system') ON CONFLICT DO NOTHING""")
                .param("r", responseId).param("c", campaignId).param("s", state.name()).param("reason", reason)
                .param("active", active).param("wall", wall).update() == 1;
    }

    void measured(long responseId, Long active, long wall) {
        jdbc.sql("UPDATE response_review SET active_seconds = :a, wall_seconds = :w WHERE response_id = :r")
                .param("a", active).param("w", wall).param("r", responseId).update();
    }

    /** The review of a response, locked for a transition; written as SUBMITTED first when it was not checked yet. */
    Review lockReview(long responseId, long campaignId) {
        jdbc.sql("""
                        INSERT INTO response_review (response_id, campaign_id, state, updated_by) VALUES (:r, :c, 'SUBMITTED', 'system')
                        ON CONFLICT DO NOTHING""").param("r", responseId).param("c", campaignId).update();
        return jdbc.sql("SELECT * FROM response_review WHERE response_id = :r FOR UPDATE").param("r", responseId)
                .query(QualityRepository::review).single();
    }

    Optional<Review> review(long responseId) {
        return jdbc.sql("SELECT * FROM response_review WHERE response_id = :r").param("r", responseId)
                .query(QualityRepository::review).optional();
    }

    private static Review review(ResultSet rs, int n) throws SQLException {
        return new Review(rs.getLong("response_id"), rs.getLong("campaign_id"), ReviewState.valueOf(rs.getString("state")),
                rs.getString("reason"), (Long) objectLong(rs, "active_seconds"), (Long) objectLong(rs, "wall_seconds"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private static Long objectLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    void setState(long responseId, ReviewState from, ReviewState to, String reason, String by) {
        jdbc.sql("UPDATE response_review SET state = :s, reason = :reason, updated_at = now(), updated_by = :by WHERE response_id = :r")
                .param("s", to.name()).param("reason", reason).param("by", by).param("r", responseId).update();
        jdbc.sql("""
                        INSERT INTO response_transition (response_id, from_state, to_state, reason, decided_by)
                        VALUES (:r, :from, :to, :reason, :by)""")
                .param("r", responseId).param("from", from.name()).param("to", to.name()).param("reason", reason).param("by", by)
                .update();
    }

    List<Transition> history(long responseId) {
        return jdbc.sql("""
                        SELECT from_state, to_state, reason, decided_by, decided_at FROM response_transition
                        WHERE response_id = :r ORDER BY id""")
                .param("r", responseId)
                .query((rs, n) -> new Transition(ReviewState.valueOf(rs.getString(1)), ReviewState.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    // --- flags

    void flag(long responseId, Flags.Flag flag) {
        jdbc.sql("""
                        INSERT INTO response_flag (response_id, kind, detail) VALUES (:r, :k, :d)
                        ON CONFLICT (response_id, kind) DO UPDATE SET detail = excluded.detail""")
                .param("r", responseId).param("k", flag.kind().name()).param("d", flag.detail()).update();
    }

    /** A flagged response waiting for a decision, with every flag it got. */
    record Flagged(long id, String interviewer, String channel, String unitCode, String unitName, List<FlagRow> flags) {
    }

    /** The campaign's responses in state FLAGGED within the scope (a unit id: it and its subtree), oldest first. */
    List<Flagged> flagged(long campaignId, long scopeUnitId) {
        Map<Long, Flagged> byResponse = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT r.id, r.collected_by, r.channel, u.code AS unit_code, u.name AS unit_name, f.kind, f.detail
                        FROM response_review v
                        JOIN response r ON r.id = v.response_id
                        JOIN unit u ON u.id = r.unit_id
                        JOIN response_flag f ON f.response_id = r.id
                        WHERE v.campaign_id = :c AND v.state = 'FLAGGED' AND %s
                        ORDER BY r.id, f.kind""".formatted(CatalogCodes.unitWithinScope("r.unit_id", "scope")))
                .param("c", campaignId).param("scope", scopeUnitId)
                .query(rs -> {
                    Flagged response = byResponse.get(rs.getLong("id"));
                    if (response == null) {
                        response = new Flagged(rs.getLong("id"), rs.getString("collected_by"), rs.getString("channel"),
                                rs.getString("unit_code"), rs.getString("unit_name"), new ArrayList<>());
                        byResponse.put(response.id(), response);
                    }
                    response.flags().add(new FlagRow(rs.getString("kind"), rs.getString("detail")));
                });
        return List.copyOf(byResponse.values());
    }

    List<FlagRow> flags(long responseId) {
        return jdbc.sql("SELECT kind, detail FROM response_flag WHERE response_id = :r ORDER BY kind").param("r", responseId)
                .query((rs, n) -> new FlagRow(rs.getString(1), rs.getString(2))).list();
    }

    // --- corrections

    /** Keeps the answers as first submitted (the first correction writes them; later ones find them). */
    void keepOriginal(long responseId) {
        jdbc.sql("INSERT INTO response_original (response_id, answers) SELECT id, answers FROM response WHERE id = :r ON CONFLICT DO NOTHING")
                .param("r", responseId).update();
    }

    /**
     * Sets one stored answer (null removes it). The response row is collection's; a correction is the
     * one change quality control makes to it, next to its original kept in {@code response_original}.
     */
    void setAnswer(long responseId, String question, String value) {
        if (value == null) {
            jdbc.sql("UPDATE response SET answers = answers - :q WHERE id = :r").param("q", question).param("r", responseId).update();
        } else {
            jdbc.sql("UPDATE response SET answers = jsonb_set(answers, ARRAY[:q], to_jsonb(cast(:v AS text))) WHERE id = :r")
                    .param("q", question).param("v", value).param("r", responseId).update();
        }
    }

    void correction(long responseId, String question, String before, String after, String reason, String by) {
        jdbc.sql("""
                        INSERT INTO response_correction (response_id, question, before, after, reason, corrected_by)
                        VALUES (:r, :q, :before, :after, :reason, :by)""")
                .param("r", responseId).param("q", question).param("before", before).param("after", after)
                .param("reason", reason).param("by", by).update();
    }

    List<Correction> corrections(long responseId) {
        return jdbc.sql("""
                        SELECT question, before, after, reason, corrected_by, corrected_at FROM response_correction
                        WHERE response_id = :r ORDER BY id""")
                .param("r", responseId)
                .query((rs, n) -> new Correction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    Optional<Map<String, String>> originalAnswers(long responseId) {
        return jdbc.sql("SELECT answers::text FROM response_original WHERE response_id = :r").param("r", responseId)
                .query(String.class).optional().map(text -> json.readValue(text, ANSWERS));
    }
}
