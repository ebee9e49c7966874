package org.sipas.catalog;

/** An official as a file gives them: what an import compares and the audit log keeps. */
record OfficialFields(String staffCode, String fullName, String title, String unitCode, boolean active) {
}
