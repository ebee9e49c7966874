package org.sipas.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sipas.web.PageOf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Procedures (TTHC) and the units that provide them. Writes are set-based: one statement per import step. */
@Repository
class ProcedureRepository {

    /** Units of a procedure within the scope bound to :scope. */
    private static final String UNITS_IN_SCOPE = """
            (SELECT count(*) FROM procedure_unit pu JOIN unit pun ON pun.id = pu.unit_id
             WHERE pu.procedure_id = p.id AND pun.path LIKE :scope || '%')""";

    /** A national caller sees the whole catalog; anyone else the procedures their units provide. */
    private static final String SEARCH = "WHERE (:national OR " + UNITS_IN_SCOPE + " > 0)" + """

              AND (:pattern::text IS NULL OR p.search LIKE fold(:pattern))
            """;

    private static final String COLUMNS = "SELECT p.*, " + UNITS_IN_SCOPE + " AS units";

    private final JdbcClient jdbc;

    ProcedureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageOf<ProcedureView> search(String scopePath, String q, int page, int size) {
        Map<String, Object> params = Search.params(q);
        params.put("scope", scopePath);
        params.put("national", UnitTree.depth(scopePath) == 0);
        return Search.page(jdbc, COLUMNS, "FROM procedure p " + SEARCH, "p.code", params, ProcedureRepository::view,
                page, size);
    }

    Optional<ProcedureView> find(String code, String scopePath) {
        return jdbc.sql(COLUMNS + " FROM procedure p WHERE p.code = :code")
                .param("code", code).param("scope", scopePath).query(ProcedureRepository::view).optional();
    }

    /** The procedures a unit provides. */
    List<ProcedureView> providedBy(String unitCode) {
        return jdbc.sql("""
                        SELECT p.*, 1 AS units FROM procedure p JOIN procedure_unit pu ON pu.procedure_id = p.id
                        JOIN unit u ON u.id = pu.unit_id WHERE u.code = :unit ORDER BY p.code""")
                .param("unit", unitCode).query(ProcedureRepository::view).list();
    }

    long count(String scopePath) {
        return search(scopePath, null, 1, 1).total();
    }

    /** The stored procedures among {@code codes}, each with its units inside the scope. */
    Map<String, ProcedureFields> forImport(Collection<String> codes, String scopePath) {
        Map<String, ProcedureFields> stored = new HashMap<>();
        jdbc.sql("""
                        SELECT p.code, p.name, p.field, p.level,
                               coalesce(array_agg(u.code) FILTER (WHERE u.path LIKE :scope || '%'), '{}') AS unit_codes
                        FROM procedure p LEFT JOIN procedure_unit pu ON pu.procedure_id = p.id
                        LEFT JOIN unit u ON u.id = pu.unit_id
                        WHERE p.code = ANY(:codes) GROUP BY p.id""")
                .param("codes", codes.toArray(String[]::new)).param("scope", scopePath)
                .query((rs, n) -> new ProcedureFields(rs.getString("code"), rs.getString("name"), rs.getString("field"),
                        ProcedureLevel.valueOf(rs.getString("level")), strings(rs.getArray("unit_codes"))))
                .list()
                .forEach(p -> stored.put(p.code(), p));
        return stored;
    }

    void upsert(List<ProcedureFields> procedures) {
        jdbc.sql("""
                        INSERT INTO procedure (code, name, field, level)
                        SELECT * FROM unnest(:codes::text[], :names::text[], :fields::text[], :levels::text[])
                        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, field = EXCLUDED.field,
                            level = EXCLUDED.level, updated_at = now()""")
                .param("codes", procedures.stream().map(ProcedureFields::code).toArray(String[]::new))
                .param("names", procedures.stream().map(ProcedureFields::name).toArray(String[]::new))
                .param("fields", procedures.stream().map(ProcedureFields::field).toArray(String[]::new))
                .param("levels", procedures.stream().map(p -> p.level().name()).toArray(String[]::new))
                .update();
    }

    /**
     * Makes the in-scope units of each procedure exactly those the file lists; links to units
     * outside the scope (another province's) are not the importer's to touch.
     */
    void replaceUnits(List<ProcedureFields> procedures, String scopePath) {
        List<ProcedureFields> linked = procedures.stream().filter(p -> p.unitCodes() != null).toList();
        String[] procedureCodes = linked.stream().flatMap(p -> p.unitCodes().stream().map(u -> p.code())).toArray(String[]::new);
        String[] unitCodes = linked.stream().flatMap(p -> p.unitCodes().stream()).toArray(String[]::new);
        jdbc.sql("""
                        DELETE FROM procedure_unit pu USING procedure p, unit u
                        WHERE pu.procedure_id = p.id AND pu.unit_id = u.id AND p.code = ANY(:procedures)
                          AND u.path LIKE :scope || '%'
                          AND (p.code, u.code) NOT IN (SELECT * FROM unnest(:linkProcedures::text[], :linkUnits::text[]))""")
                .param("procedures", linked.stream().map(ProcedureFields::code).toArray(String[]::new))
                .param("scope", scopePath).param("linkProcedures", procedureCodes).param("linkUnits", unitCodes)
                .update();
        jdbc.sql("""
                        INSERT INTO procedure_unit (procedure_id, unit_id)
                        SELECT p.id, u.id FROM unnest(:linkProcedures::text[], :linkUnits::text[]) AS l (procedure_code, unit_code)
                        JOIN procedure p ON p.code = l.procedure_code JOIN unit u ON u.code = l.unit_code
                        ON CONFLICT DO NOTHING""")
                .param("linkProcedures", procedureCodes).param("linkUnits", unitCodes).update();
    }

    private static LinkedHashSet<String> strings(Array array) throws SQLException {
        return new LinkedHashSet<>(Arrays.asList((String[]) array.getArray()));
    }

    private static ProcedureView view(ResultSet rs, int n) throws SQLException {
        return new ProcedureView(rs.getString("code"), rs.getString("name"), rs.getString("field"),
                ProcedureLevel.valueOf(rs.getString("level")), rs.getLong("units"), rs.getTimestamp("updated_at").toInstant());
    }
}
