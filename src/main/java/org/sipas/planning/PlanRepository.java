package org.sipas.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sipas.catalog.CatalogCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of plans, their tasks, partners, notes, files and reminders. */
@Repository
class PlanRepository {

    /** A task's row as stored, before its tree, partners and link name are put together. */
    record TaskRow(long id, long planId, Long parentId, int ordinal, String content, long leadUnitId, String leadUnitName,
                   String leadNote, String partnersNote, TaskTime time, String deliverable, TaskStatus status, Instant doneAt,
                   TaskLink.Kind linkKind, Long linkId) {
    }

    /** A progress note. */
    record Note(long id, long taskId, String author, Instant writtenAt, String body) {
    }

    /** An attached file without its bytes. */
    record FileInfo(long id, long taskId, String fileName, String contentType, int sizeBytes, String uploadedBy, Instant uploadedAt) {
    }

    /** An attached file with its bytes. */
    record StoredFile(FileInfo info, byte[] content) {
    }

    /** A task of a plan in force, with the plan's title: what the due list and reminders show. */
    record DueRow(TaskRow task, String planTitle, PlanStatus planStatus) {
    }

    private static final String PLAN_COLUMNS = """
            p.id, p.title, p.issuing_unit_id, u.name AS unit_name, u.code AS unit_code, p.number, p.issued_on, p.year,
            p.period_label, p.purpose, p.requirements, p.status, p.template_code, p.created_by, p.created_at
            FROM plan p JOIN unit u ON u.id = p.issuing_unit_id""";

    private static final String TASK_COLUMNS = """
            t.id, t.plan_id, t.parent_id, t.ordinal, t.content, t.lead_unit_id, lu.name AS lead_unit_name, t.lead_note,
            t.partners_note, t.starts_on, t.ends_on, t.granularity, t.deliverable, t.status, t.done_at, t.link_kind, t.link_id
            FROM plan_task t JOIN unit lu ON lu.id = t.lead_unit_id""";

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertPlan(PlanForm form, String templateCode, String by, Instant now) {
        return jdbc.sql("""
                        INSERT INTO plan (title, issuing_unit_id, number, issued_on, year, period_label, purpose, requirements,
                                          template_code, created_by, created_at, updated_at)
                        VALUES (:title, :unit, :number, :issued, :year, :period, :purpose, :requirements, :template, :by, :now, :now)
                        RETURNING id""")
                .param("title", form.title()).param("unit", form.issuingUnitId()).param("number", form.number())
                .param("issued", form.issuedOn()).param("year", form.year()).param("period", form.periodLabel())
                .param("purpose", form.purpose()).param("requirements", form.requirements()).param("template", templateCode)
                .param("by", by).param("now", Timestamp.from(now)).query(Long.class).single();
    }

    void updatePlan(long id, PlanForm form, Instant now) {
        jdbc.sql("""
                        UPDATE plan SET title = :title, issuing_unit_id = :unit, number = :number, issued_on = :issued, year = :year,
                                        period_label = :period, purpose = :purpose, requirements = :requirements, updated_at = :now
                        WHERE id = :id""")
                .param("title", form.title()).param("unit", form.issuingUnitId()).param("number", form.number())
                .param("issued", form.issuedOn()).param("year", form.year()).param("period", form.periodLabel())
                .param("purpose", form.purpose()).param("requirements", form.requirements()).param("now", Timestamp.from(now))
                .param("id", id).update();
    }

