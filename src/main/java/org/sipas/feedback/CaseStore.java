package org.sipas.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

import org.sipas.catalog.CatalogCodes;
import org.sipas.web.PageOf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of the cases (table {@code feedback_case} and its steps): lists, one case, statistics. */
@Repository
class CaseStore {

    static final String OPEN = "c.state IN ('NEW', 'ACKNOWLEDGED', 'INVESTIGATING')";

    private static final String SELECT = """
            SELECT c.*, r.code AS rule_code, r.label AS rule_label, u.code AS unit_code, u.name AS unit_name,
                   o.name AS owner_unit_name, (%s AND c.due_at < :now) AS overdue
            FROM feedback_case c JOIN alert_rule r ON r.id = c.rule_id
            JOIN unit u ON u.id = c.unit_id JOIN unit o ON o.id = c.owner_unit_id
            """.formatted(OPEN);

    /** The filters of a list, every one off when its parameter is null. */
    private static final String FILTERS = """
            (CAST(:campaign AS bigint) IS NULL OR c.campaign_id = :campaign)
            AND (CAST(:unitFilter AS bigint) IS NULL OR %2$s)
            AND (CAST(:official AS bigint) IS NULL OR :official IN (c.receiving_official_id, c.processing_official_id, c.named_official_id))
            AND (CAST(:severity AS text) IS NULL OR c.severity = :severity)
            AND (CAST(:state AS text) IS NULL OR c.state = :state)
            AND (CAST(:overdue AS boolean) IS NULL OR (%1$s AND c.due_at < :now) = :overdue)""".formatted(OPEN,
            CatalogCodes.unitWithinScope("c.unit_id", "unitFilter"));

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CaseStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A case to open: the response and rule that set it off, where it belongs, the dossier and its
     * officials as they were at service time, and the note of its first step.
     */
    record Opening(long responseId, long ruleId, Long campaignId, long unitId, Long dossierId, String receiptCode,
                   Long procedureId, String procedureCode, String procedureName, Long receivingOfficialId,
                   String receivingOfficial, Long processingOfficialId, String processingOfficial, Long namedOfficialId,
                   String namedOfficial, String channel, String severity, String matched, boolean consented, Instant dueAt,
                   String note) {

        private Map<String, Object> row(int position) {
            Map<String, Object> row = new HashMap<>();
            row.put("response_id", responseId);
            row.put("rule_id", ruleId);
            row.put("campaign_id", campaignId);
            row.put("unit_id", unitId);
            row.put("dossier_id", dossierId);
            row.put("receipt_code", receiptCode);
            row.put("procedure_id", procedureId);
            row.put("procedure_code", procedureCode);
            row.put("procedure_name", procedureName);
            row.put("receiving_official_id", receivingOfficialId);
            row.put("receiving_official", receivingOfficial);
            row.put("processing_official_id", processingOfficialId);
            row.put("processing_official", processingOfficial);
            row.put("named_official_id", namedOfficialId);
            row.put("named_official", namedOfficial);
            row.put("channel", channel);
            row.put("severity", severity);
            row.put("matched", matched);
            row.put("consented", consented);
            row.put("due_at", dueAt.toString());
            row.put("note", note);
            row.put("position", position);
            return row;
        }
    }

