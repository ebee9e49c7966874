package org.sipas.catalog;

import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    // both answers are the fragment every scoped query uses, so a Java check and an SQL filter agree
    @Override
    public boolean isWithin(long unitId, long scopeUnitId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM unit u WHERE u.id = :unitId AND "
                        + CatalogCodes.unitWithinScope("u.id", "scope") + ")")
                .param("unitId", unitId).param("scope", scopeUnitId)
                .query(Boolean.class).single();
    }

    @Override
    public Set<Long> within(List<Long> unitIds, long scopeUnitId) {
        return Set.copyOf(jdbc.sql("SELECT u.id FROM unit u WHERE u.id = ANY(:ids) AND "
                        + CatalogCodes.unitWithinScope("u.id", "scope"))
                .param("ids", unitIds.toArray(Long[]::new)).param("scope", scopeUnitId)
                .query(Long.class).list());
    }

    @Override
    public Set<Long> holding(List<Long> unitIds, long unitId) {
        return Set.copyOf(jdbc.sql("SELECT c.id FROM unit c WHERE c.id = ANY(:ids) AND "
                        + CatalogCodes.unitWithinUnit(":unitId", "c.id"))
                .param("ids", unitIds.toArray(Long[]::new)).param("unitId", unitId)
                .query(Long.class).list());
    }
}
