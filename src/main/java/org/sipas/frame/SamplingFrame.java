package org.sipas.frame;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.sipas.catalog.CatalogCodes;
import org.sipas.web.Formats;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The frame as a sample design sees it: the eligible dossiers of a period counted per stratum,
 * walked in permanent-random-number order, and the contacts of the drawn ones. Campaigns sample
 * through this service only, never through the frame's tables.
 */
@Service
public class SamplingFrame {

    /**
     * Which dossiers may be drawn: received in the period (dates inclusive, Vietnamese time) by a
     * unit of the scope, of one of the procedures (all when empty), not withdrawn, and, when
     * {@code contactRequired}, with a phone (a phone interview or a visit needs one).
     */
    public record Eligibility(long scopeUnitId, List<Long> procedureIds, LocalDate from, LocalDate to,
                              boolean contactRequired) {
        public Eligibility {
            procedureIds = List.copyOf(procedureIds);
        }
    }

    /** A stratum of the frame: a unit, or a unit and a procedure, with its eligible dossiers N_h. */
    public record Stratum(long unitId, String unitCode, String unitName, String unitType, Long procedureId,
                          String procedureCode, long dossiers) {
    }

    /**
     * Walk a stratum in PRN order over [{@code fromPrn}, {@code toPrn}) for at most {@code limit}
     * eligible dossiers. A walk that wraps past 1 is two walks: [s, 1) then [0, s).
     */
    public record Walk(long unitId, Long procedureId, double fromPrn, double toPrn, int limit) {
    }

    /** An eligible dossier met on a walk; {@code phoneHash} is null when it has no phone. */
    public record WalkedDossier(int walk, long dossierId, double prn, byte[] phoneHash) {
    }

    /**
     * A drawn dossier with its applicant's contact, opened for whoever must call, visit or deliver
     * a paper; {@code address} is the postal address, or null when the one-stop system sent none.
     * {@code erasedAt} is when the retention rule erased the contact (name, phone and address are then
     * null), or null while it is held: pages say which of the two an empty contact is.
     */
    public record Contact(long dossierId, String unitCode, String unitName, String receiptCode, String procedureCode,
                          LocalDate receivedOn, String name, String phone, String address, Instant erasedAt) {

        /** Whether the contact was erased under the retention rule (Decree 13/2023/NĐ-CP). */
        public boolean erased() {
            return erasedAt != null;
        }

        /** The day it was erased, dd/MM/yyyy in Vietnamese time, or null while held. */
        public String erasedOn() {
            return erasedAt == null ? null : Formats.DATE.format(erasedAt);
        }
    }

    /**
     * What a fieldwork list shows of a drawn dossier without opening its contact: the receipt code,
     * the unit, the procedure by code and name, the day it was received (Vietnamese time).
     */
    public record DossierFacts(long dossierId, String receiptCode, String unitName, String procedureCode,
                               String procedureName, LocalDate receivedOn) {
    }

    /** Period and procedures: what an index on (unit_id, received_at) or (unit_id, prn) can answer. */
    private static final String PERIOD = """
            d.received_at >= :from AND d.received_at < :to
             AND (CAST(:procedures AS text) IS NULL OR d.procedure_id = ANY (CAST(:procedures AS bigint[])))""";

    private static final String IN_FRAME = CatalogCodes.unitWithinScope("d.unit_id", "scope") + " AND " + PERIOD;

    /**
     * Not withdrawn and, when a contact is required, with a phone. Every dossier has a contact row
     * (the import writes one for each), so a phone is there unless the row says none: the few
     * phoneless ones are found in a small partial index, not by reading every contact.
     */
    private static final String TAKEABLE = """
            d.status <> 'WITHDRAWN'
             AND NOT (:contact AND EXISTS (SELECT 1 FROM dossier_contact c WHERE c.dossier_id = d.id AND c.phone_hash IS NULL))""";

    /**
     * A unit's dossiers of the period without a procedure filter: its whole months from the counts
     * the database keeps per unit and month ({@code dossier_month}, V79), and only the days before the
     * first and after the last whole month counted from the index. A quarter is three rows a unit
     * however large the frame.
     */
    private static final String WHOLE_MONTHS = """
            SELECT NULL::bigint AS procedure_id,
                   coalesce((SELECT sum(m.dossiers) FROM dossier_month m
                             WHERE m.unit_id = u.id AND m.month >= CAST(:firstMonth AS date) AND m.month < CAST(:endMonth AS date)), 0)
                 + (SELECT count(*) FROM dossier d
                    WHERE d.unit_id = u.id
                      AND ((d.received_at >= :from AND d.received_at < :monthsFrom)
                        OR (d.received_at >= :monthsTo AND d.received_at < :to))) AS n""";

