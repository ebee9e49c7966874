package org.sipas.collection.paper;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sipas.catalog.CatalogCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How far the keying of a campaign's papers has come, and how well its clerks key: the share of
 * compared fields on which the two passes agreed (the agreement rate CSPro's operator statistics
 * report) and, once papers are settled, the fields where a clerk's value was not the one kept.
 */
@Repository
class PaperProgress {

    /** Papers of a campaign at each stage of keying. */
    record Counts(long printed, long keyedOnce, long keyedTwice, long withDifferences, long settled, long stored) {
    }

    /**
     * One clerk's keying in a campaign.
     *
     * @param fields   fields compared on the papers they keyed that have two passes
     * @param agreed   of those, fields on which both passes agreed
     * @param wrong    fields of settled papers where this clerk's value was not the one kept
     * @param seconds  mean time from opening a paper to saving it
     */
    record Clerk(String clerk, long firstPasses, long secondPasses, long fields, long agreed, long wrong, double seconds) {

        /** Share of compared fields that agreed, 0–100; null before any paper of theirs was compared. */
        public Double agreementPercent() {
            return fields == 0 ? null : 100.0 * agreed / fields;
        }
    }

    /** A paper waiting for a supervisor. */
    record Waiting(String number, String printed, long campaignId, long unitId, String firstClerk, String secondClerk,
                   int differing, int fields, Instant comparedAt) {
    }

    private final JdbcClient jdbc;

    PaperProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaign's papers of units within the caller's scope (a commune's manager sees the commune's). */
    Counts counts(long campaignId, long scopeUnitId) {
        return jdbc.sql("""
                        SELECT count(*),
                               count(*) FILTER (WHERE e.passes = 1),
                               count(*) FILTER (WHERE e.passes = 2),
                               count(*) FILTER (WHERE cardinality(c.differing) > 0 AND s.number IS NULL),
                               count(s.number),
                               (SELECT count(*) FROM response r WHERE r.campaign_id = :c AND r.channel = 'PAPER'
                                   AND r.paper_number IS NOT NULL """ + " AND " + CatalogCodes.unitWithinScope("r.unit_id", "scope") + """
                               )
                        FROM paper_form f
                        LEFT JOIN (SELECT number, count(*) AS passes FROM paper_entry GROUP BY number) e ON e.number = f.number
                        LEFT JOIN paper_comparison c ON c.number = f.number
                        LEFT JOIN paper_settlement s ON s.number = f.number
                        WHERE f.campaign_id = :c """ + " AND " + CatalogCodes.unitWithinScope("f.unit_id", "scope"))
                .param("c", campaignId).param("scope", scopeUnitId)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .single();
    }

    /** The clerks' keying of the campaign's papers of units within the caller's scope. */
    List<Clerk> clerks(long campaignId, long scopeUnitId) {
        Map<String, Long> wrong = new HashMap<>();
        jdbc.sql("""
                        SELECT e.clerk, count(*)
                        FROM paper_settlement s
                        JOIN paper_form f ON f.number = s.number
                        JOIN paper_comparison c ON c.number = s.number
                        JOIN paper_entry e ON e.number = s.number
                        CROSS JOIN LATERAL unnest(c.differing) AS q(name)
                        WHERE f.campaign_id = :c AND coalesce(e.answers ->> q.name, '') <> coalesce(s.answers ->> q.name, '')
                          """ + " AND " + CatalogCodes.unitWithinScope("f.unit_id", "scope") + """
                        GROUP BY e.clerk""")
                .param("c", campaignId).param("scope", scopeUnitId).query((rs, n) -> wrong.put(rs.getString(1), rs.getLong(2))).list();
        return jdbc.sql("""
                        SELECT e.clerk,
                               count(*) FILTER (WHERE e.pass = 1), count(*) FILTER (WHERE e.pass = 2),
                               coalesce(sum(c.fields), 0), coalesce(sum(c.fields - cardinality(c.differing)), 0),
                               coalesce(avg(extract(epoch FROM e.keyed_at - e.opened_at)), 0)
                        FROM paper_entry e
                        JOIN paper_form f ON f.number = e.number
                        LEFT JOIN paper_comparison c ON c.number = e.number
                        WHERE f.campaign_id = :c """ + " AND " + CatalogCodes.unitWithinScope("f.unit_id", "scope") + """
                        GROUP BY e.clerk ORDER BY e.clerk""")
                .param("c", campaignId).param("scope", scopeUnitId)
                .query((rs, n) -> new Clerk(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        wrong.getOrDefault(rs.getString(1), 0L), rs.getDouble(6)))
                .list();
    }

    /** Papers whose passes differ and that nobody has settled, of units within the scope, oldest first. */
    List<Waiting> waiting(long scopeUnitId) {
        return jdbc.sql("""
                        SELECT f.number, f.campaign_id, f.serial, f.unit_id,
                               (SELECT clerk FROM paper_entry WHERE number = f.number AND pass = 1),
                               (SELECT clerk FROM paper_entry WHERE number = f.number AND pass = 2),
                               cardinality(c.differing), c.fields, c.compared_at
                        FROM paper_comparison c
                        JOIN paper_form f ON f.number = c.number
                        LEFT JOIN paper_settlement s ON s.number = c.number
                        WHERE cardinality(c.differing) > 0 AND s.number IS NULL""" + " AND "
                        + CatalogCodes.unitWithinScope("f.unit_id", "scope") + " ORDER BY c.compared_at")
                .param("scope", scopeUnitId)
                .query((rs, n) -> new Waiting(rs.getString(1), new PaperNumber(rs.getLong(2), rs.getInt(3)).printed(),
                        rs.getLong(2), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }
}
