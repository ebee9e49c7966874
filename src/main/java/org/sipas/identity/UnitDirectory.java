package org.sipas.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What identity needs to know of the unit tree to scope users, implemented by the catalog (which
 * depends on identity, not the other way round).
 */
public interface UnitDirectory {

    /** The nation, root of every scope. */
    UnitRef root();

    Optional<UnitRef> findByCode(String code);

    Optional<UnitRef> findById(long id);

    /** Whether {@code unitId} lies in the subtree of {@code scopeUnitId} (a unit is in its own subtree). */
    boolean isWithin(long unitId, long scopeUnitId);

    /** Those of {@code unitIds} that lie in the subtree of {@code scopeUnitId}, in one query. */
    Set<Long> within(List<Long> unitIds, long scopeUnitId);

    /** Those of {@code unitIds} whose subtree holds {@code unitId} (its ancestors and itself among them), in one query. */
    Set<Long> holding(List<Long> unitIds, long unitId);

    record UnitRef(long id, String code, String name) {
    }
}
