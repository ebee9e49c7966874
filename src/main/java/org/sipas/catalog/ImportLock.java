package org.sipas.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Serialises imports of one kind across every application node: two unit files validated against
 * the same tree and written together could otherwise make a cycle, and two files adding the same
 * new code would collide on its unique key instead of the second updating it.
 */
@Component
class ImportLock {

    private final JdbcClient jdbc;

    ImportLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Held until the caller's transaction ends. */
    void hold(String kind) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", "sipas.catalog." + kind)
                .query((rs, n) -> n).single();
    }
}
