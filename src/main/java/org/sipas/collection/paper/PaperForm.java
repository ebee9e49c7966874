package org.sipas.collection.paper;

import java.time.Instant;

/**
 * A printed paper questionnaire: its number, and whom it is for.
 *
 * @param sampleMemberId the sampled case it was printed for, or null for a blank copy of the unit
 */
record PaperForm(String number, long campaignId, int serial, long unitId, Long sampleMemberId, Instant printedAt,
                 String printedBy) {

    PaperNumber paperNumber() {
        return new PaperNumber(campaignId, serial);
    }

    /** The number as printed, in groups. */
    public String printed() {
        return paperNumber().printed();
    }
}
