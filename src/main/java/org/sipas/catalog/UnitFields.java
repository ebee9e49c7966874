package org.sipas.catalog;

/**
 * A unit's own fields as a file gives them: what an import compares to tell an update from a
 * no-op, and what the audit log keeps before and after.
 */
record UnitFields(String code, String name, String fullName, String nameEn, UnitKind kind, String unitType,
                  String parentCode) {
}
