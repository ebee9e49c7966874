package org.sipas.index;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sipas.catalog.CatalogCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What estimates read besides the tallies: the campaign's strata with their N_h as drawn, the units
 * of the tree (each merged unit followed to its successor), and the draw's record for the lineage.
 */
@Repository
class DomainRepository {

    /** A stratum as drawn: its unit, N_h (dossiers in the frame) and allocated n. */
    record Stratum(long id, long unitId, long frameSize, int allocated) {
    }

    /**
     * A unit as estimates place it: the unit a stratum's unit is today (itself, or the successor it
     * was merged into in the 2025 reform, followed to the end).
     */
    record Place(long id, String code, String name, String path, int depth) {

        /** The code of this unit's ancestor at {@code depth} (itself at its own depth), or null above it. */
        String ancestorCode(int depth) {
            String[] codes = path.substring(1).split("/");
            return depth < codes.length ? codes[depth] : null;
        }
    }

    /** The draw a campaign's figures come from. */
    record Draw(String methodologyCode, int methodologyVersion, Long seed, Instant sampledAt) {
    }

    private final JdbcClient jdbc;

    DomainRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaign's strata of these ids. */
    Map<Long, Stratum> strata(long campaignId, Collection<Long> ids) {
        return strata(jdbc.sql("SELECT id, unit_id, frame_size, n FROM campaign_stratum WHERE campaign_id = :c AND id = ANY(:ids)")
                .param("c", campaignId).param("ids", ids.toArray(Long[]::new)));
    }

    /** The campaign's strata whose unit lies within the caller's scope and the subtree of {@code subtreeUnitId}. */
    Map<Long, Stratum> strataWithin(long campaignId, long scopeUnitId, long subtreeUnitId) {
        return strata(jdbc.sql("SELECT s.id, s.unit_id, s.frame_size, s.n FROM campaign_stratum s WHERE s.campaign_id = :c AND "
                        + CatalogCodes.unitWithinScope("s.unit_id", "scope") + " AND " + CatalogCodes.unitWithinScope("s.unit_id", "subtree"))
                .param("c", campaignId).param("scope", scopeUnitId).param("subtree", subtreeUnitId));
    }

    private static Map<Long, Stratum> strata(JdbcClient.StatementSpec query) {
        Map<Long, Stratum> strata = new HashMap<>();
        query.query((rs, n) -> new Stratum(rs.getLong("id"), rs.getLong("unit_id"), rs.getLong("frame_size"), rs.getInt("n")))
                .list().forEach(s -> strata.put(s.id(), s));
        return strata;
    }

    /** Unit id → the place it rolls up into today. */
    Map<Long, Place> places(Collection<Long> unitIds) {
        Map<Long, Place> places = new HashMap<>();
        if (unitIds.isEmpty()) {
            return places;
        }
        jdbc.sql("""
                        WITH RECURSIVE chain AS (
                            SELECT u.id AS origin, u.id, u.successor_id, 0 AS hops FROM unit u WHERE u.id = ANY(:units)
                            UNION ALL
                            SELECT c.origin, s.id, s.successor_id, c.hops + 1 FROM chain c JOIN unit s ON s.id = c.successor_id
                            WHERE c.hops < 20)
                        SELECT DISTINCT ON (c.origin) c.origin, u.id, u.code, u.name, u.path, u.depth
                        FROM chain c JOIN unit u ON u.id = c.id
                        ORDER BY c.origin, c.hops DESC""")
                .param("units", unitIds.toArray(Long[]::new))
                .query((rs, n) -> {
                    places.put(rs.getLong("origin"), new Place(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                            rs.getString("path"), rs.getInt("depth")));
                    return null;
                }).list();
        return places;
    }

    Optional<Place> unit(String code) {
        return jdbc.sql("SELECT id, code, name, path, depth FROM unit WHERE code = :c").param("c", code)
                .query((rs, n) -> new Place(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("path"),
                        rs.getInt("depth"))).optional();
    }

    Place unit(long id) {
        return jdbc.sql("SELECT id, code, name, path, depth FROM unit WHERE id = :id").param("id", id)
                .query((rs, n) -> new Place(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("path"),
                        rs.getInt("depth"))).single();
    }

    /** Stratum id → the code of its procedure, for the strata of unit × procedure among those given. */
    Map<Long, String> stratumProcedures(long campaignId, Collection<Long> strata) {
        Map<Long, String> procedures = new HashMap<>();
        jdbc.sql("""
                        SELECT s.id, p.code FROM campaign_stratum s JOIN procedure p ON p.id = s.procedure_id
                        WHERE s.campaign_id = :c AND s.id = ANY(:ids)""")
                .param("c", campaignId).param("ids", strata.toArray(Long[]::new))
                .query((rs, n) -> procedures.put(rs.getLong(1), rs.getString(2))).list();
        return procedures;
    }

    /** Unit code → name, for the codes given. */
    Map<String, String> unitNames(Collection<String> codes) {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("SELECT code, name FROM unit WHERE code = ANY(:codes)").param("codes", codes.toArray(String[]::new))
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
        return names;
    }

    /** Procedure code → name, official staff code → full name: the labels of the cross-stratum domains. */
    Map<String, String> labels(Domain domain, Collection<String> values) {
        String sql = switch (domain) {
            case PROCEDURE -> "SELECT code, name FROM procedure WHERE code = ANY(:v)";
            case OFFICIAL -> "SELECT staff_code, full_name FROM official WHERE staff_code = ANY(:v)";
            default -> null;
        };
        Map<String, String> labels = new HashMap<>();
        if (sql != null && !values.isEmpty()) {
            jdbc.sql(sql).param("v", values.toArray(String[]::new)).query((rs, n) -> labels.put(rs.getString(1), rs.getString(2))).list();
        }
        return labels;
    }

    Draw draw(long campaignId) {
        return jdbc.sql("SELECT methodology_code, methodology_version, seed, sampled_at FROM campaign WHERE id = :c")
                .param("c", campaignId)
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp("sampled_at");
                    return new Draw(rs.getString(1), rs.getInt(2), (Long) rs.getObject("seed"), at == null ? null : at.toInstant());
                }).single();
    }

}
