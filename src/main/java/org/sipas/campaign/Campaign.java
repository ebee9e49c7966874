package org.sipas.campaign;

import java.time.Instant;

/**
 * A survey campaign (đợt khảo sát): its plan and where it stands.
 *
 * @param seed the seed of the last draw (null before one): the same seed draws the same sample
 */
record Campaign(long id, CampaignPlan plan, CampaignStatus status, Long seed, Long templateId, String createdBy,
                Instant createdAt, Instant sampledAt, Instant fieldworkAt, Instant closedAt) {
}
