package org.sipas.catalog;

import java.util.HashMap;
import java.util.Map;

/**
 * What a user typed in a search box, as the named parameters of a search: {@code :pattern}
 * ({@code %text%}, compared to names folded by the database's {@code fold()}, so diacritics do
 * not matter) and {@code :prefix} ({@code text%}, compared to codes). Both null when nothing was
 * typed. LIKE's own characters are escaped so that "10%" means ten percent.
 */
final class Like {

    private Like() {
    }

    /** A mutable map, for the caller to add its own parameters (the scope…). */
    static Map<String, Object> params(String typed) {
        Map<String, Object> params = new HashMap<>();
        boolean empty = typed == null || typed.isBlank();
        String literal = empty ? null : typed.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        params.put("pattern", empty ? null : "%" + literal + "%");
        params.put("prefix", empty ? null : literal + "%");
        return params;
    }
}
