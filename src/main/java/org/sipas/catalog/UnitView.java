package org.sipas.catalog;

import java.time.Instant;

/** A unit as pages and the API show it. */
record UnitView(String code, String name, String fullName, String nameEn, UnitKind kind, String unitType,
                String parentCode, String path, int depth, Instant updatedAt) {

    /** Whether this unit lies in the subtree whose root has {@code scopePath}; public for the templates. */
    public boolean isWithin(String scopePath) {
        return path.startsWith(scopePath);
    }
}
