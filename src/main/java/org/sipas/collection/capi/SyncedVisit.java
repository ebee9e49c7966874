package org.sipas.collection.capi;

/**
 * A visit without an interview as the device sends it.
 *
 * @param key       the idempotency key the device made when the visit was saved
 * @param outcome   a {@link VisitOutcome} name
 * @param visitedAt when, the device's clock, ISO-8601 instant
 * @param note      what the interviewer wants the supervisor to know, or null
 */
record SyncedVisit(String key, Long caseId, String outcome, String visitedAt, String note) {
}
