package org.sipas.frame;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The size of the sampling frame: dossiers per unit, per procedure and per month of receipt
 * (in Vietnamese time), within a scope. Campaigns ask {@link #byUnit} for the N of each stratum.
 */
@Service
public class DossierCounts {

    /** The ways dossiers are grouped for counting. */
    enum By {
        UNIT("""
                SELECT d.unit_id AS id, u.code AS key, u.name AS label, count(*) AS dossiers
                FROM dossier d JOIN unit u ON u.id = d.unit_id %s
                GROUP BY d.unit_id, u.code, u.name, u.path ORDER BY u.path"""),
        PROCEDURE("""
                SELECT d.procedure_id AS id, p.code AS key, p.name AS label, count(*) AS dossiers
                FROM dossier d JOIN procedure p ON p.id = d.procedure_id %s
                GROUP BY d.procedure_id, p.code, p.name ORDER BY p.code"""),
        MONTH("""
                SELECT to_char(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYYMM')::bigint AS id,
                       to_char(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS key,
                       to_char(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'MM/YYYY') AS label, count(*) AS dossiers
                FROM dossier d %s
                GROUP BY 1, 2, 3 ORDER BY 1""");

        private final String sql;

        By(String sql) {
            this.sql = sql;
        }
    }

    private final JdbcClient jdbc;

    DossierCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Dossiers per unit received between {@code from} and {@code to} (inclusive, either may be
     * null) among the units of the scope: the frame sizes N_h of a stratified sample.
     */
    public List<DossierCount> byUnit(long scopeUnitId, LocalDate from, LocalDate to) {
        return count(By.UNIT, new DossierFilter(scopeUnitId, null, null, from, to));
    }

    List<DossierCount> count(By by, DossierFilter filter) {
        return filter.bind(jdbc.sql(by.sql.formatted(DossierFilter.WHERE)))
                .query((rs, n) -> new DossierCount(rs.getLong("id"), rs.getString("key"), rs.getString("label"),
                        rs.getLong("dossiers")))
                .list();
    }

    long total(DossierFilter filter) {
        return filter.bind(jdbc.sql("SELECT count(*) FROM dossier d" + DossierFilter.WHERE)).query(Long.class).single();
    }
}
