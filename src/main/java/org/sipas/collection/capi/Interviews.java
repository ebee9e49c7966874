package org.sipas.collection.capi;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.sipas.campaign.FieldCase;
import org.sipas.collection.AlreadyAnswered;
import org.sipas.collection.AnswerChecks;
import org.sipas.collection.AnswerChecks.Checked;
import org.sipas.collection.CampaignNotInField;
import org.sipas.collection.IdempotencyKeyReused;
import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.ResponseStore.Stored;
import org.sipas.collection.Submission;
import org.sipas.collection.Submission.Position;
import org.sipas.collection.capi.Refusal.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Takes the interviews a device synced: each is checked as the web form would check it and stored
 * once, however many times the device sends it (a sync whose answer was lost on a bad connection
 * is sent again with the same key and gets the first result back).
 */
@Service
class Interviews {

    /** The stored response; {@code created} false when the key had been synced before. */
    record Accepted(long responseId, boolean created) {
    }

    private final HeldCases cases;
    private final AnswerChecks checks;
    private final ResponseStore store;
    private final JdbcClient jdbc;

    Interviews(HeldCases cases, AnswerChecks checks, ResponseStore store, JdbcClient jdbc) {
        this.cases = cases;
        this.checks = checks;
        this.store = store;
        this.jdbc = jdbc;
    }

    Accepted accept(SyncedInterview interview, String interviewer, Locale locale) {
        String key = HeldCases.key(interview.key());
        // a repeat is answered before anything else: the case may since have been reassigned or closed
        Optional<Accepted> earlier = earlier(key, interview.caseId(), interviewer);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        FieldCase fieldCase = cases.held(interview.caseId(), interviewer);
        Instant started = cases.deviceTime("startedAt", interview.startedAt(), fieldCase);
        Instant ended = cases.deviceTime("endedAt", interview.endedAt(), fieldCase);
        if (ended.isBefore(started)) {
            throw new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, List.of(new FieldError("endedAt", interview.endedAt())),
                    "capi.refused.endsBeforeStart");
        }
        Position position = position(interview);
        Checked checked = checks.check(fieldCase.methodologyCode(), fieldCase.methodologyVersion(), fieldCase.unitId(),
                interview.answers() == null ? Map.of() : interview.answers(), locale);
        if (!checked.isValid()) {
            throw new Refusal(HttpStatus.UNPROCESSABLE_CONTENT,
                    checked.problems().entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList(),
                    "capi.refused.answers", String.join(", ", checked.problems().keySet()));
        }
        Submission submission = Submission.of(ResponseChannel.CAPI, fieldCase.methodologyCode(),
                        fieldCase.methodologyVersion(), fieldCase.unitId(), checked.stored(), started)
                .forCase(fieldCase.campaignId(), fieldCase.stratumId(), fieldCase.id(), fieldCase.dossierId())
                .collectedBy(interviewer)
                .withIdempotencyKey(key)
                .finished(ended, position);
        try {
            Stored stored = store.submit(submission);
            return new Accepted(stored.responseId(), stored.created());
        } catch (AlreadyAnswered e) {
            throw new Refusal(HttpStatus.CONFLICT, "capi.refused.answered", Long.toString(fieldCase.id()));
        } catch (IdempotencyKeyReused e) {
            throw keyTaken(key);
        } catch (CampaignNotInField e) {
            // closed between the check above and the store: the store's word is the last
            throw new Refusal(HttpStatus.GONE, "capi.refused.notInField", fieldCase.campaignName());
        }
    }

    /**
     * The response stored under this key before, if it is this interviewer's interview of this case;
     * the key of another case or interviewer is refused (a device that reused a key), never answered
     * with that other interview.
     */
    private Optional<Accepted> earlier(String key, Long caseId, String interviewer) {
        return jdbc.sql("""
                        SELECT id, collected_by, sample_member_id FROM response
                        WHERE idempotency_key = :key AND channel = 'CAPI' AND token IS NULL AND kiosk_id IS NULL""")
                .param("key", key)
                .query((rs, n) -> {
                    if (!interviewer.equals(rs.getString("collected_by")) || caseId == null
                            || caseId != rs.getLong("sample_member_id")) {
                        throw keyTaken(key);
                    }
                    return new Accepted(rs.getLong("id"), false);
                })
                .optional();
    }

    private static Refusal keyTaken(String key) {
        return new Refusal(HttpStatus.UNPROCESSABLE_CONTENT, List.of(new FieldError("key", key)), "capi.refused.keyTaken", key);
    }

    private static Position position(SyncedInterview interview) {
        SyncedInterview.Place place = interview.position();
        if (place == null) {
            return null;
        }
        if (!Boolean.TRUE.equals(interview.positionConsent())) {
            // a position without the respondent's consent is not kept, whatever the device sent
            throw new Refusal(HttpStatus.BAD_REQUEST, List.of(new FieldError("positionConsent", "false")),
                    "capi.refused.noConsent");
        }
        if (place.latitude() == null || place.longitude() == null || Math.abs(place.latitude()) > 90
                || Math.abs(place.longitude()) > 180 || (place.accuracy() != null && place.accuracy() < 0)) {
            throw new Refusal(HttpStatus.BAD_REQUEST, List.of(new FieldError("position", String.valueOf(place))),
                    "capi.refused.position");
        }
        return new Position(place.latitude(), place.longitude(), place.accuracy());
    }
}
