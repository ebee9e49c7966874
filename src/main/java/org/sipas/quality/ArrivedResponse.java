package org.sipas.quality;

import java.time.Instant;
import java.util.Map;

/**
 * A stored response as quality control reads it.
 *
 * @param unitId      the stratum's unit, else the response's, else the campaign's scope (as the tallies place it)
 * @param interviewer the interviewer or clerk who collected it, or null (the respondent alone)
 */
record ArrivedResponse(long id, long campaignId, String channel, String interviewer, Long dossierId, long unitId,
                       String methodologyCode, int methodologyVersion, Map<String, String> answers, Instant startedAt,
                       Instant finishedAt, Instant submittedAt, String token, Double latitude, Double longitude) {

    /** When answering ended: the device's time for an interview synced later, else the store's. */
    Instant endedAt() {
        return finishedAt != null ? finishedAt : submittedAt;
    }

    boolean byInterviewer() {
        return "CATI".equals(channel) || "CAPI".equals(channel);
    }
}
