package org.sipas.collection.cati;

import java.time.Instant;

import org.sipas.collection.Disposition;

/**
 * One call of a case as it was recorded.
 *
 * @param startedAt  when the interviewer opened the case for this call
 * @param endedAt    when the outcome was recorded
 * @param callbackAt the time agreed for a callback, or null
 * @param responseId the response a completed interview stored, or null
 */
record CallAttempt(long id, long caseId, long campaignId, String interviewer, Instant startedAt, Instant endedAt,
                   Disposition outcome, Instant callbackAt, String note, Long responseId) {
}
