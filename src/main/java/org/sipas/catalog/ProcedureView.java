package org.sipas.catalog;

import java.time.Instant;

/** A procedure as pages and the API show it, with how many units in the caller's scope provide it. */
record ProcedureView(String code, String name, String field, ProcedureLevel level, long units, Instant updatedAt) {
}
