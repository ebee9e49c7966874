package org.sipas.collection.cati;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.sipas.collection.Disposition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The call attempts (append-only) and, for many cases at once, their current dispositions. */
@Repository
class CallAttempts {

    /** A call to record: who called which case, when, with what outcome, under the key of the form that posted it. */
    record NewAttempt(long caseId, long campaignId, String interviewer, Instant startedAt, Disposition outcome,
                      Instant callbackAt, String note, Long responseId, Map<String, String> partialAnswers,
                      String formKey) {
    }

    private static final String SELECT = """
            SELECT id, sample_member_id, campaign_id, interviewer, started_at, ended_at, outcome, callback_at, note, response_id
            FROM call_attempt""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CallAttempts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Appends an attempt; empty when an attempt with the same form key is there already (the form was posted twice). */
    Optional<Long> append(NewAttempt a) {
        return jdbc.sql("""
                        INSERT INTO call_attempt (sample_member_id, campaign_id, interviewer, started_at, outcome, callback_at,
                                                  note, response_id, partial_answers, form_key)
                        VALUES (:case, :campaign, :interviewer, least(:started, now()), :outcome, :callback, :note, :response,
                                cast(:partial AS jsonb), :key)
                        ON CONFLICT (form_key) DO NOTHING
                        RETURNING id""")
                .param("case", a.caseId()).param("campaign", a.campaignId()).param("interviewer", a.interviewer())
                .param("started", Timestamp.from(a.startedAt())).param("outcome", a.outcome().name())
                .param("callback", a.callbackAt() == null ? null : Timestamp.from(a.callbackAt()))
                .param("note", a.note()).param("response", a.responseId())
                .param("partial", a.partialAnswers() == null ? null : json.writeValueAsString(a.partialAnswers()))
                .param("key", a.formKey())
                .query(Long.class).optional();
    }

    Optional<CallAttempt> byFormKey(String formKey) {
        return jdbc.sql(SELECT + " WHERE form_key = :key").param("key", formKey).query(CallAttempts::row).optional();
    }

    /** The attempts of a case, oldest first. */
    List<CallAttempt> ofCase(long caseId) {
        return jdbc.sql(SELECT + " WHERE sample_member_id = :case ORDER BY ended_at, id").param("case", caseId)
                .query(CallAttempts::row).list();
    }

    /** The call histories of the given cases (every case has one, empty when never called). */
    Map<Long, CallHistory> histories(Collection<Long> caseIds) {
        Map<Long, List<CallAttempt>> byCase = new LinkedHashMap<>();
        caseIds.forEach(id -> byCase.put(id, new java.util.ArrayList<>()));
        if (!caseIds.isEmpty()) {
            jdbc.sql(SELECT + " WHERE sample_member_id = ANY (CAST(:ids AS bigint[])) ORDER BY ended_at, id")
                    .param("ids", array(caseIds)).query(CallAttempts::row).list()
                    .forEach(a -> byCase.get(a.caseId()).add(a));
        }
        Map<Long, CallHistory> histories = new HashMap<>();
        byCase.forEach((id, attempts) -> histories.put(id, new CallHistory(attempts)));
        return histories;
    }

    /** The current AAPOR disposition of each case that has one (another channel may have set it: a web answer completes it). */
    Map<Long, Disposition> dispositions(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Disposition> dispositions = new HashMap<>();
        jdbc.sql("SELECT sample_member_id, disposition FROM case_disposition WHERE sample_member_id = ANY (CAST(:ids AS bigint[]))")
                .param("ids", array(caseIds))
                .query(rs -> {
                    dispositions.put(rs.getLong(1), Disposition.valueOf(rs.getString(2)));
                });
        return dispositions;
    }

    /** How many attempts each outcome had, per interviewer, in a campaign: the supervisors' count of calls made. */
    Map<String, Map<Disposition, Integer>> callsByInterviewer(long campaignId) {
        Map<String, Map<Disposition, Integer>> calls = new HashMap<>();
        jdbc.sql("SELECT interviewer, outcome, count(*) FROM call_attempt WHERE campaign_id = :c GROUP BY 1, 2")
                .param("c", campaignId)
                .query(rs -> {
                    calls.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(Disposition.class))
                            .put(Disposition.valueOf(rs.getString(2)), rs.getInt(3));
                });
        return calls;
    }

    private static String array(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static CallAttempt row(ResultSet rs, int n) throws SQLException {
        Timestamp callback = rs.getTimestamp("callback_at");
        return new CallAttempt(rs.getLong("id"), rs.getLong("sample_member_id"), rs.getLong("campaign_id"),
                rs.getString("interviewer"), rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("ended_at").toInstant(),
                Disposition.valueOf(rs.getString("outcome")), callback == null ? null : callback.toInstant(),
                rs.getString("note"), rs.getObject("response_id", Long.class));
    }
}
