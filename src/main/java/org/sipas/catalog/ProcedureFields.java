package org.sipas.catalog;

import java.util.Set;

/**
 * A procedure as a file gives it, with the units providing it that lie in the importer's scope
 * (null when the file has no unit_codes column: the links are then left as they are).
 */
record ProcedureFields(String code, String name, String field, ProcedureLevel level, Set<String> unitCodes) {

    /** The same procedure with the catalog's own fields only, to tell whether they change. */
    ProcedureFields withoutUnits() {
        return new ProcedureFields(code, name, field, level, null);
    }
}
