package org.sipas.reporting;

import java.util.List;

import org.sipas.campaign.FieldCampaign;
import org.sipas.catalog.CatalogCodes;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.UnitDirectory;
import org.sipas.identity.UnitScope;
import org.springframework.stereotype.Component;

/**
 * Who prepares a campaign's results and who approves them: the one statement of the rule, read by
 * the service, the pages and the API alike.
 *
 * <ul>
 *   <li>Preparing and submitting: an ANALYST or ADMIN whose scope covers the campaign's whole scope
 *       unit (the analysts of the body that ran the survey).</li>
 *   <li>Approving or returning: the level above the campaign's scope unit, read from the unit tree.
 *       A campaign of a commune, ward, department or agency (depth 2 or below: under a province) is
 *       approved by a PROVINCE_ADMIN, or an ADMIN, whose scope covers that province. A province-wide
 *       campaign (depth 1) or a national one (depth 0) is approved by an ADMIN of the nation (scope at
 *       the root): nobody inside a province approves the province's own results.</li>
 *   <li>Four eyes: nobody approves or returns a version they prepared or submitted.</li>
 * </ul>
 */
@Component
class Approvers {

    /** The depth of a province in the unit tree (the nation is 0). */
    static final int PROVINCE_DEPTH = 1;

    private final CatalogCodes catalog;
    private final UnitDirectory units;
    private final UnitScope scope;

    Approvers(CatalogCodes catalog, UnitDirectory units, UnitScope scope) {
        this.catalog = catalog;
        this.units = units;
        this.scope = scope;
    }

    /** Whether {@code user} may prepare and submit the campaign's results. */
    boolean mayPrepare(CurrentUser user, FieldCampaign campaign) {
        return user.hasAny(Role.ANALYST, Role.ADMIN) && scope.covers(user, campaign.scopeUnitId());
    }

    /** Whether {@code user} is of the level that approves the campaign's results (four eyes aside). */
    boolean mayApprove(CurrentUser user, FieldCampaign campaign) {
        Level level = level(campaign);
        if (!user.hasAny(level.roles().toArray(Role[]::new))) {
            return false;
        }
        return scope.covers(user, level.unitId());
    }

    /**
     * The level above a campaign: the unit whose subtree an approver's scope must cover, and the roles
     * that approve there.
     */
    record Level(long unitId, String unitCode, String unitName, List<Role> roles) {
    }

    Level level(FieldCampaign campaign) {
        CatalogCodes.UnitRef unit = catalog.unit(campaign.scopeUnitId());
        // the path holds the codes from the nation down: /VN/75/26734/
        String[] codes = unit.path().substring(1).split("/");
        int depth = codes.length - 1;
        if (depth > PROVINCE_DEPTH) {
            UnitDirectory.UnitRef province = units.findByCode(codes[PROVINCE_DEPTH]).orElseThrow();
            return new Level(province.id(), province.code(), province.name(), List.of(Role.PROVINCE_ADMIN, Role.ADMIN));
        }
        UnitDirectory.UnitRef nation = units.root();
        return new Level(nation.id(), nation.code(), nation.name(), List.of(Role.ADMIN));
    }
}
