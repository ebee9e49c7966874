package org.sipas.campaign;

import java.time.LocalDate;
import java.util.List;

/**
 * A campaign as the collection channels and reports need it: which questionnaire it asks, where
 * it stands, the subtree and period it covers, and the units its sample is drawn from.
 *
 * @param scopeUnitId the unit whose subtree the campaign covers
 * @param periodFrom  the first day of receipt of the dossiers it samples (Vietnamese time)
 * @param unitIds     the units of its strata, by id (empty before the draw)
 */
public record FieldCampaign(long id, String name, String status, String methodologyCode, int methodologyVersion,
                            long scopeUnitId, LocalDate periodFrom, LocalDate periodTo, List<Long> unitIds) {

    public FieldCampaign {
        unitIds = List.copyOf(unitIds);
    }

    static FieldCampaign of(Campaign campaign, List<Long> unitIds) {
        CampaignPlan plan = campaign.plan();
        return new FieldCampaign(campaign.id(), plan.name(), campaign.status().name(), plan.methodologyCode(),
                plan.methodologyVersion(), plan.scopeUnitId(), plan.period().from(), plan.period().to(), unitIds);
    }

    /** Whether the campaign is in the field, so that its questionnaires may be answered. */
    public boolean isInField() {
        return CampaignStatus.IN_FIELD.name().equals(status);
    }
}
