package org.sipas.collection.online;

import java.util.HashMap;
import java.util.Map;

import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.FieldCampaigns;
import org.sipas.catalog.CatalogCodes;
import org.sipas.catalog.CatalogCodes.UnitRef;
import org.sipas.identity.CurrentUsers;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Which campaigns and units the caller of a staff page may work with: those within their unit scope. */
@Component
class CampaignAccess {

    private final FieldCampaigns fieldCampaigns;
    private final CatalogCodes catalog;
    private final CurrentUsers users;

    CampaignAccess(FieldCampaigns fieldCampaigns, CatalogCodes catalog, CurrentUsers users) {
        this.fieldCampaigns = fieldCampaigns;
        this.catalog = catalog;
        this.users = users;
    }

    /** A campaign that covers the caller's units or lies within their scope: 404 when none, 403 otherwise. */
    FieldCampaign overlapping(long campaignId) {
        FieldCampaign campaign = find(campaignId);
        UnitRef scope = callerScope();
        UnitRef covered = catalog.unit(campaign.scopeUnitId());
        if (!covered.isWithin(scope) && !scope.isWithin(covered)) {
            throw new AccessDeniedException("campaign " + campaignId + " is outside the caller's scope");
        }
        return campaign;
    }

    /** A campaign wholly within the caller's scope, as managing it requires: 404 when none, 403 otherwise. */
    FieldCampaign managed(long campaignId) {
        FieldCampaign campaign = find(campaignId);
        if (!catalog.unit(campaign.scopeUnitId()).isWithin(callerScope())) {
            throw new AccessDeniedException("campaign " + campaignId + " is outside the caller's scope");
        }
        return campaign;
    }

    UnitRef callerScope() {
        return catalog.unit(users.current().scopeUnitId());
    }

    /** Units by id, each read once for a whole page. */
    Map<Long, UnitRef> units(Iterable<Long> ids) {
        Map<Long, UnitRef> units = new HashMap<>();
        for (Long id : ids) {
            units.computeIfAbsent(id, catalog::unit);
        }
        return units;
    }

    private FieldCampaign find(long campaignId) {
        return fieldCampaigns.find(campaignId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
