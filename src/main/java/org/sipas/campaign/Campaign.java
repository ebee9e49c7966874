package org.sipas.campaign;

import java.time.Instant;

/**
 * A survey campaign (đợt khảo sát): its plan and where it stands.
 *
 * @param seed                   the seed of the last draw (null before one): the same seed draws the same sample
 * @param sampleApprovalRequired whether fieldwork waits for the level above to approve the drawn sample
 * @param sampleDrawnBy          who drew the last sample (null before a draw, and for draws made before it was kept)
 */
record Campaign(long id, CampaignPlan plan, CampaignStatus status, Long seed, Long templateId, String createdBy,
                Instant createdAt, Instant sampledAt, Instant fieldworkAt, Instant closedAt, boolean sampleApprovalRequired,
                String sampleDrawnBy) {
}
