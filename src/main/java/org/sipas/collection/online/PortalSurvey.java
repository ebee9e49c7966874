package org.sipas.collection.online;

import java.time.Instant;
import java.time.LocalDate;

import org.sipas.web.Formats;

/**
 * Whether a campaign takes answers from anyone on its open portal page, and when.
 *
 * @param opensAt  from when (null: as soon as the campaign is in the field)
 * @param closesAt until when, exclusive (null: until the campaign closes)
 */
record PortalSurvey(long campaignId, boolean enabled, Instant opensAt, Instant closesAt, String updatedBy, Instant updatedAt) {

    /** No setting yet: the portal is off. */
    static PortalSurvey off(long campaignId) {
        return new PortalSurvey(campaignId, false, null, null, null, null);
    }

    /** Whether the portal takes answers at {@code now} (the campaign must also be in the field). */
    boolean isOpen(Instant now) {
        return enabled && (opensAt == null || !now.isBefore(opensAt)) && (closesAt == null || now.isBefore(closesAt));
    }

    /** The first day it opens, in Vietnamese time, or null. */
    public LocalDate opensOn() {
        return opensAt == null ? null : opensAt.atZone(Formats.ZONE).toLocalDate();
    }

    /** The last day it is open, in Vietnamese time, or null. */
    public LocalDate closesOn() {
        return closesAt == null ? null : closesAt.atZone(Formats.ZONE).toLocalDate().minusDays(1);
    }
}