    private final JdbcClient jdbc;
    private final ContactVault vault;

    SamplingFrame(JdbcClient jdbc, ContactVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /**
     * The strata with at least one eligible dossier, in the order of the unit tree. N_h is counted as
     * the dossiers of the period (from the index alone) less the ineligible ones among them
     * (withdrawn or phoneless, found through their partial indexes): reading every dossier of a
     * quarter to test it would cost seconds on a national frame.
     */
    public List<Stratum> strata(Eligibility eligible, boolean byProcedure) {
        String procedure = byProcedure ? "d.procedure_id" : "NULL::bigint";
        // one index range per unit, counted on its own: a quarter of a ten-million frame is 2.5 million
        // index entries, and grouping them all by unit in one hash table cost 40% more than this
        String period = byProcedure
                ? "SELECT d.procedure_id, count(*) AS n FROM dossier d WHERE d.unit_id = u.id AND " + PERIOD + " GROUP BY 1"
                : eligible.procedureIds().isEmpty() ? WHOLE_MONTHS
                : "SELECT NULL::bigint AS procedure_id, count(*) AS n FROM dossier d WHERE d.unit_id = u.id AND " + PERIOD;
        String sql = """
                WITH period AS (
                    SELECT u.id AS unit_id, c.procedure_id, c.n
                    FROM unit u CROSS JOIN LATERAL (%3$s) c
                    WHERE %4$s),
                ineligible AS (
                    SELECT d.unit_id, %1$s AS procedure_id, count(*) AS n
                    FROM (SELECT id FROM dossier WHERE status = 'WITHDRAWN'
                          UNION
                          SELECT dossier_id FROM dossier_contact WHERE :contact AND phone_hash IS NULL) x
                    JOIN dossier d ON d.id = x.id
                    WHERE %2$s GROUP BY 1, 2)
                SELECT u.id, u.code, u.name, u.unit_type, p.procedure_id, pr.code, p.n - coalesce(i.n, 0) AS n
                FROM period p JOIN unit u ON u.id = p.unit_id
                LEFT JOIN ineligible i ON i.unit_id = p.unit_id AND i.procedure_id IS NOT DISTINCT FROM p.procedure_id
                LEFT JOIN procedure pr ON pr.id = p.procedure_id
                WHERE p.n > coalesce(i.n, 0)
                ORDER BY u.path, pr.code""".formatted(procedure, IN_FRAME, period, CatalogCodes.unitWithinScope("u.id", "scope"));
        return bind(jdbc.sql(sql), eligible)
                .query((rs, n) -> new Stratum(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5), rs.getString(6), rs.getLong(7)))
                .list();
    }

    /**
     * The eligible dossiers of each walk in PRN order. One statement for all walks, each reading the
     * (unit_id, prn) index only as far as it needs, so memory follows the sample, not the frame.
     * Rows come grouped by walk (its position in {@code walks}) and in PRN order within it.
     */
    public List<WalkedDossier> walk(Eligibility eligible, List<Walk> walks) {
        if (walks.isEmpty()) {
            return List.of();
        }
        String sql = """
                WITH w AS MATERIALIZED (
                    -- the scope is tested once per walk here, not once per dossier met
                    SELECT * FROM unnest(CAST(:units AS bigint[]), CAST(:strataProcedures AS bigint[]),
                                         CAST(:froms AS float8[]), CAST(:tos AS float8[]), CAST(:limits AS int[]))
                                  WITH ORDINALITY AS w(unit_id, procedure_id, from_prn, to_prn, lim, ord)
                    WHERE %s)
                SELECT w.ord, x.id, x.prn, c.phone_hash
                FROM w CROSS JOIN LATERAL (
                    SELECT d.id, d.prn FROM dossier d
                    WHERE d.unit_id = w.unit_id AND d.prn >= w.from_prn AND d.prn < w.to_prn
                      AND (w.procedure_id IS NULL OR d.procedure_id = w.procedure_id) AND %s AND %s
                    ORDER BY d.prn LIMIT w.lim) x
                LEFT JOIN dossier_contact c ON c.dossier_id = x.id
                ORDER BY w.ord, x.prn""".formatted(CatalogCodes.unitWithinScope("w.unit_id", "scope"), PERIOD, TAKEABLE);
        return bind(jdbc.sql(sql), eligible)
                .param("units", array(walks.stream().map(w -> Long.toString(w.unitId())).toList()))
                .param("strataProcedures", array(walks.stream().map(w -> w.procedureId() == null ? "NULL" : w.procedureId().toString()).toList()))
                .param("froms", array(walks.stream().map(w -> Double.toString(w.fromPrn())).toList()))
                .param("tos", array(walks.stream().map(w -> Double.toString(w.toPrn())).toList()))
                .param("limits", array(walks.stream().map(w -> Integer.toString(w.limit())).toList()))
                .query((rs, n) -> new WalkedDossier(rs.getInt(1) - 1, rs.getLong(2), rs.getDouble(3), rs.getBytes(4)))
                .list();
    }

