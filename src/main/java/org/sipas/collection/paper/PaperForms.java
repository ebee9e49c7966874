package org.sipas.collection.paper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.sipas.campaign.FieldCase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The numbers issued for printed paper questionnaires (table {@code paper_form}). */
@Repository
class PaperForms {

    /** Printed together: one press of a print button. */
    record Batch(Instant printedAt, String printedBy, int from, int to, int forms, int blank) {
    }

    private static final String SELECT = """
            SELECT number, campaign_id, serial, unit_id, sample_member_id, printed_at, printed_by FROM paper_form""";

    private final JdbcClient jdbc;

    PaperForms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PaperForm> find(String number) {
        return jdbc.sql(SELECT + " WHERE number = :n").param("n", number).query(PaperForms::row).optional();
    }

    /** The form of a paper, locked until the transaction ends: one keying of a paper at a time. */
    Optional<PaperForm> lock(String number) {
        return jdbc.sql(SELECT + " WHERE number = :n FOR UPDATE").param("n", number).query(PaperForms::row).optional();
    }

    /**
     * Numbers for the sampled cases given: a case printed before keeps its number (a reprint is the
     * same paper), the others get the next serials.
     */
    @Transactional
    List<PaperForm> forCases(long campaignId, List<FieldCase> cases, String by) {
        if (cases.isEmpty()) {
            return List.of();
        }
        List<Long> ids = cases.stream().map(FieldCase::id).toList();
        Set<Long> printed = Set.copyOf(jdbc.sql("SELECT sample_member_id FROM paper_form WHERE sample_member_id IN (:m)")
                .param("m", ids).query(Long.class).list());
        List<FieldCase> missing = cases.stream().filter(c -> !printed.contains(c.id())).toList();
        if (!missing.isEmpty()) {
            int serial = reserve(campaignId, missing.size());
            Instant now = Instant.now();
            for (FieldCase c : missing) {
                insert(new PaperNumber(campaignId, serial++), c.unitId(), c.id(), now, by);
            }
        }
        return jdbc.sql(SELECT + " WHERE sample_member_id IN (:m) ORDER BY serial").param("m", ids).query(PaperForms::row).list();
    }

    /** {@code copies} blank numbered copies for a unit: handed out at the counter, not tied to a sampled case. */
    @Transactional
    List<PaperForm> blank(long campaignId, long unitId, int copies, String by) {
        int first = reserve(campaignId, copies);
        Instant now = Instant.now();
        for (int serial = first; serial < first + copies; serial++) {
            insert(new PaperNumber(campaignId, serial), unitId, null, now, by);
        }
        return range(campaignId, first, first + copies - 1);
    }

    /** The forms printed for the campaign's sampled cases, by serial. */
    List<PaperForm> forCasesPrinted(long campaignId) {
        return jdbc.sql(SELECT + " WHERE campaign_id = :c AND sample_member_id IS NOT NULL ORDER BY serial")
                .param("c", campaignId).query(PaperForms::row).list();
    }

    /** Every form issued for a unit of the campaign, for its sampled cases and as blank copies, by serial: a print pack's copies. */
    List<PaperForm> ofUnit(long campaignId, long unitId) {
        return jdbc.sql(SELECT + " WHERE campaign_id = :c AND unit_id = :u ORDER BY serial")
                .param("c", campaignId).param("u", unitId).query(PaperForms::row).list();
    }

    List<PaperForm> range(long campaignId, int from, int to) {
        return jdbc.sql(SELECT + " WHERE campaign_id = :c AND serial BETWEEN :from AND :to ORDER BY serial")
                .param("c", campaignId).param("from", from).param("to", to).query(PaperForms::row).list();
    }

    List<Batch> batches(long campaignId) {
        return jdbc.sql("""
                        SELECT printed_at, printed_by, min(serial), max(serial), count(*), count(*) FILTER (WHERE sample_member_id IS NULL)
                        FROM paper_form WHERE campaign_id = :c GROUP BY printed_at, printed_by ORDER BY printed_at DESC""")
                .param("c", campaignId)
                .query((rs, n) -> new Batch(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6)))
                .list();
    }

    /** Reserves {@code count} serials of the campaign in one atomic step; returns the first. */
    private int reserve(long campaignId, int count) {
        int last = jdbc.sql("""
                        INSERT INTO paper_serial (campaign_id, last_serial) VALUES (:c, :n)
                        ON CONFLICT (campaign_id) DO UPDATE SET last_serial = paper_serial.last_serial + :n
                        RETURNING last_serial""")
                .param("c", campaignId).param("n", count).query(Integer.class).single();
        if (last > PaperNumber.LARGEST_SERIAL) {
            throw new IllegalArgumentException("paper.print.tooMany");
        }
        return last - count + 1;
    }

    private void insert(PaperNumber number, long unitId, Long caseId, Instant at, String by) {
        jdbc.sql("""
                        INSERT INTO paper_form (number, campaign_id, serial, unit_id, sample_member_id, printed_at, printed_by)
                        VALUES (:n, :c, :s, :u, :m, :at, :by)""")
                .param("n", number.text()).param("c", number.campaignId()).param("s", number.serial()).param("u", unitId)
                .param("m", caseId).param("at", java.sql.Timestamp.from(at)).param("by", by).update();
    }

    private static PaperForm row(ResultSet rs, int n) throws SQLException {
        return new PaperForm(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getObject(5, Long.class),
                rs.getTimestamp(6).toInstant(), rs.getString(7));
    }
}
