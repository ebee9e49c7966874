package org.sipas.catalog;

import java.util.Map;

import org.sipas.web.TabularRow;

/** The units an import row may name: any known unit, provided it lies in the importer's scope. */
record ScopedUnits(Map<String, CatalogCodes.UnitRef> byCode, String scopePath) {

    /** The unit of {@code code}, or null after noting that it is unknown or outside the scope. */
    CatalogCodes.UnitRef find(TabularRow row, String column, String code, ImportCheck check) {
        CatalogCodes.UnitRef unit = byCode.get(code);
        if (unit == null) {
            check.add(row.error(column, "catalog.unit.unknown", code));
        } else if (!unit.path().startsWith(scopePath)) {
            check.add(row.error(column, "catalog.unit.outsideScope", code));
            return null;
        }
        return unit;
    }
}
