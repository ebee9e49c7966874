package org.sipas.campaign;

import java.time.LocalDate;

/** A campaign as the other features see it: what it asks, where, when, and where it stands. */
public record FieldCampaign(long id, String name, String status, String methodologyCode, int methodologyVersion,
                            long scopeUnitId, LocalDate periodFrom, LocalDate periodTo) {

    static FieldCampaign of(Campaign campaign) {
        CampaignPlan plan = campaign.plan();
        return new FieldCampaign(campaign.id(), plan.name(), campaign.status().name(), plan.methodologyCode(),
                plan.methodologyVersion(), plan.scopeUnitId(), plan.period().from(), plan.period().to());
    }

    public boolean isInField() {
        return CampaignStatus.IN_FIELD.name().equals(status);
    }
}
