package org.sipas.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.sipas.catalog.CatalogCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the results' use: which plan tasks are improvement-plan tasks and yearly use reports,
 * and what the units filed in them. The tasks themselves are {@link PlanRepository}'s.
 */
@Repository
class ImprovementRepository {

    /** An improvement-plan task: the unit, the campaign and the publication that opened it. */
    record ImprovementTask(long taskId, long planId, long campaignId, long unitId, String unitCode, long snapshotId) {
    }

    /** The plan as filed (without its measures). */
    record Filed(long taskId, long reportTaskId, String filedBy, Instant filedAt, long snapshotId, String reportedBy,
                 Instant reportedAt) {
    }

    /** A yearly use-report task. */
    record UseTask(long taskId, long planId, int year, long unitId) {
    }

    /** A yearly use report as filed. */
    record UseReport(long taskId, String body, Long fileId, String filedBy, Instant filedAt) {
    }

    /** A row of the summary's reading: one task of a unit, with what was filed in it. */
    record SummaryTask(long unitId, String unitCode, String unitName, String kind, TaskStatus status, LocalDate endsOn,
                       Instant filedAt, int measures, int measuresDone, TaskStatus reportStatus, LocalDate reportEndsOn) {
    }

    private final JdbcClient jdbc;

    ImprovementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the campaign's round until the transaction ends, so two deliveries of one publication open it once. */
    void lockCampaign(long campaignId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('improvement-round'), hashtext(:c::text))").param("c", campaignId)
                .query((rs, n) -> 1).list();
    }

    void lockYear(int year) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('index-use-round'), :y)").param("y", year).query((rs, n) -> 1).list();
    }

    Optional<Long> roundPlan(long campaignId) {
        return jdbc.sql("SELECT plan_id FROM improvement_round WHERE campaign_id = :c").param("c", campaignId).query(Long.class).optional();
    }

    void insertRound(long campaignId, long planId, long snapshotId, Instant now) {
        jdbc.sql("INSERT INTO improvement_round (campaign_id, plan_id, snapshot_id, created_at) VALUES (:c, :p, :s, :now)")
                .param("c", campaignId).param("p", planId).param("s", snapshotId).param("now", Timestamp.from(now)).update();
    }

    boolean hasTask(long campaignId, long unitId) {
        return jdbc.sql("SELECT count(*) FROM improvement_task WHERE campaign_id = :c AND unit_id = :u").param("c", campaignId)
                .param("u", unitId).query(Long.class).single() > 0;
    }

    void insertTask(long taskId, long campaignId, long unitId, long snapshotId) {
        jdbc.sql("INSERT INTO improvement_task (task_id, campaign_id, unit_id, snapshot_id) VALUES (:t, :c, :u, :s)")
                .param("t", taskId).param("c", campaignId).param("u", unitId).param("s", snapshotId).update();
    }

    /** The improvement task of a plan task, or of its report step. */
    Optional<ImprovementTask> improvementTask(long taskId) {
        return jdbc.sql("""
                        SELECT it.task_id, t.plan_id, it.campaign_id, it.unit_id, u.code AS unit_code, it.snapshot_id
                        FROM improvement_task it JOIN plan_task t ON t.id = it.task_id JOIN unit u ON u.id = it.unit_id
                        WHERE it.task_id = :t
                           OR it.task_id = (SELECT ip.task_id FROM improvement_plan ip WHERE ip.report_task_id = :t)""")
                .param("t", taskId)
                .query((rs, n) -> new ImprovementTask(rs.getLong("task_id"), rs.getLong("plan_id"), rs.getLong("campaign_id"),
                        rs.getLong("unit_id"), rs.getString("unit_code"), rs.getLong("snapshot_id")))
                .optional();
    }

    List<Long> tasksOfCampaign(long campaignId) {
        return jdbc.sql("SELECT task_id FROM improvement_task WHERE campaign_id = :c ORDER BY task_id").param("c", campaignId)
                .query(Long.class).list();
    }

    void insertFiled(long taskId, long reportTaskId, String by, Instant now, long snapshotId) {
        jdbc.sql("""
                        INSERT INTO improvement_plan (task_id, report_task_id, filed_by, filed_at, snapshot_id)
                        VALUES (:t, :r, :by, :now, :s)""")
                .param("t", taskId).param("r", reportTaskId).param("by", by).param("now", Timestamp.from(now)).param("s", snapshotId)
                .update();
    }

    Optional<Filed> filed(long taskId) {
        return jdbc.sql("""
                        SELECT task_id, report_task_id, filed_by, filed_at, snapshot_id, reported_by, reported_at
                        FROM improvement_plan WHERE task_id = :t""")
                .param("t", taskId)
                .query((rs, n) -> new Filed(rs.getLong("task_id"), rs.getLong("report_task_id"), rs.getString("filed_by"),
                        rs.getTimestamp("filed_at").toInstant(), rs.getLong("snapshot_id"), rs.getString("reported_by"),
                        instant(rs, "reported_at")))
                .optional();
    }

    void insertMeasure(long taskId, int ordinal, Measure m) {
        jdbc.sql("""
                        INSERT INTO improvement_measure (task_id, ordinal, criterion, weakness, estimate_pct, ci95_low, ci95_high,
                                                         measure, owner, due_on)
                        VALUES (:t, :o, :criterion, :weakness, :est, :low, :high, :measure, :owner, :due)""")
                .param("t", taskId).param("o", ordinal).param("criterion", m.criterion()).param("weakness", m.weakness())
                .param("est", m.estimatePct()).param("low", m.ci95Low()).param("high", m.ci95High()).param("measure", m.measure())
                .param("owner", m.owner()).param("due", m.dueOn()).update();
    }

    List<Measure> measures(long taskId) {
        return jdbc.sql("""
                        SELECT id, ordinal, criterion, weakness, estimate_pct, ci95_low, ci95_high, measure, owner, due_on, outcome,
                               outcome_note
                        FROM improvement_measure WHERE task_id = :t ORDER BY ordinal""")
                .param("t", taskId).query(ImprovementRepository::measure).list();
    }

    void setOutcome(long measureId, Measure.Outcome outcome, String note) {
        jdbc.sql("UPDATE improvement_measure SET outcome = :o, outcome_note = :n WHERE id = :id").param("o", outcome.name())
                .param("n", note).param("id", measureId).update();
    }

    void reported(long taskId, String by, Instant now) {
        jdbc.sql("UPDATE improvement_plan SET reported_by = :by, reported_at = :now WHERE task_id = :t").param("by", by)
                .param("now", Timestamp.from(now)).param("t", taskId).update();
    }

    // --- yearly reports on the use of the index

    Optional<Long> useRoundPlan(int year) {
        return jdbc.sql("SELECT plan_id FROM index_use_round WHERE year = :y").param("y", year).query(Long.class).optional();
    }

    void insertUseRound(int year, long planId, Instant now) {
        jdbc.sql("INSERT INTO index_use_round (year, plan_id, created_at) VALUES (:y, :p, :now)").param("y", year).param("p", planId)
                .param("now", Timestamp.from(now)).update();
    }

    boolean hasUseTask(int year, long unitId) {
        return jdbc.sql("SELECT count(*) FROM index_use_task WHERE year = :y AND unit_id = :u").param("y", year).param("u", unitId)
                .query(Long.class).single() > 0;
    }

    void insertUseTask(long taskId, int year, long unitId) {
        jdbc.sql("INSERT INTO index_use_task (task_id, year, unit_id) VALUES (:t, :y, :u)").param("t", taskId).param("y", year)
                .param("u", unitId).update();
    }

    Optional<UseTask> useTask(long taskId) {
        return jdbc.sql("""
                        SELECT ut.task_id, t.plan_id, ut.year, ut.unit_id FROM index_use_task ut JOIN plan_task t ON t.id = ut.task_id
                        WHERE ut.task_id = :t""")
                .param("t", taskId)
                .query((rs, n) -> new UseTask(rs.getLong("task_id"), rs.getLong("plan_id"), rs.getInt("year"), rs.getLong("unit_id")))
                .optional();
    }

    void insertUseReport(long taskId, String body, Long fileId, String by, Instant now) {
        jdbc.sql("INSERT INTO index_use_report (task_id, body, file_id, filed_by, filed_at) VALUES (:t, :b, :f, :by, :now)")
                .param("t", taskId).param("b", body).param("f", fileId).param("by", by).param("now", Timestamp.from(now)).update();
    }

    Optional<UseReport> useReport(long taskId) {
        return jdbc.sql("SELECT task_id, body, file_id, filed_by, filed_at FROM index_use_report WHERE task_id = :t").param("t", taskId)
                .query((rs, n) -> {
                    long file = rs.getLong("file_id");
                    Long fileId = rs.wasNull() ? null : file;
                    return new UseReport(rs.getLong("task_id"), rs.getString("body"), fileId, rs.getString("filed_by"),
                            rs.getTimestamp("filed_at").toInstant());
                })
                .optional();
    }

    /**
     * Every improvement task of the year's plans and every use-report task of the year, of units
     * within the scope, with what was filed: the summary's rows before they are put together.
     */
    List<SummaryTask> summary(long scopeUnitId, int year) {
        return jdbc.sql("""
                        SELECT it.unit_id, u.code, u.name, 'IMPROVEMENT' AS kind, t.status, t.ends_on, ip.filed_at,
                               (SELECT count(*) FROM improvement_measure m WHERE m.task_id = it.task_id) AS measures,
                               (SELECT count(*) FROM improvement_measure m WHERE m.task_id = it.task_id AND m.outcome = 'DONE') AS done,
                               rt.status AS report_status, rt.ends_on AS report_ends_on
                        FROM improvement_task it
                        JOIN plan_task t ON t.id = it.task_id
                        JOIN plan p ON p.id = t.plan_id
                        JOIN unit u ON u.id = it.unit_id
                        LEFT JOIN improvement_plan ip ON ip.task_id = it.task_id
                        LEFT JOIN plan_task rt ON rt.id = ip.report_task_id
                        WHERE p.year = :year AND """ + " " + CatalogCodes.unitWithinScope("it.unit_id", "scope") + """

                        UNION ALL
                        SELECT ut.unit_id, u.code, u.name, 'USE_REPORT', t.status, t.ends_on, ur.filed_at, 0, 0, NULL, NULL
                        FROM index_use_task ut
                        JOIN plan_task t ON t.id = ut.task_id
                        JOIN unit u ON u.id = ut.unit_id
                        LEFT JOIN index_use_report ur ON ur.task_id = ut.task_id
                        WHERE ut.year = :year AND """ + " " + CatalogCodes.unitWithinScope("ut.unit_id", "scope") + """

                        ORDER BY 2, 4, 6""")
                .param("year", year).param("scope", scopeUnitId)
                .query((rs, n) -> {
                    String report = rs.getString("report_status");
                    return new SummaryTask(rs.getLong("unit_id"), rs.getString("code"), rs.getString("name"), rs.getString("kind"),
                            TaskStatus.valueOf(rs.getString("status")), rs.getObject("ends_on", LocalDate.class), instant(rs, "filed_at"),
                            rs.getInt("measures"), rs.getInt("done"), report == null ? null : TaskStatus.valueOf(report),
                            rs.getObject("report_ends_on", LocalDate.class));
                })
                .list();
    }

    private static Measure measure(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Measure(rs.getLong("id"), rs.getInt("ordinal"), rs.getString("criterion"), rs.getString("weakness"),
                (Double) rs.getObject("estimate_pct"), (Double) rs.getObject("ci95_low"), (Double) rs.getObject("ci95_high"),
                rs.getString("measure"), rs.getString("owner"), rs.getObject("due_on", LocalDate.class),
                outcome == null ? null : Measure.Outcome.valueOf(outcome), rs.getString("outcome_note"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
