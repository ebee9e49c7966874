package org.sipas.campaign;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.sipas.catalog.CatalogCodes;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.sipas.identity.UnitDirectory;
import org.sipas.identity.UnitScope;
import org.springframework.stereotype.Component;

/**
 * The level above a campaign's scope unit, who approves what the campaign produces: its sample
 * before fieldwork (here) and its results before publication (reporting's {@code Approvers}
 * asks here). The one statement of the rule, read from the unit tree:
 *
 * <ul>
 *   <li>A campaign of a commune, ward, department or agency (depth 2 or below: under a province) is
 *       approved by a PROVINCE_ADMIN, or an ADMIN, whose scope covers that province.</li>
 *   <li>A province-wide campaign (depth 1) or a national one (depth 0) is approved by an ADMIN of the
 *       nation (scope at the root): nobody inside a province approves the province's own work.</li>
 * </ul>
 * Four eyes (the one who prepared is not the one who approves) is each approval's own check.
 */
@Component
public class ApprovalLevels {

    /** The depth of a province in the unit tree (the nation is 0). */
    static final int PROVINCE_DEPTH = 1;

    private final CatalogCodes catalog;
    private final UnitDirectory units;
    private final UnitScope scope;
    private final StaffAccounts accounts;

    ApprovalLevels(CatalogCodes catalog, UnitDirectory units, UnitScope scope, StaffAccounts accounts) {
        this.accounts = accounts;
        this.catalog = catalog;
        this.units = units;
        this.scope = scope;
    }

    /**
     * The level above a campaign: the unit whose subtree an approver's scope must cover, and the roles
     * that approve there.
     */
    public record Level(long unitId, String unitCode, String unitName, List<Role> roles) {
    }

    /** The level above the campaign whose scope is {@code scopeUnitId}. */
    public Level above(long scopeUnitId) {
        CatalogCodes.UnitRef unit = catalog.unit(scopeUnitId);
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

    /**
     * The enabled staff of the level that approves the campaign of {@code scopeUnitId} (four eyes aside):
     * whom to tell that something waits for their approval. By user name, in no particular order.
     */
    public Set<String> approvers(long scopeUnitId) {
        Level level = above(scopeUnitId);
        Set<String> approvers = new LinkedHashSet<>();
        for (Role role : level.roles()) {
            for (StaffAccounts.StaffMember member : accounts.enabledWith(role)) {
                if (!scope.covered(member, List.of(level.unitId())).isEmpty()) {
                    approvers.add(member.username());
                }
            }
        }
        return approvers;
    }

    /** Whether {@code user} is of the level that approves the campaign of {@code scopeUnitId} (four eyes aside). */
    public boolean isApprover(CurrentUser user, long scopeUnitId) {
        Level level = above(scopeUnitId);
        return user.hasAny(level.roles().toArray(Role[]::new)) && scope.covers(user, level.unitId());
    }
}
