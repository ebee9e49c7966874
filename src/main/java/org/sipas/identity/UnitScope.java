package org.sipas.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one rule of unit scope, for every page and API: a caller sees and changes only what belongs
 * to a unit in the subtree of their scope unit ({@link CurrentUser#scopeUnitId()}; a unit is in its
 * own subtree). Java checks ask here; queries that filter rows by the same rule put the catalog's
 * SQL fragment ({@code CatalogCodes.unitWithinScope}) in their statement and bind {@link #unitId()}
 * to its parameter. The tree itself is the catalog's, answered through {@link UnitDirectory} with
 * that same fragment, so the Java check and the SQL filter cannot disagree.
 *
 * <p>Staff of a partner organisation ({@link CurrentUser#partnerId()}) are confined further, to the
 * units their organisation serves (each with its subtree): {@link #covers} and {@link #covered}
 * ask both. The campaigns they may open are the ones their organisation serves (the campaigns'
 * own scope rule asks {@link PartnerOrganisations#servesCampaign}).
 *
 * <p>Rules built on this one live with what they guard: "a campaign the caller may see or manage"
 * with the campaigns, "a case the interviewer holds" with the fieldwork.
 */
@Component
public class UnitScope {

    private final CurrentUsers users;
    private final UnitDirectory units;
    private final PartnerRepository partners;

    UnitScope(CurrentUsers users, UnitDirectory units, PartnerRepository partners) {
        this.users = users;
        this.units = units;
        this.partners = partners;
    }

    /** The caller's scope unit: the value to bind to the parameter of the scope fragment in a query. */
    public long unitId() {
        return users.current().scopeUnitId();
    }

    /** Whether the unit lies within the caller's scope. */
    public boolean covers(long unitId) {
        return covers(users.current(), unitId);
    }

    /** Whether the unit lies within the scope of {@code user} (another person's: the interviewer a case goes to). */
    public boolean covers(CurrentUser user, long unitId) {
        if (!units.isWithin(unitId, user.scopeUnitId())) {
            return false;
        }
        return !user.isPartner() || partners.servedUnits(user.partnerId()).stream().anyMatch(served -> units.isWithin(unitId, served));
    }

    /** The unit, when it lies within the caller's scope; otherwise a 403. */
    public void require(long unitId) {
        require(users.current(), unitId);
    }

    /** The unit, when it lies within the scope of {@code user}; otherwise a 403 naming them. */
    public void require(CurrentUser user, long unitId) {
        if (!covers(user, unitId)) {
            throw new AccessDeniedException("unit " + unitId + " is outside the scope of " + user.name());
        }
    }

    /**
     * Whether the subtree of {@code unitId} and the caller's scope meet: the unit lies within the
     * scope, or the scope lies within the unit's subtree (a commune's manager and the province's
     * campaign).
     */
    public boolean overlaps(long unitId) {
        long scope = unitId();
        return units.isWithin(unitId, scope) || units.isWithin(scope, unitId);
    }

    /** Those of {@code unitIds} whose subtree meets the caller's scope ({@link #overlaps}), asked in two queries. */
    public Set<Long> overlapping(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return Set.of();
        }
        long scope = unitId();
        Set<Long> meeting = new java.util.HashSet<>(units.within(List.copyOf(unitIds), scope));
        meeting.addAll(units.holding(List.copyOf(unitIds), scope));
        return meeting;
    }

    /** Those of {@code unitIds} within the caller's scope, asked in one query. */
    public Set<Long> covered(Collection<Long> unitIds) {
        return covered(users.current(), unitIds);
    }

    /** Those of {@code unitIds} within the scope of {@code user}, asked in one query. */
    public Set<Long> covered(CurrentUser user, Collection<Long> unitIds) {
        Set<Long> within = covered(user.scopeUnitId(), unitIds);
        if (!user.isPartner() || within.isEmpty()) {
            return within;
        }
        Set<Long> served = new java.util.HashSet<>();
        for (long unit : partners.servedUnits(user.partnerId())) {
            served.addAll(covered(unit, within));
        }
        return served;
    }

    /** Those of {@code unitIds} within the scope of a staff member (an interviewer cases may go to), in one query. */
    public Set<Long> covered(StaffAccounts.StaffMember member, Collection<Long> unitIds) {
        return covered(member.scopeUnitId(), unitIds);
    }

    private Set<Long> covered(long scopeUnitId, Collection<Long> unitIds) {
        return unitIds.isEmpty() ? Set.of() : units.within(List.copyOf(unitIds), scopeUnitId);
    }
}
