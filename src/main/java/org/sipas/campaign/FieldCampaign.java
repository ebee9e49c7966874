package org.sipas.campaign;

import java.util.List;

/**
 * A campaign as a collection channel needs it: which questionnaire it asks, where it stands, and
 * the units its sample is drawn from.
 *
 * @param scopeUnitId the unit whose subtree the campaign covers
 * @param unitIds     the units of its strata, by id (empty before the draw)
 */
public record FieldCampaign(long id, String name, String status, String methodologyCode, int methodologyVersion,
                            long scopeUnitId, List<Long> unitIds) {

    public FieldCampaign {
        unitIds = List.copyOf(unitIds);
    }

    /** Whether the campaign is in the field, so that its questionnaires may be answered. */
    public boolean isInField() {
        return CampaignStatus.IN_FIELD.name().equals(status);
    }
}
