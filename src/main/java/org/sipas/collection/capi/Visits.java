package org.sipas.collection.capi;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.sipas.campaign.FieldCase;
import org.sipas.collection.CaseDispositions;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.capi.Refusal.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visits that ended without an interview, synced from the device: each is kept in the case's
 * visit history and sets its AAPOR disposition, once per key (a re-sent visit is not a second
 * attempt).
 */
@Service
class Visits {

    /** The stored visit; {@code created} false when the key had been synced before. */
    record Recorded(long visitId, boolean created) {
    }

    /** A visit in a case's history. */
    record Visit(long id, long caseId, VisitOutcome outcome, Instant visitedAt, String note, String collectedBy) {
    }

    private static final int LONGEST_NOTE = 1000;

    private final HeldCases cases;
    private final CaseDispositions dispositions;
    private final ResponseStore responses;
    private final JdbcClient jdbc;

    Visits(HeldCases cases, CaseDispositions dispositions, ResponseStore responses, JdbcClient jdbc) {
        this.cases = cases;
        this.dispositions = dispositions;
        this.responses = responses;
        this.jdbc = jdbc;
    }

    @Transactional
    Recorded record(SyncedVisit visit, String interviewer) {
        String key = HeldCases.key(visit.key());
        var earlier = jdbc.sql("SELECT id, collected_by FROM capi_visit WHERE idempotency_key = :key").param("key", key)
                .query((rs, n) -> {
                    if (!interviewer.equals(rs.getString(2))) {
                        throw new Refusal(HttpStatus.CONFLICT, List.of(new FieldError("key", key)), "capi.refused.keyTaken", key);
                    }
                    return new Recorded(rs.getLong(1), false);
                }).optional();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        FieldCase fieldCase = cases.held(visit.caseId(), interviewer);
        VisitOutcome outcome = outcome(visit.outcome());
        Instant at = cases.deviceTime("visitedAt", visit.visitedAt(), fieldCase);
        String note = visit.note() == null || visit.note().isBlank() ? null : visit.note().strip();
        if (note != null && note.length() > LONGEST_NOTE) {
            throw new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, List.of(new FieldError("note", Integer.toString(note.length()))),
                    "capi.refused.note", Integer.toString(LONGEST_NOTE));
        }
        if (responses.isAnswered(fieldCase.id())) {
            throw new Refusal(HttpStatus.CONFLICT, "capi.refused.answered", Long.toString(fieldCase.id()));
        }
        Long id = jdbc.sql("""
                        INSERT INTO capi_visit (idempotency_key, sample_member_id, campaign_id, outcome, disposition,
                                                visited_at, note, collected_by)
                        VALUES (:key, :case, :campaign, :outcome, :disposition, :at, :note, :by)
                        ON CONFLICT (idempotency_key) DO NOTHING
                        RETURNING id""")
                .param("key", key).param("case", fieldCase.id()).param("campaign", fieldCase.campaignId())
                .param("outcome", outcome.name()).param("disposition", outcome.disposition().name())
                .param("at", Timestamp.from(at)).param("note", note).param("by", interviewer)
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            // the same key committed by a concurrent request a moment ago
            return new Recorded(jdbc.sql("SELECT id FROM capi_visit WHERE idempotency_key = :key").param("key", key)
                    .query(Long.class).single(), false);
        }
        dispositions.record(fieldCase.id(), fieldCase.campaignId(), outcome.disposition(), true, interviewer);
        return new Recorded(id, true);
    }

    /** A case's visits, oldest first. */
    List<Visit> of(long caseId) {
        return jdbc.sql("""
                        SELECT id, sample_member_id, outcome, visited_at, note, collected_by
                        FROM capi_visit WHERE sample_member_id = :case ORDER BY visited_at, id""")
                .param("case", caseId)
                .query((rs, n) -> new Visit(rs.getLong(1), rs.getLong(2), VisitOutcome.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6)))
                .list();
    }

    private static VisitOutcome outcome(String name) {
        try {
            return VisitOutcome.valueOf(name == null ? "" : name);
        } catch (IllegalArgumentException e) {
            throw new Refusal(HttpStatus.BAD_REQUEST, List.of(new FieldError("outcome", String.valueOf(name))),
                    "capi.refused.outcome");
        }
    }
}
