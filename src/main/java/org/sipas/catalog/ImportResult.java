package org.sipas.catalog;

/** What an import stored: rows read, units/procedures/officials added, and those whose fields changed. */
record ImportResult(int rows, int inserted, int updated) {
}