    /**
     * Opens the cases in one statement with their first steps, in the caller's transaction: a
     * batch of the outbox costs the same few statements for one case or five hundred. A (response,
     * rule) that already has its case is skipped (the last guard against a case opened twice).
     *
     * @return the ids of the cases opened, in the order of {@code openings} less those skipped
     */
    List<Long> open(List<Opening> openings, Instant now) {
        if (openings.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        WITH o AS (
                            SELECT * FROM jsonb_to_recordset(CAST(:openings AS jsonb)) AS o (
                                response_id bigint, rule_id bigint, campaign_id bigint, unit_id bigint, dossier_id bigint,
                                receipt_code text, procedure_id bigint, procedure_code text, procedure_name text,
                                receiving_official_id bigint, receiving_official text, processing_official_id bigint,
                                processing_official text, named_official_id bigint, named_official text, channel text,
                                severity text, matched text, consented boolean, due_at timestamptz, note text, position bigint)),
                        opened AS (
                            INSERT INTO feedback_case (response_id, rule_id, campaign_id, unit_id, owner_unit_id, dossier_id, receipt_code,
                                procedure_id, procedure_code, procedure_name, receiving_official_id, receiving_official,
                                processing_official_id, processing_official, named_official_id, named_official, channel, severity,
                                matched, consented, opened_at, due_at, updated_at)
                            SELECT response_id, rule_id, campaign_id, unit_id, unit_id, dossier_id, receipt_code, procedure_id,
                                procedure_code, procedure_name, receiving_official_id, receiving_official, processing_official_id,
                                processing_official, named_official_id, named_official, channel, severity, matched, consented,
                                :now, due_at, :now
                            FROM o ORDER BY position
                            ON CONFLICT (response_id, rule_id) DO NOTHING
                            RETURNING id, response_id, rule_id),
                        first_step AS (
                            INSERT INTO feedback_case_step (case_id, at, actor, kind, note)
                            SELECT opened.id, :now, 'system', 'OPENED', o.note FROM opened JOIN o USING (response_id, rule_id))
                        SELECT opened.id FROM opened JOIN o USING (response_id, rule_id) ORDER BY o.position""")
                .param("openings", json.writeValueAsString(IntStream.range(0, openings.size())
                        .mapToObj(i -> openings.get(i).row(i)).toList()))
                .param("now", Timestamp.from(now))
                .query(Long.class).list();
    }

    /** A page of the cases of units within the scope unit's subtree, newest first. */
    PageOf<CaseView> list(CaseFilter filter, Long unitFilter, long scopeUnitId, Instant now, int page, int size) {
        String where = " WHERE " + CatalogCodes.unitWithinScope("c.unit_id", "scope") + " AND " + FILTERS;
        long total = bind(jdbc.sql("SELECT count(*) FROM feedback_case c JOIN unit u ON u.id = c.unit_id" + where), filter, unitFilter, scopeUnitId, now)
                .query(Long.class).single();
        List<CaseView> items = bind(jdbc.sql(SELECT + where + " ORDER BY c.opened_at DESC, c.id DESC LIMIT :limit OFFSET :offset"),
                filter, unitFilter, scopeUnitId, now)
                .param("limit", size).param("offset", (long) (page - 1) * size).query(CaseStore::view).list();
        return new PageOf<>(items, page, size, total);
    }

    /** A campaign's cases counted by unit, of the units within the scope unit's subtree. */
    List<CaseCounts.UnitCases> countsByUnit(long campaignId, long scopeUnitId, Instant now) {
        return jdbc.sql("""
                        SELECT u.code, u.name, count(*) AS total,
                               count(*) FILTER (WHERE c.state IN ('RESOLVED', 'CLOSED')) AS resolved,
                               count(*) FILTER (WHERE %1$s) AS open,
                               count(*) FILTER (WHERE %1$s AND c.due_at < :now) AS overdue
                        FROM feedback_case c JOIN unit u ON u.id = c.unit_id
                        WHERE c.campaign_id = :campaign AND %2$s
                        GROUP BY u.code, u.name ORDER BY u.name, u.code""".formatted(OPEN,
                        CatalogCodes.unitWithinScope("c.unit_id", "scope")))
                .param("campaign", campaignId).param("scope", scopeUnitId).param("now", Timestamp.from(now))
                .query((rs, n) -> new CaseCounts.UnitCases(rs.getString("code"), rs.getString("name"), rs.getLong("total"),
                        rs.getLong("resolved"), rs.getLong("open"), rs.getLong("overdue")))
                .list();
    }

    Optional<CaseView> find(long id, Instant now) {
        return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).param("now", Timestamp.from(now)).query(CaseStore::view).optional();
    }

    /** The cases of {@code ids}, in one read, in the order of the ids. */
    List<CaseView> find(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<CaseView> found = jdbc.sql(SELECT + " WHERE c.id = ANY (:ids)").param("ids", ids.toArray(Long[]::new))
                .param("now", Timestamp.from(now)).query(CaseStore::view).list();
        Map<Long, CaseView> byId = new HashMap<>();
        found.forEach(c -> byId.put(c.id(), c));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, CaseFilter f, Long unitFilter, long scope, Instant now) {
        return sql.param("scope", scope).param("now", Timestamp.from(now)).param("campaign", f.campaign())
                .param("unitFilter", unitFilter).param("official", f.official())
                .param("severity", blank(f.severity())).param("state", blank(f.state())).param("overdue", f.overdue());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    record Step(Instant at, String actor, String kind, String note) {
    }

    List<Step> steps(long caseId) {
        return jdbc.sql("SELECT at, actor, kind, note FROM feedback_case_step WHERE case_id = :c ORDER BY at, id")
                .param("c", caseId).query(Step.class).list();
    }

    void step(long caseId, Instant at, String actor, String kind, String note) {
        jdbc.sql("INSERT INTO feedback_case_step (case_id, at, actor, kind, note) VALUES (:c, :at, :actor, :kind, :note)")
                .param("c", caseId).param("at", Timestamp.from(at)).param("actor", actor).param("kind", kind).param("note", note)
                .update();
    }

    /** The case's row, locked for a step (two managers pressing at once take turns). */
    Optional<CaseState> lockState(long id) {
        return jdbc.sql("SELECT state FROM feedback_case WHERE id = :id FOR UPDATE").param("id", id)
                .query(String.class).optional().map(CaseState::valueOf);
    }

    Optional<Long> dossierOf(long caseId) {
        return jdbc.sql("SELECT dossier_id FROM feedback_case WHERE id = :id AND dossier_id IS NOT NULL").param("id", caseId)
                .query(Long.class).optional();
    }

    record RootCause(String code, String labelVi, String labelEn) {
    }

    List<RootCause> rootCauses() {
        return jdbc.sql("SELECT code, label_vi, label_en FROM feedback_root_cause ORDER BY position").query(RootCause.class).list();
    }

    /**
     * Case statistics of a group (a unit, an official): cases, open, overdue, resolved, the median
     * working… time to resolve in hours, and the share resolved by the due time.
     */
    record Statistics(String key, String name, long cases, long open, long overdue, long resolved, Double medianHoursToResolve,
                      Double onTimePct) {
    }

    /**
     * Statistics of the cases opened in [from, to) in the scope, per unit or per official.
     *
     * @param by {@code unit} or {@code official}
     */
    List<Statistics> statistics(String by, long scopeUnitId, Instant from, Instant to, Instant now) {
        String key = by.equals("official")
                ? "unnest(array_remove(ARRAY[c.receiving_official, c.processing_official, c.named_official], NULL))"
                : "u.code";
        String name = by.equals("official") ? "k" : "min(u.name)";
        return jdbc.sql("""
                        SELECT k AS key, %s AS name, count(*) AS cases,
                               count(*) FILTER (WHERE %s) AS open,
                               count(*) FILTER (WHERE %s AND c.due_at < :now) AS overdue,
                               count(*) FILTER (WHERE c.resolved_at IS NOT NULL) AS resolved,
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.resolved_at - c.opened_at) / 3600.0)
                                   FILTER (WHERE c.resolved_at IS NOT NULL) AS median_hours,
                               100.0 * count(*) FILTER (WHERE c.resolved_at IS NOT NULL AND c.resolved_at <= c.due_at)
                                   / nullif(count(*) FILTER (WHERE c.resolved_at IS NOT NULL OR c.due_at < :now), 0) AS on_time_pct
                        FROM feedback_case c JOIN unit u ON u.id = c.unit_id CROSS JOIN LATERAL (SELECT %s AS k) g
                        WHERE %s AND c.opened_at >= :from AND c.opened_at < :to
                        GROUP BY k ORDER BY k""".formatted(name, OPEN, OPEN, key, CatalogCodes.unitWithinScope("c.unit_id", "scope")))
                .param("scope", scopeUnitId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Statistics(rs.getString("key"), rs.getString("name"), rs.getLong("cases"), rs.getLong("open"),
                        rs.getLong("overdue"), rs.getLong("resolved"), (Double) rs.getObject("median_hours"),
                        rs.getObject("on_time_pct") == null ? null : rs.getDouble("on_time_pct")))
                .list();
    }

    private static CaseView view(ResultSet rs, int n) throws SQLException {
        return new CaseView(rs.getLong("id"), rs.getString("state"), rs.getString("severity"), rs.getString("rule_code"),
                rs.getString("rule_label"), rs.getString("matched"), (Long) rs.getObject("campaign_id"), rs.getLong("unit_id"),
                rs.getString("unit_code"), rs.getString("unit_name"), rs.getLong("owner_unit_id"), rs.getString("owner_unit_name"),
                rs.getString("receipt_code"), rs.getString("procedure_code"), rs.getString("procedure_name"),
                rs.getString("receiving_official"), rs.getString("processing_official"), rs.getString("named_official"),
                rs.getString("channel"), instant(rs, "opened_at"), instant(rs, "due_at"), rs.getBoolean("overdue"),
                rs.getInt("escalations"), instant(rs, "acknowledged_at"), instant(rs, "resolved_at"), instant(rs, "closed_at"),
                rs.getString("root_cause"), rs.getString("action_taken"), rs.getString("resolution_note"), rs.getBoolean("consented"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
