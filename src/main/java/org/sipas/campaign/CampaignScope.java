package org.sipas.campaign;

import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.PartnerOrganisations;
import org.sipas.identity.UnitScope;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which campaigns the caller of a staff page or API may work with, built on the unit rule
 * ({@link UnitScope}), and for the staff of a partner organisation the campaigns it serves: the
 * one place the collection channels and reports ask.
 */
@Component
public class CampaignScope {

    private final FieldCampaigns campaigns;
    private final UnitScope scope;
    private final CurrentUsers users;
    private final PartnerOrganisations partners;

    CampaignScope(FieldCampaigns campaigns, UnitScope scope, CurrentUsers users, PartnerOrganisations partners) {
        this.campaigns = campaigns;
        this.scope = scope;
        this.users = users;
        this.partners = partners;
    }

    /**
     * Whether a partner organisation's member may work with the campaign: the administration's own
     * staff always (as far as this rule goes), a partner's staff only in a campaign it serves.
     */
    public boolean servedFor(CurrentUser user, long campaignId) {
        return !user.isPartner() || partners.servesCampaign(user.partnerId(), campaignId);
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
        FieldCampaign campaign = campaigns.find(campaignId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        users.find().filter(u -> !servedFor(u, campaignId)).ifPresent(u -> {
            throw new AccessDeniedException("campaign " + campaignId + " is not served by the partner of " + u.name());
        });
        return campaign;
    }
}
