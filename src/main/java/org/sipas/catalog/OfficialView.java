package org.sipas.catalog;

import java.time.Instant;

/** An official as pages and the API show them, with their unit. */
record OfficialView(String staffCode, String fullName, String title, String unitCode, String unitName, boolean active,
                    Instant updatedAt) {
}
