package org.sipas.collection;

/**
 * A response refused because its campaign is not in the field (closed, or not yet started): the
 * store checks the campaign's state in the statement that inserts, so a close racing a submit
 * either comes after the stored response or refuses it. Nothing is written; a token stays open.
 */
public class CampaignNotInField extends RuntimeException {

    private final long campaignId;

    public CampaignNotInField(long campaignId) {
        super("campaign " + campaignId + " is not in the field");
        this.campaignId = campaignId;
    }

    public long campaignId() {
        return campaignId;
    }
}
