package org.sipas.collection.kiosk;

import java.time.Instant;

/**
 * A tablet at a one-stop counter, bound to one unit: what it asks and where its ratings go.
 *
 * @param campaignId the campaign its ratings count towards (as their own labelled series), or null
 */
record Kiosk(long id, long unitId, String name, String methodologyCode, int methodologyVersion, boolean askOfficial,
             boolean askReceipt, Long campaignId, String createdBy, Instant createdAt, Instant revokedAt,
             Instant lastSeenAt) {

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
