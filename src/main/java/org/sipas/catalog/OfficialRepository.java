package org.sipas.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sipas.web.PageOf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Officials (công chức) and the unit each works in now. */
@Repository
class OfficialRepository {

    private static final String COLUMNS = """
            SELECT o.staff_code, o.full_name, o.title, u.code AS unit_code, u.name AS unit_name, o.active, o.updated_at""";
    private static final String FROM = " FROM official o JOIN unit u ON u.id = o.unit_id ";
    private static final String SEARCH = """
            WHERE u.path LIKE :scope || '%'
              AND (:pattern::text IS NULL OR o.search LIKE fold(:pattern))
            """;

    private final JdbcClient jdbc;

    OfficialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Officials in the subtree of {@code withinPath} (the caller's scope, or a unit inside it) matching {@code q}. */
    PageOf<OfficialView> search(String withinPath, String q, int page, int size) {
        Map<String, Object> params = Search.params(q);
        params.put("scope", withinPath);
        return Search.page(jdbc, COLUMNS, FROM + SEARCH, "u.path, o.full_name, o.staff_code", params,
                OfficialRepository::view, page, size);
    }

    /** The officials working in one unit (not below it), as its page lists them. */
    List<OfficialView> workingIn(String unitCode) {
        return jdbc.sql(COLUMNS + FROM + "WHERE u.code = :unit ORDER BY o.active DESC, o.full_name")
                .param("unit", unitCode).query(OfficialRepository::view).list();
    }

    long count(String scopePath) {
        return jdbc.sql("SELECT count(*)" + FROM + "WHERE u.path LIKE :scope || '%' AND o.active")
                .param("scope", scopePath).query(Long.class).single();
    }

    /** A stored official with the path of their unit, to tell whether an importer may change them. */
    record Stored(OfficialFields fields, String unitPath) {
    }

    Map<String, Stored> forImport(List<String> staffCodes) {
        Map<String, Stored> stored = new HashMap<>();
        jdbc.sql("""
                        SELECT o.staff_code, o.full_name, o.title, u.code AS unit_code, o.active, u.path
                        FROM official o JOIN unit u ON u.id = o.unit_id WHERE o.staff_code = ANY(:codes)""")
                .param("codes", staffCodes.toArray(String[]::new))
                .query((rs, n) -> new Stored(new OfficialFields(rs.getString("staff_code"), rs.getString("full_name"),
                        rs.getString("title"), rs.getString("unit_code"), rs.getBoolean("active")), rs.getString("path")))
                .list()
                .forEach(o -> stored.put(o.fields().staffCode(), o));
        return stored;
    }

    void upsert(List<OfficialFields> officials) {
        jdbc.sql("""
                        INSERT INTO official (staff_code, full_name, title, unit_id, active)
                        SELECT l.staff_code, l.full_name, l.title, u.id, l.active
                        FROM unnest(:codes::text[], :names::text[], :titles::text[], :units::text[], :active::boolean[])
                             AS l (staff_code, full_name, title, unit_code, active)
                        JOIN unit u ON u.code = l.unit_code
                        ON CONFLICT (staff_code) DO UPDATE SET full_name = EXCLUDED.full_name, title = EXCLUDED.title,
                            unit_id = EXCLUDED.unit_id, active = EXCLUDED.active, updated_at = now()""")
                .param("codes", officials.stream().map(OfficialFields::staffCode).toArray(String[]::new))
                .param("names", officials.stream().map(OfficialFields::fullName).toArray(String[]::new))
                .param("titles", officials.stream().map(OfficialFields::title).toArray(String[]::new))
                .param("units", officials.stream().map(OfficialFields::unitCode).toArray(String[]::new))
                .param("active", officials.stream().map(OfficialFields::active).toArray(Boolean[]::new))
                .update();
    }

    private static OfficialView view(ResultSet rs, int n) throws SQLException {
        return new OfficialView(rs.getString("staff_code"), rs.getString("full_name"), rs.getString("title"),
                rs.getString("unit_code"), rs.getString("unit_name"), rs.getBoolean("active"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
