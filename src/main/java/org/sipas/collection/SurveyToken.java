package org.sipas.collection;

import java.time.Instant;

/**
 * A survey token as stored: what it lets its holder answer, about which dossier and unit, until when.
 *
 * @param respondentHash for an open-portal sitting, the keyed hash of the phone its respondent gave; else null
 */
record SurveyToken(String token, String methodologyCode, int methodologyVersion, Long dossierId, Long unitId,
                   String channel, Instant expiresAt, Instant usedAt, Long campaignId, Long sampleCaseId,
                   String respondentHash) {

    boolean isUsed() {
        return usedAt != null;
    }

    boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
