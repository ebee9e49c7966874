package org.sipas.collection.capi;

import java.util.Map;

/**
 * An interview as the device sends it.
 *
 * @param key             the idempotency key the device made when the interview was saved (a UUID)
 * @param caseId          the sampled case interviewed
 * @param answers         question name → answer as typed: codes, codes separated by spaces, dd/MM/yyyy dates
 * @param startedAt       when the interview began, the device's clock, ISO-8601 instant
 * @param endedAt         when it ended, likewise
 * @param positionConsent whether the respondent agreed that the position be recorded
 * @param position        where it took place, only with consent; or null
 */
record SyncedInterview(String key, Long caseId, Map<String, String> answers, String startedAt, String endedAt,
                       Boolean positionConsent, Place position) {

    /** A position as the browser's geolocation gives it. */
    record Place(Double latitude, Double longitude, Double accuracy) {
    }
}
