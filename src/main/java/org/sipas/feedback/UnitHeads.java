package org.sipas.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.sipas.catalog.CatalogCodes;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.springframework.stereotype.Service;

/**
 * Who owns a unit's cases: its head, the enabled UNIT_MANAGER accounts whose scope is exactly
 * that unit; escalation goes to the nearest ancestor that has a head.
 */
@Service
class UnitHeads {

    record Head(String username, String displayName) {
    }

    private final StaffAccounts accounts;
    private final CatalogCodes catalog;

    UnitHeads(StaffAccounts accounts, CatalogCodes catalog) {
        this.accounts = accounts;
        this.catalog = catalog;
    }

    List<Head> of(long unitId) {
        return byUnit().getOrDefault(unitId, List.of());
    }

    /** Every unit's heads, read once (a batch of cases asks for many units). */
    Map<Long, List<Head>> byUnit() {
        return accounts.enabledWith(Role.UNIT_MANAGER).stream().collect(Collectors.groupingBy(m -> m.scopeUnitId(),
                Collectors.mapping(m -> new Head(m.username(), m.displayName()), Collectors.toList())));
    }

    /** The nearest ancestor of the unit with a head (the parent first), if any. */
    Optional<Long> escalationUnit(long unitId) {
        List<String> path = new ArrayList<>(List.of(catalog.unit(unitId).path().substring(1).split("/")));
        path.remove(path.size() - 1);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        var byCode = catalog.unitsByCode();
        List<Long> withHeads = accounts.enabledWith(Role.UNIT_MANAGER).stream().map(m -> m.scopeUnitId()).toList();
        for (int i = path.size() - 1; i >= 0; i--) {
            CatalogCodes.UnitRef ancestor = byCode.get(path.get(i));
            if (ancestor != null && withHeads.contains(ancestor.id())) {
                return Optional.of(ancestor.id());
            }
        }
        // no head above: the parent owns it all the same, and its administrators see it in their lists
        CatalogCodes.UnitRef parent = byCode.get(path.get(path.size() - 1));
        return Optional.ofNullable(parent).map(CatalogCodes.UnitRef::id);
    }
}
