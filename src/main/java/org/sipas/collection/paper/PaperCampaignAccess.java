package org.sipas.collection.paper;

import java.util.List;

import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.FieldCampaigns;
import org.sipas.catalog.CatalogCodes;
import org.sipas.catalog.CatalogCodes.UnitRef;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which campaigns and units a staff member may print papers for and follow: a campaign whose scope
 * lies within theirs, or one that covers their own unit (a commune's manager prints the papers of
 * their commune in the province's campaign); in either case only the units within their scope.
 */
@Component
class PaperCampaignAccess {

    private final FieldCampaigns campaigns;
    private final CatalogCodes catalog;
    private final CurrentUsers users;

    PaperCampaignAccess(FieldCampaigns campaigns, CatalogCodes catalog, CurrentUsers users) {
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.users = users;
    }

    /** The campaign, when the caller sees it: 404 when there is none, 403 when it lies apart from their scope. */
    FieldCampaign campaign(long id) {
        FieldCampaign campaign = campaigns.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        UnitRef scope = scope();
        UnitRef covered = catalog.unit(campaign.scopeUnitId());
        if (!covered.isWithin(scope) && !scope.isWithin(covered)) {
            throw new AccessDeniedException("campaign " + id + " lies outside the caller's scope");
        }
        return campaign;
    }

    /** The campaign's units (its strata) the caller may print for, with their names. */
    List<UnitRef> units(FieldCampaign campaign) {
        UnitRef scope = scope();
        return campaign.unitIds().stream().map(catalog::unit).filter(u -> u.isWithin(scope)).toList();
    }

    boolean isWithinScope(long unitId) {
        return catalog.unit(unitId).isWithin(scope());
    }

    String unitName(long unitId) {
        return catalog.unit(unitId).name();
    }

    private UnitRef scope() {
        CurrentUser caller = users.current();
        return catalog.unit(caller.scopeUnitId());
    }
}