    /** The opened contacts of the given dossiers, in the order of their ids' positions. */
    public List<Contact> contacts(Collection<Long> dossierIds) {
        if (dossierIds.isEmpty()) {
            return List.of();
        }
        List<Contact> contacts = new ArrayList<>(dossierIds.size());
        jdbc.sql("""
                        SELECT d.id, u.code, u.name, d.receipt_code, p.code, d.received_at, c.name_cipher, c.phone_cipher,
                               c.address_cipher, c.erased_at
                        FROM unnest(CAST(:ids AS bigint[])) WITH ORDINALITY AS i(id, ord)
                        JOIN dossier d ON d.id = i.id JOIN unit u ON u.id = d.unit_id
                        JOIN procedure p ON p.id = d.procedure_id
                        LEFT JOIN dossier_contact c ON c.dossier_id = d.id
                        ORDER BY i.ord""")
                .param("ids", array(dossierIds.stream().map(String::valueOf).toList()))
                .query(rs -> {
                    contacts.add(new Contact(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant().atZone(Formats.ZONE).toLocalDate(),
                            vault.open(rs.getBytes(7)), vault.open(rs.getBytes(8)), vault.open(rs.getBytes(9)),
                            rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()));
                });
        return contacts;
    }

    /** The facts of the given dossiers, in the order of their ids' positions; nothing sealed is opened. */
    public List<DossierFacts> facts(Collection<Long> dossierIds) {
        if (dossierIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT d.id, d.receipt_code, u.name, p.code, p.name, d.received_at
                        FROM unnest(CAST(:ids AS bigint[])) WITH ORDINALITY AS i(id, ord)
                        JOIN dossier d ON d.id = i.id JOIN unit u ON u.id = d.unit_id
                        JOIN procedure p ON p.id = d.procedure_id
                        ORDER BY i.ord""")
                .param("ids", array(dossierIds.stream().map(String::valueOf).toList()))
                .query((rs, n) -> new DossierFacts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant().atZone(Formats.ZONE).toLocalDate()))
                .list();
    }

    /**
     * The same as {@link #contacts}, masked ({@code Nguyễn V… A…}, {@code 09******78}) for pages; the
     * address is left out, since no part of it is needed to tell cases apart.
     */
    public List<Contact> maskedContacts(Collection<Long> dossierIds) {
        return contacts(dossierIds).stream().map(c -> {
            MaskedContact masked = MaskedContact.of(c.name(), c.phone());
            return new Contact(c.dossierId(), c.unitCode(), c.unitName(), c.receiptCode(), c.procedureCode(), c.receivedOn(),
                    masked.name(), masked.phone(), null, c.erasedAt());
        }).toList();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Eligibility eligible) {
        // the whole months of the period: from the first month that starts on or after its first day
        // to the last that ends on or before its last; none when it holds no whole month
        LocalDate firstMonth = eligible.from().getDayOfMonth() == 1 ? eligible.from() : eligible.from().withDayOfMonth(1).plusMonths(1);
        LocalDate endMonth = eligible.to().plusDays(1).withDayOfMonth(1);
        if (endMonth.isBefore(firstMonth)) {
            endMonth = firstMonth;
        }
        LocalDate monthsFrom = endMonth.equals(firstMonth) ? eligible.to().plusDays(1) : firstMonth;
        LocalDate monthsTo = endMonth.equals(firstMonth) ? eligible.to().plusDays(1) : endMonth;
        return sql.param("scope", eligible.scopeUnitId())
                .param("firstMonth", firstMonth.toString())
                .param("endMonth", endMonth.toString())
                .param("monthsFrom", OffsetDateTime.from(monthsFrom.atStartOfDay(Formats.ZONE)))
                .param("monthsTo", OffsetDateTime.from(monthsTo.atStartOfDay(Formats.ZONE)))
                .param("from", OffsetDateTime.from(eligible.from().atStartOfDay(Formats.ZONE)))
                .param("to", OffsetDateTime.from(eligible.to().plusDays(1).atStartOfDay(Formats.ZONE)))
                .param("procedures", eligible.procedureIds().isEmpty() ? null
                        : array(eligible.procedureIds().stream().map(String::valueOf).toList()))
                .param("contact", eligible.contactRequired());
    }

    /** A PostgreSQL array literal, cast in the SQL: one parameter however many values. */
    private static String array(List<String> values) {
        return values.stream().collect(Collectors.joining(",", "{", "}"));
    }
}
