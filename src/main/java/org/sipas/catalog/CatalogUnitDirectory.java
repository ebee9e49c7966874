package org.sipas.catalog;

import java.util.Optional;

import org.sipas.identity.UnitDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The unit tree as identity sees it, to scope users and API keys. */
@Component
class CatalogUnitDirectory implements UnitDirectory {

    private final JdbcClient jdbc;

    CatalogUnitDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UnitRef root() {
        return jdbc.sql("SELECT id, code, name FROM unit WHERE kind = 'NATION' ORDER BY id LIMIT 1")
                .query((rs, n) -> new UnitRef(rs.getLong("id"), rs.getString("code"), rs.getString("name")))
                .single();
    }

    @Override
    public Optional<UnitRef> findByCode(String code) {
        return jdbc.sql("SELECT id, code, name FROM unit WHERE code = :code").param("code", code)
                .query((rs, n) -> new UnitRef(rs.getLong("id"), rs.getString("code"), rs.getString("name")))
                .optional();
    }

    @Override
    public Optional<UnitRef> findById(long id) {
        return jdbc.sql("SELECT id, code, name FROM unit WHERE id = :id").param("id", id)
                .query((rs, n) -> new UnitRef(rs.getLong("id"), rs.getString("code"), rs.getString("name")))
                .optional();
    }

    @Override
    public boolean isWithin(long unitId, long scopeUnitId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM unit u, unit s
                                       WHERE u.id = :unitId AND s.id = :scopeId AND u.path LIKE s.path || '%')""")
                .param("unitId", unitId).param("scopeId", scopeUnitId)
                .query(Boolean.class).single();
    }
}
