package org.sipas.collection;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A commune with officials, inserted with plain SQL under codes of a test's own (the test database is shared). */
final class CollectionCatalog {

    private CollectionCatalog() {
    }

    /** The id of commune {@code code} under the nation, created with {@code officials} (staff codes) on first use. */
    static long unitWithOfficials(JdbcClient jdbc, String code, String... officials) {
        return jdbc.sql("SELECT id FROM unit WHERE code = :code").param("code", code).query(Long.class).optional()
                .orElseGet(() -> {
                    long unit = jdbc.sql("""
                                    INSERT INTO unit (code, name, kind, unit_type, parent_id, path, depth)
                                    SELECT :code, 'Phường ' || :code, 'COMMUNE', 'Phường', id, path || :code || '/', depth + 1
                                    FROM unit WHERE code = 'VN' RETURNING id""")
                            .param("code", code).query(Long.class).single();
                    for (String official : officials) {
                        jdbc.sql("INSERT INTO official (staff_code, full_name, unit_id) VALUES (:code, :name, :unit)")
                                .param("code", official).param("name", "Công chức " + official).param("unit", unit).update();
                    }
                    return unit;
                });
    }
}
