package org.sipas.campaign;

/**
 * A campaign as the collection channels need to know it: its name, where it stands, the unit
 * subtree it covers and the questionnaire it asks.
 */
public record FieldCampaign(long id, String name, String status, long scopeUnitId, String methodologyCode,
                            int methodologyVersion) {

    /** Whether the campaign is in the field, so that its questionnaire may be answered. */
    public boolean isInField() {
        return CampaignStatus.IN_FIELD.name().equals(status);
    }
}
