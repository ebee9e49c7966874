package org.sipas.campaign;

/**
 * Where a campaign stands: planned, sampled (the sample may still be drawn again), in the field
 * (methodology frozen, sample locked: only audited replacements), closed.
 */
enum CampaignStatus {
    DRAFT, SAMPLED, IN_FIELD, CLOSED;

    public boolean mayDraw() {
        return this == DRAFT || this == SAMPLED;
    }
}