    void setPlanStatus(long id, PlanStatus status, Instant now) {
        jdbc.sql("UPDATE plan SET status = :s, updated_at = :now WHERE id = :id").param("s", status.name())
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    Optional<Plan> plan(long id) {
        return jdbc.sql("SELECT " + PLAN_COLUMNS + " WHERE p.id = :id").param("id", id).query(PlanRepository::plan).optional();
    }

    /**
     * The plans the scope sees: issued by a unit within it, or holding a task led by one (a commune
     * follows its own task in the province's plan); optionally only those of a year.
     */
    List<Plan> plans(long scopeUnitId, Integer year) {
        return jdbc.sql("SELECT " + PLAN_COLUMNS + " WHERE (:year::int IS NULL OR p.year = :year) AND ("
                        + CatalogCodes.unitWithinScope("p.issuing_unit_id", "scope")
                        + " OR EXISTS (SELECT 1 FROM plan_task st WHERE st.plan_id = p.id AND "
                        + CatalogCodes.unitWithinScope("st.lead_unit_id", "scope") + "))"
                        + " ORDER BY p.year DESC, p.issued_on DESC NULLS FIRST, p.id DESC")
                .param("year", year).param("scope", scopeUnitId).query(PlanRepository::plan).list();
    }

    long insertTask(long planId, Long parentId, int ordinal, TaskForm form) {
        long id = jdbc.sql("""
                        INSERT INTO plan_task (plan_id, parent_id, ordinal, content, lead_unit_id, lead_note, partners_note,
                                               starts_on, ends_on, granularity, deliverable, link_kind, link_id)
                        VALUES (:plan, :parent, :ordinal, :content, :lead, :leadNote, :partnersNote, :starts, :ends, :granularity,
                                :deliverable, :linkKind, :linkId)
                        RETURNING id""")
                .param("plan", planId).param("parent", parentId).param("ordinal", ordinal).param("content", form.content())
                .param("lead", form.leadUnitId()).param("leadNote", form.leadNote()).param("partnersNote", form.partnersNote())
                .param("starts", form.time().start()).param("ends", form.time().end()).param("granularity", form.time().granularity().name())
                .param("deliverable", form.deliverable()).param("linkKind", form.linkKind() == null ? null : form.linkKind().name())
                .param("linkId", form.linkId()).query(Long.class).single();
        partners(id, form.partnerUnitIds());
        return id;
    }

    void updateTask(long id, TaskForm form) {
        jdbc.sql("""
                        UPDATE plan_task SET content = :content, lead_unit_id = :lead, lead_note = :leadNote, partners_note = :partnersNote,
                                             starts_on = :starts, ends_on = :ends, granularity = :granularity, deliverable = :deliverable,
                                             link_kind = :linkKind, link_id = :linkId
                        WHERE id = :id""")
                .param("content", form.content()).param("lead", form.leadUnitId()).param("leadNote", form.leadNote())
                .param("partnersNote", form.partnersNote()).param("starts", form.time().start()).param("ends", form.time().end())
                .param("granularity", form.time().granularity().name()).param("deliverable", form.deliverable())
                .param("linkKind", form.linkKind() == null ? null : form.linkKind().name()).param("linkId", form.linkId())
                .param("id", id).update();
        jdbc.sql("DELETE FROM plan_task_partner WHERE task_id = :id").param("id", id).update();
        partners(id, form.partnerUnitIds());
    }

    private void partners(long taskId, List<Long> unitIds) {
        for (Long unit : unitIds.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO plan_task_partner (task_id, unit_id) VALUES (:t, :u)").param("t", taskId).param("u", unit).update();
        }
    }

    void setTaskStatus(long id, TaskStatus status, Instant now) {
        jdbc.sql("UPDATE plan_task SET status = :s, done_at = :done WHERE id = :id").param("s", status.name())
                .param("done", status == TaskStatus.DONE ? Timestamp.from(now) : null).param("id", id).update();
    }

    int nextOrdinal(long planId, Long parentId) {
        return jdbc.sql("""
                        SELECT coalesce(max(ordinal), 0) + 1 FROM plan_task
                        WHERE plan_id = :plan AND parent_id IS NOT DISTINCT FROM :parent""")
                .param("plan", planId).param("parent", parentId).query(Integer.class).single();
    }

    Optional<TaskRow> task(long id) {
        return jdbc.sql("SELECT " + TASK_COLUMNS + " WHERE t.id = :id").param("id", id).query(PlanRepository::task).optional();
    }

    /** Every task and sub-step of a plan, tasks in their order and each task's steps after it. */
    List<TaskRow> tasks(long planId) {
        return jdbc.sql("SELECT " + TASK_COLUMNS + " WHERE t.plan_id = :plan ORDER BY t.parent_id NULLS FIRST, t.ordinal")
                .param("plan", planId).query(PlanRepository::task).list();
    }

    /** The partner units of the given tasks, by task. */
    Map<Long, List<PlanTask.Unit>> partnersOf(List<Long> taskIds) {
        Map<Long, List<PlanTask.Unit>> out = new HashMap<>();
        if (taskIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT tp.task_id, u.id, u.code, u.name FROM plan_task_partner tp JOIN unit u ON u.id = tp.unit_id
                        WHERE tp.task_id IN (:ids) ORDER BY u.name""")
                .param("ids", taskIds)
                .query((rs, n) -> {
                    out.computeIfAbsent(rs.getLong("task_id"), k -> new ArrayList<>())
                            .add(new PlanTask.Unit(rs.getLong("id"), rs.getString("code"), rs.getString("name")));
                    return null;
                }).list();
        return out;
    }

    /**
     * Tasks not done, ending by {@code until}, of plans not closed, led by a unit within the scope
     * and (when given) within the subtree of {@code unitId}; soonest first.
     */
    List<DueRow> due(long scopeUnitId, Long unitId, LocalDate until) {
        return jdbc.sql("SELECT " + TASK_COLUMNS.replace("FROM plan_task t", ", p.title AS plan_title, p.status AS plan_status FROM plan_task t")
                        + " JOIN plan p ON p.id = t.plan_id"
                        + " WHERE t.status <> 'DONE' AND p.status <> 'CLOSED' AND t.ends_on <= :until AND "
                        + CatalogCodes.unitWithinScope("t.lead_unit_id", "scope")
                        + " AND (:unit::bigint IS NULL OR " + CatalogCodes.unitWithinScope("t.lead_unit_id", "unit") + ")"
                        + " ORDER BY t.ends_on, t.id")
                .param("scope", scopeUnitId).param("unit", unitId).param("until", until)
                .query((rs, n) -> new DueRow(task(rs, n), rs.getString("plan_title"), PlanStatus.valueOf(rs.getString("plan_status"))))
                .list();
    }

    /** Tasks of issued plans, not done, ending from {@code from} to {@code until}, not yet reminded of this end. */
    List<DueRow> unreminded(LocalDate from, LocalDate until) {
        return jdbc.sql("SELECT " + TASK_COLUMNS.replace("FROM plan_task t", ", p.title AS plan_title, p.status AS plan_status FROM plan_task t")
                        + """
                         JOIN plan p ON p.id = t.plan_id
                        WHERE p.status = 'ISSUED' AND t.status <> 'DONE' AND t.ends_on BETWEEN :from AND :until
                          AND NOT EXISTS (SELECT 1 FROM plan_reminder r WHERE r.task_id = t.id AND r.ends_on = t.ends_on)
                        ORDER BY t.ends_on, t.id
                        FOR UPDATE OF t""")
                .param("from", from).param("until", until)
                .query((rs, n) -> new DueRow(task(rs, n), rs.getString("plan_title"), PlanStatus.ISSUED)).list();
    }

    /** Marks the reminder of the task's end sent; false when it was already. */
    boolean reminded(long taskId, LocalDate endsOn, Instant now) {
        return jdbc.sql("INSERT INTO plan_reminder (task_id, ends_on, sent_at) VALUES (:t, :e, :now) ON CONFLICT DO NOTHING")
                .param("t", taskId).param("e", endsOn).param("now", Timestamp.from(now)).update() == 1;
    }

    void insertNote(long taskId, String author, String body, Instant now) {
        jdbc.sql("INSERT INTO plan_task_note (task_id, author, written_at, body) VALUES (:t, :a, :now, :b)")
                .param("t", taskId).param("a", author).param("now", Timestamp.from(now)).param("b", body).update();
    }

    List<Note> notes(long taskId) {
        return jdbc.sql("SELECT id, task_id, author, written_at, body FROM plan_task_note WHERE task_id = :t ORDER BY written_at, id")
                .param("t", taskId)
                .query((rs, n) -> new Note(rs.getLong("id"), rs.getLong("task_id"), rs.getString("author"),
                        rs.getTimestamp("written_at").toInstant(), rs.getString("body"))).list();
    }

    long insertFile(long taskId, String fileName, String contentType, byte[] content, String by, Instant now) {
        return jdbc.sql("""
                        INSERT INTO plan_task_file (task_id, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
                        VALUES (:t, :name, :type, :size, :content, :by, :now) RETURNING id""")
                .param("t", taskId).param("name", fileName).param("type", contentType).param("size", content.length)
                .param("content", content).param("by", by).param("now", Timestamp.from(now)).query(Long.class).single();
    }

    List<FileInfo> files(long taskId) {
        return jdbc.sql("""
                        SELECT id, task_id, file_name, content_type, size_bytes, uploaded_by, uploaded_at
                        FROM plan_task_file WHERE task_id = :t ORDER BY uploaded_at, id""")
                .param("t", taskId).query(PlanRepository::fileInfo).list();
    }

    Optional<StoredFile> file(long id) {
        return jdbc.sql("""
                        SELECT id, task_id, file_name, content_type, size_bytes, uploaded_by, uploaded_at, content
                        FROM plan_task_file WHERE id = :id""")
                .param("id", id).query((rs, n) -> new StoredFile(fileInfo(rs, n), rs.getBytes("content"))).optional();
    }

    private static Plan plan(ResultSet rs, int n) throws SQLException {
        return new Plan(rs.getLong("id"), rs.getString("title"), rs.getLong("issuing_unit_id"), rs.getString("unit_name"),
                rs.getString("unit_code"), rs.getString("number"), rs.getObject("issued_on", LocalDate.class), rs.getInt("year"),
                rs.getString("period_label"), rs.getString("purpose"), rs.getString("requirements"),
                PlanStatus.valueOf(rs.getString("status")), rs.getString("template_code"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static TaskRow task(ResultSet rs, int n) throws SQLException {
        Timestamp done = rs.getTimestamp("done_at");
        String kind = rs.getString("link_kind");
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        long link = rs.getLong("link_id");
        Long linkId = rs.wasNull() ? null : link;
        return new TaskRow(rs.getLong("id"), rs.getLong("plan_id"), parentId, rs.getInt("ordinal"), rs.getString("content"),
                rs.getLong("lead_unit_id"), rs.getString("lead_unit_name"), rs.getString("lead_note"), rs.getString("partners_note"),
                new TaskTime(rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                        TaskTime.Granularity.valueOf(rs.getString("granularity"))),
                rs.getString("deliverable"), TaskStatus.valueOf(rs.getString("status")), done == null ? null : done.toInstant(),
                kind == null ? null : TaskLink.Kind.valueOf(kind), linkId);
    }

    private static FileInfo fileInfo(ResultSet rs, int n) throws SQLException {
        return new FileInfo(rs.getLong("id"), rs.getLong("task_id"), rs.getString("file_name"), rs.getString("content_type"),
                rs.getInt("size_bytes"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }
}
