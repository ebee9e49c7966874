package org.sipas.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The catalog as other features see it when they read codes from a file: a unit, procedure or
 * official code resolved to its id. Imports load the whole map once (a few thousand units and
 * procedures, tens of thousands of officials) rather than asking row by row.
 */
@Service
public class CatalogCodes {

    /** A unit as an importer needs it: its id, names and path (whether it lies in a scope is {@code UnitScope}'s to say). */
    public record UnitRef(long id, String code, String name, String path) {
    }

    /** An official as an importer needs it. */
    public record OfficialRef(long id, String staffCode, long unitId) {
    }

    /** An official of a unit as a respondent picks them: by name and title, stored by staff code. */
    public record UnitOfficial(String staffCode, String fullName, String title) {
    }

    /** A province as the public portal names it, in both languages (the English name falls back to the Vietnamese). */
    public record Province(String code, String name, String nameEn) {
    }

    private final JdbcClient jdbc;

    CatalogCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * SQL condition true when the unit id in {@code unitIdColumn} lies in the subtree of the unit
     * whose id is bound to the named parameter {@code scopeParam}: how other features filter
     * their rows by a caller's scope without knowing how the tree is stored. The one statement of
     * the scope rule in SQL: {@code identity.UnitScope} answers its Java checks with it too (bind
     * {@code UnitScope.unitId()} for the caller's scope).
     */
    public static String unitWithinScope(String unitIdColumn, String scopeParam) {
        return unitWithinUnit(unitIdColumn, ":" + scopeParam);
    }

    /**
     * The same rule with the scope's unit id taken from a column ({@code c.scope_unit_id}) instead of
     * a parameter: for a query over many scopes at once, such as every campaign's frame.
     */
    public static String unitWithinUnit(String unitIdColumn, String scopeUnitIdExpression) {
        // starts_with, not LIKE: a '_' or '%' in a unit code would be a wildcard and widen the scope
        return unitIdColumn + " IN (SELECT scoped.id FROM unit scoped WHERE starts_with(scoped.path, "
                + "(SELECT s.path FROM unit s WHERE s.id = " + scopeUnitIdExpression + ")))";
    }

    public Map<String, UnitRef> unitsByCode() {
        Map<String, UnitRef> units = new HashMap<>();
        jdbc.sql("SELECT id, code, name, path FROM unit")
                .query((rs, n) -> new UnitRef(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("path")))
                .list()
                .forEach(u -> units.put(u.code(), u));
        return units;
    }

    public UnitRef unit(long id) {
        return jdbc.sql("SELECT id, code, name, path FROM unit WHERE id = :id").param("id", id)
                .query((rs, n) -> new UnitRef(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("path")))
                .single();
    }

    public Map<String, Long> procedureIdsByCode() {
        Map<String, Long> procedures = new HashMap<>();
        jdbc.sql("SELECT id, code FROM procedure").query((rs, n) -> {
            procedures.put(rs.getString("code"), rs.getLong("id"));
            return null;
        }).list();
        return procedures;
    }

    /** The active officials of exactly this unit, by name. */
    public List<UnitOfficial> officialsOf(long unitId) {
        return jdbc.sql("""
                        SELECT staff_code, full_name, title FROM official
                        WHERE unit_id = :unitId AND active ORDER BY full_name, staff_code""")
                .param("unitId", unitId)
                .query((rs, n) -> new UnitOfficial(rs.getString("staff_code"), rs.getString("full_name"), rs.getString("title")))
                .list();
    }

    public Map<String, OfficialRef> officialsByStaffCode() {
        Map<String, OfficialRef> officials = new HashMap<>();
        jdbc.sql("SELECT id, staff_code, unit_id FROM official")
                .query((rs, n) -> new OfficialRef(rs.getLong("id"), rs.getString("staff_code"), rs.getLong("unit_id")))
                .list()
                .forEach(o -> officials.put(o.staffCode(), o));
        return officials;
    }

    /** The provinces under the nation, by code: those the public map draws and its uploaded boundaries must name. */
    public List<Province> provinces() {
        return jdbc.sql("""
                        SELECT code, name, coalesce(name_en, name) AS name_en FROM unit
                        WHERE kind = 'PROVINCE' AND depth = 1 AND successor_id IS NULL
                          AND (valid_to IS NULL OR valid_to >= current_date) ORDER BY code""")
                .query((rs, n) -> new Province(rs.getString("code"), rs.getString("name"), rs.getString("name_en")))
                .list();
    }

    /**
     * The ministries and provinces in force right under the nation, by code: those that file a
     * yearly report on their use of the index.
     */
    public List<UnitRef> ministriesAndProvinces() {
        return jdbc.sql("""
                        SELECT id, code, name, path FROM unit
                        WHERE kind IN ('MINISTRY', 'PROVINCE') AND depth = 1 AND successor_id IS NULL
                          AND (valid_to IS NULL OR valid_to >= current_date) ORDER BY code""")
                .query((rs, n) -> new UnitRef(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("path")))
                .list();
    }
}
