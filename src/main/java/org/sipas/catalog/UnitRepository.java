package org.sipas.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sipas.web.PageOf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The unit table: the tree read for pages and imports, and written by imports in batches. */
@Repository
class UnitRepository {

    private static final String COLUMNS = """
            SELECT u.code, u.name, u.full_name, u.name_en, u.kind, u.unit_type, p.code AS parent_code, u.path, u.depth,
                   u.updated_at""";
    private static final String FROM = " FROM unit u LEFT JOIN unit p ON p.id = u.parent_id ";
    private static final String SELECT = COLUMNS + FROM;

    /** A search by code or name, diacritics optional, within a scope, optionally under one parent. */
    private static final String SEARCH = """
            WHERE u.path LIKE :scope || '%'
              AND (:parent::text IS NULL OR p.code = :parent)
              AND (:pattern::text IS NULL OR u.search LIKE fold(:pattern))
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    UnitRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The path of a caller's scope unit: everything they may see starts with it. */
    String scopePath(long unitId) {
        return jdbc.sql("SELECT path FROM unit WHERE id = :id").param("id", unitId).query(String.class).single();
    }

    PageOf<UnitView> search(String scopePath, String q, String parentCode, int page, int size) {
        Map<String, Object> params = Search.params(q);
        params.put("scope", scopePath);
        params.put("parent", parentCode);
        return Search.page(jdbc, COLUMNS, FROM + SEARCH, "u.path", params, UnitRepository::view, page, size);
    }

    Optional<UnitView> find(String code) {
        return jdbc.sql(SELECT + "WHERE u.code = :code").param("code", code).query(UnitRepository::view).optional();
    }

    /** The nation down to the unit's parent: the codes in its path, in order. */
    List<UnitView> ancestors(UnitView unit) {
        return jdbc.sql(SELECT + "WHERE u.code = ANY(string_to_array(trim(BOTH '/' FROM :path), '/')) AND u.code <> :code ORDER BY u.depth")
                .param("path", unit.path()).param("code", unit.code())
                .query(UnitRepository::view).list();
    }

    List<UnitView> children(String code) {
        return jdbc.sql(SELECT + "WHERE p.code = :code ORDER BY u.code").param("code", code)
                .query(UnitRepository::view).list();
    }

    /** The units in a scope that provide a procedure. */
    List<UnitView> providing(String procedureCode, String scopePath) {
        return jdbc.sql(SELECT + """
                        JOIN procedure_unit pu ON pu.unit_id = u.id JOIN procedure pr ON pr.id = pu.procedure_id
                        WHERE pr.code = :procedure AND u.path LIKE :scope || '%' ORDER BY u.path""")
                .param("procedure", procedureCode).param("scope", scopePath).query(UnitRepository::view).list();
    }

    /** Units in a scope, the scope's own unit included. */
    long count(String scopePath) {
        return jdbc.sql("SELECT count(*) FROM unit WHERE path LIKE :scope || '%'").param("scope", scopePath)
                .query(Long.class).single();
    }

    /** Every unit with its fields and path: the tree an import is checked against (a few thousand rows). */
    Map<String, UnitTree.Stored> allForImport() {
        Map<String, UnitTree.Stored> units = new HashMap<>();
        jdbc.sql(SELECT).query(UnitRepository::view).list().forEach(u -> units.put(u.code(), new UnitTree.Stored(
                new UnitFields(u.code(), u.name(), u.fullName(), u.nameEn(), u.kind(), u.unitType(), u.parentCode()),
                u.path())));
        return units;
    }

    /** A unit to write with its path after the import. */
    record Placed(UnitFields fields, String path) {
    }

    /**
     * Inserts new units and updates changed ones in one batch. Parents must come before their
     * children in {@code units} (sorted by depth): each row finds its parent's id by code.
     */
    void upsert(List<Placed> units) {
        batch.batchUpdate("""
                        INSERT INTO unit (code, name, full_name, name_en, kind, unit_type, parent_id, path, depth)
                        VALUES (?, ?, ?, ?, ?, ?, (SELECT id FROM unit WHERE code = ?), ?, ?)
                        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, full_name = EXCLUDED.full_name,
                            name_en = EXCLUDED.name_en, kind = EXCLUDED.kind, unit_type = EXCLUDED.unit_type,
                            parent_id = EXCLUDED.parent_id, path = EXCLUDED.path, depth = EXCLUDED.depth, updated_at = now()""",
                units.stream().map(u -> new Object[] {u.fields().code(), u.fields().name(), u.fields().fullName(),
                        u.fields().nameEn(), u.fields().kind().name(), u.fields().unitType(), u.fields().parentCode(),
                        u.path(), UnitTree.depth(u.path())}).toList());
    }

    /** Recomputes the paths below units that moved, so a subtree follows its root to the new parent. */
    void repathBelow(List<String> movedCodes) {
        if (movedCodes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        WITH RECURSIVE below AS (
                            SELECT c.id, m.path || c.code || '/' AS path, m.depth + 1 AS depth
                            FROM unit m JOIN unit c ON c.parent_id = m.id
                            WHERE m.code = ANY(:moved)
                            UNION ALL
                            SELECT c.id, b.path || c.code || '/', b.depth + 1
                            FROM below b JOIN unit c ON c.parent_id = b.id
                        )
                        UPDATE unit u SET path = b.path, depth = b.depth FROM below b
                        WHERE u.id = b.id AND u.path <> b.path""")
                .param("moved", movedCodes.toArray(String[]::new)).update();
    }

    private static UnitView view(ResultSet rs, int n) throws SQLException {
        return new UnitView(rs.getString("code"), rs.getString("name"), rs.getString("full_name"), rs.getString("name_en"),
                UnitKind.valueOf(rs.getString("kind")), rs.getString("unit_type"), rs.getString("parent_code"),
                rs.getString("path"), rs.getInt("depth"), rs.getTimestamp("updated_at").toInstant());
    }
}
