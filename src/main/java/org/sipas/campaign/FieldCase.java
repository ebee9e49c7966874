package org.sipas.campaign;

/**
 * A sampled dossier as fieldwork sees it: whom to ask (the dossier), about which unit, with which
 * questionnaire, by which channel, held by which interviewer. Only active members of the sample
 * are field cases; the reserve list is not worked until a replacement promotes one of its rows.
 *
 * @param channel              ONLINE, KIOSK, PHONE, FACE_TO_FACE or PAPER (null when the campaign has no channel plan)
 * @param assignedTo           the username of the interviewer who holds the case, or null
 * @param inclusionProbability n_h / N_h of the stratum: the design weight is its inverse
 */
public record FieldCase(long id, long campaignId, String campaignName, String campaignStatus, long stratumId,
                        long unitId, Long procedureId, long dossierId, String methodologyCode, int methodologyVersion,
                        String channel, String assignedTo, double inclusionProbability, Long replacesId) {

    /** Whether the campaign is in the field, so that the case may be worked and answered. */
    public boolean isInField() {
        return CampaignStatus.IN_FIELD.name().equals(campaignStatus);
    }
}
