package org.sipas.campaign;

import org.sipas.identity.UnitScope;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which campaigns the caller of a staff page or API may work with, built on the unit rule
 * ({@link UnitScope}) and nothing else: the one place the collection channels and reports ask.
 */
@Component
public class CampaignScope {

    private final FieldCampaigns campaigns;
    private final UnitScope scope;

    CampaignScope(FieldCampaigns campaigns, UnitScope scope) {
        this.campaigns = campaigns;
        this.scope = scope;
    }

    /**
     * A campaign wholly within the caller's scope, as seeing it in full or managing it requires
     * (the rule of the campaign pages): 404 when there is none, 403 otherwise.
     */
    public FieldCampaign within(long campaignId) {
        FieldCampaign campaign = find(campaignId);
        if (!scope.covers(campaign.scopeUnitId())) {
            throw new AccessDeniedException("campaign " + campaignId + " is outside the caller's scope");
        }
        return campaign;
    }

    /**
     * A campaign that lies within the caller's scope or covers it (a commune's manager prints the
     * papers of their commune in the province's campaign): 404 when there is none, 403 when it
     * lies apart. The caller still works only with the campaign's units within their scope.
     */
    public FieldCampaign overlapping(long campaignId) {
        FieldCampaign campaign = find(campaignId);
        if (!scope.overlaps(campaign.scopeUnitId())) {
            throw new AccessDeniedException("campaign " + campaignId + " is outside the caller's scope");
        }
        return campaign;
    }

    private FieldCampaign find(long campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
