package org.sipas.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.UnitDirectory;
import org.sipas.identity.UnitScope;
import org.sipas.web.Formats;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Plans and their tasks under the one scope rule ({@link UnitScope}): a caller sees a plan issued
 * by a unit within their scope, or one holding a task their units lead; they change the plan when
 * its issuing unit is within their scope, and a task when the plan's or the task's lead unit is.
 * Every change is in the audit log, in the change's transaction.
 */
@Service
class Plans {

    /** A plan with its tasks as a tree, sub-steps under their task. */
    record Full(Plan plan, List<PlanTask> tasks, boolean editable) {

        /** Tasks and their steps in reading order: the table's rows. */
        public List<PlanTask> rows() {
            List<PlanTask> rows = new ArrayList<>();
            for (PlanTask task : tasks) {
                rows.add(task);
                rows.addAll(task.steps());
            }
            return rows;
        }
    }

    /** A row of the due list. */
    record Due(PlanTask task, long planId, String planTitle) {
    }

    private final PlanRepository repository;
    private final TaskLinks links;
    private final UnitScope scope;
    private final UnitDirectory units;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;
    private final PlanTemplates templates;

    Plans(PlanRepository repository, TaskLinks links, UnitScope scope, UnitDirectory units, CurrentUsers users, AuditLog audit, Clock clock,
          PlanTemplates templates) {
        this.templates = templates;
        this.repository = repository;
        this.links = links;
        this.scope = scope;
        this.units = units;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today in Vietnam: the day against which a deadline has passed. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Formats.ZONE);
    }

    @Transactional(readOnly = true)
    List<Plan> list(Integer year) {
        return repository.plans(scope.unitId(), year);
    }

    /** The plan with its tasks; 404 when there is none, 403 when the caller's scope does not reach it. */
    @Transactional(readOnly = true)
    Full get(long id) {
        Plan plan = found(id);
        List<PlanTask> tasks = tree(repository.tasks(id));
        boolean editable = scope.covers(plan.issuingUnitId());
        if (!editable && tasks.stream().flatMap(t -> java.util.stream.Stream.concat(java.util.stream.Stream.of(t), t.steps().stream()))
                .noneMatch(t -> scope.covers(t.leadUnitId()))) {
            throw new AccessDeniedException("plan " + id + " is outside the scope of " + users.current().name());
        }
        return new Full(plan, tasks, editable);
    }

    @Transactional
    long create(PlanForm form) {
        check(form);
        scope.require(form.issuingUnitId());
        long id = repository.insertPlan(form, null, users.actorName(), clock.instant());
        audit.record("plan.created", "plan", String.valueOf(id), null, form, null);
        return id;
    }

    /**
     * A new draft plan of {@code issuingUnitId} for {@code year} from a template: its tasks and
     * sub-steps with their times moved to that year, led by the issuing unit (the template's own
     * words for the lead and the partners kept beside it), all stored or none.
     */
    @Transactional
    long createFromTemplate(String code, int year, long issuingUnitId) {
        PlanTemplate template = templates.find(code).orElseThrow(() -> unprocessable("template: no template " + code));
        PlanForm form = new PlanForm(PlanTemplate.forYear(template.title(), year), issuingUnitId, null, null, year,
                PlanTemplate.forYear(template.period(), year), null, null);
        check(form);
        scope.require(issuingUnitId);
        long planId = repository.insertPlan(form, code, users.actorName(), clock.instant());
        int ordinal = 0;
        for (PlanTemplate.Item item : template.tasks()) {
            TaskTime time = item.when().in(year);
            long taskId = repository.insertTask(planId, null, ++ordinal, fromTemplate(item, time, issuingUnitId, year));
            int step = 0;
            for (PlanTemplate.Item sub : item.steps()) {
                repository.insertTask(planId, taskId, ++step, fromTemplate(sub, sub.when() == null ? time : sub.when().in(year), issuingUnitId, year));
            }
        }
        audit.record("plan.created", "plan", String.valueOf(planId), null, form, "from template " + code + " for " + year);
        return planId;
    }

    private static TaskForm fromTemplate(PlanTemplate.Item item, TaskTime time, long leadUnitId, int year) {
        return new TaskForm(PlanTemplate.forYear(item.content(), year), leadUnitId, item.lead(), List.of(), item.partners(), time,
                PlanTemplate.forYear(item.deliverable(), year), null, null);
    }

    @Transactional
    void update(long id, PlanForm form) {
        Plan before = editablePlan(id);
        check(form);
        scope.require(form.issuingUnitId());
        repository.updatePlan(id, form, clock.instant());
        audit.record("plan.updated", "plan", String.valueOf(id), before, form, null);
    }

    /** The status as a form sends it: the caller's right to the plan is checked before the value. */
    @Transactional
    void setStatus(long id, String status) {
        editablePlan(id);
        setStatus(id, PlanPages.parse(PlanStatus.class, status, "status"));
    }

    @Transactional
    void setStatus(long id, PlanStatus status) {
        Plan before = editablePlan(id);
        repository.setPlanStatus(id, status, clock.instant());
        audit.record("plan.status", "plan", String.valueOf(id), Map.of("status", before.status()), Map.of("status", status), null);
    }

    /** Adds a task (parentId null) or a sub-step of a task to the plan, numbered after its siblings. */
    @Transactional
    long addTask(long planId, Long parentId, TaskForm form) {
        Plan plan = editablePlan(planId);
        if (parentId != null) {
            PlanRepository.TaskRow parent = repository.task(parentId).filter(t -> t.planId() == planId)
                    .orElseThrow(() -> unprocessable("parent: no task " + parentId + " in plan " + planId));
            if (parent.parentId() != null) {
                throw unprocessable("parent: a sub-step has no sub-steps of its own");
            }
        }
        check(form);
        long id = repository.insertTask(plan.id(), parentId, repository.nextOrdinal(planId, parentId), form);
        audit.record("plan.task.created", "plan_task", String.valueOf(id), null, form, "plan " + planId);
        return id;
    }

    /** A task with its plan, when the caller may read it. */
    @Transactional(readOnly = true)
    PlanTask task(long taskId) {
        PlanRepository.TaskRow row = taskRow(taskId);
        Full full = get(row.planId());
        return full.rows().stream().filter(t -> t.id() == taskId).findFirst().orElseThrow();
    }

    @Transactional
    void updateTask(long taskId, TaskForm form) {
        PlanRepository.TaskRow before = editableTask(taskId);
        check(form);
        repository.updateTask(taskId, form);
        audit.record("plan.task.updated", "plan_task", String.valueOf(taskId), before, form, "plan " + before.planId());
    }

    /** The status as a form sends it: the caller's right to the task is checked before the value. */
    @Transactional
    void setTaskStatus(long taskId, String status) {
        editableTask(taskId);
        setTaskStatus(taskId, PlanPages.parse(TaskStatus.class, status, "status"));
    }

    @Transactional
    void setTaskStatus(long taskId, TaskStatus status) {
        PlanRepository.TaskRow before = editableTask(taskId);
        repository.setTaskStatus(taskId, status, clock.instant());
        audit.record("plan.task.status", "plan_task", String.valueOf(taskId), Map.of("status", before.status()),
                Map.of("status", status), "plan " + before.planId());
    }

    @Transactional
    void addNote(long taskId, String body) {
        PlanRepository.TaskRow task = editableTask(taskId);
        if (body == null || body.isBlank()) {
            throw unprocessable("body: a progress note needs its text");
        }
        repository.insertNote(taskId, users.actorName(), body.strip(), clock.instant());
        audit.record("plan.task.note", "plan_task", String.valueOf(taskId), null, Map.of("note", body.strip()), "plan " + task.planId());
    }

    /** Attaches a file sent to the task: the caller's right first, then the file's checks ({@link AttachedFile#checked}). */
    @Transactional
    long attach(long taskId, String fileName, byte[] content, long maxBytes) {
        editableTask(taskId);
        return attach(taskId, AttachedFile.checked(fileName, content, maxBytes));
    }

    @Transactional
    long attach(long taskId, AttachedFile file) {
        PlanRepository.TaskRow task = editableTask(taskId);
        long id = repository.insertFile(taskId, file.fileName(), file.contentType(), file.content(), users.actorName(), clock.instant());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("file", file.fileName());
        after.put("contentType", file.contentType());
        after.put("bytes", file.content().length);
        audit.record("plan.task.file", "plan_task", String.valueOf(taskId), null, after, "plan " + task.planId());
        return id;
    }

    @Transactional(readOnly = true)
    List<PlanRepository.Note> notes(long taskId) {
        task(taskId);
        return repository.notes(taskId);
    }

    @Transactional(readOnly = true)
    List<PlanRepository.FileInfo> files(long taskId) {
        task(taskId);
        return repository.files(taskId);
    }

    @Transactional(readOnly = true)
    PlanRepository.StoredFile file(long taskId, long fileId) {
        task(taskId);
        return repository.file(fileId).filter(f -> f.info().taskId() == taskId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no file " + fileId + " on task " + taskId));
    }

    /**
     * Tasks due within {@code days} days or late, not done, of plans not closed, led by units within
     * the caller's scope (and within the subtree of {@code unitId} when given).
     */
    @Transactional(readOnly = true)
    List<Due> due(Long unitId, int days) {
        LocalDate today = today();
        List<Due> out = new ArrayList<>();
        for (PlanRepository.DueRow row : repository.due(scope.unitId(), unitId, today.plusDays(days))) {
            PlanTask task = build(row.task(), List.of(), repository.partnersOf(List.of(row.task().id())).getOrDefault(row.task().id(), List.of()),
                    number(row.task()), today);
            out.add(new Due(task, row.task().planId(), row.planTitle()));
        }
        return out;
    }

    private String number(PlanRepository.TaskRow row) {
        if (row.parentId() == null) {
            return String.valueOf(row.ordinal());
        }
        return repository.task(row.parentId()).map(p -> p.ordinal() + "." + row.ordinal()).orElse(String.valueOf(row.ordinal()));
    }

    /** The rows put together: tasks in order, each with its sub-steps, partners and link. */
    List<PlanTask> tree(List<PlanRepository.TaskRow> rows) {
        LocalDate today = today();
        Map<Long, List<PlanTask.Unit>> partners = repository.partnersOf(rows.stream().map(PlanRepository.TaskRow::id).toList());
        Map<Long, PlanRepository.TaskRow> tops = new LinkedHashMap<>();
        Map<Long, List<PlanTask>> steps = new LinkedHashMap<>();
        for (PlanRepository.TaskRow row : rows) {
            if (row.parentId() == null) {
                tops.put(row.id(), row);
                steps.put(row.id(), new ArrayList<>());
            }
        }
        for (PlanRepository.TaskRow row : rows) {
            if (row.parentId() != null) {
                PlanRepository.TaskRow parent = tops.get(row.parentId());
                steps.get(row.parentId()).add(build(row, List.of(), partners.getOrDefault(row.id(), List.of()),
                        parent.ordinal() + "." + row.ordinal(), today));
            }
        }
        List<PlanTask> out = new ArrayList<>();
        for (PlanRepository.TaskRow top : tops.values()) {
            out.add(build(top, steps.get(top.id()), partners.getOrDefault(top.id(), List.of()), String.valueOf(top.ordinal()), today));
        }
        return out;
    }

    private PlanTask build(PlanRepository.TaskRow row, List<PlanTask> steps, List<PlanTask.Unit> partners, String number, LocalDate today) {
        TaskLink link = row.linkKind() == null ? null
                : links.find(row.linkKind(), row.linkId()).orElse(new TaskLink(row.linkKind(), row.linkId(), "#" + row.linkId(), null));
        boolean late = row.status() != TaskStatus.DONE && row.time().end().isBefore(today);
        return new PlanTask(row.id(), row.planId(), row.parentId(), row.ordinal(), number, row.content(), row.leadUnitId(),
                row.leadUnitName(), row.leadNote(), partners, row.partnersNote(), row.time(), row.deliverable(), row.status(),
                row.doneAt(), link, late, steps);
    }

    private Plan found(long id) {
        return repository.plan(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no plan " + id));
    }

    /** The plan, when the caller's scope holds its issuing unit; otherwise a 403. */
    Plan editablePlan(long id) {
        Plan plan = found(id);
        scope.require(plan.issuingUnitId());
        return plan;
    }

    private PlanRepository.TaskRow taskRow(long taskId) {
        return repository.task(taskId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no task " + taskId));
    }

    /** A task its plan's unit or its own lead unit may change (the lead reports its progress); otherwise a 403. */
    PlanRepository.TaskRow editableTask(long taskId) {
        PlanRepository.TaskRow task = taskRow(taskId);
        Plan plan = found(task.planId());
        if (!scope.covers(plan.issuingUnitId()) && !scope.covers(task.leadUnitId())) {
            throw new AccessDeniedException("task " + taskId + " is outside the scope of " + users.current().name());
        }
        return task;
    }

    private void check(PlanForm form) {
        if (form.title() == null || form.title().isBlank()) {
            throw unprocessable("title: a plan needs a title");
        }
        if (form.year() < 2000 || form.year() > 2100) {
            throw unprocessable("year: " + form.year() + " is no year between 2000 and 2100");
        }
        if (units.findById(form.issuingUnitId()).isEmpty()) {
            throw unprocessable("issuingUnit: no unit " + form.issuingUnitId());
        }
    }

    private void check(TaskForm form) {
        if (form.content() == null || form.content().isBlank()) {
            throw unprocessable("content: a task needs its content");
        }
        if (units.findById(form.leadUnitId()).isEmpty()) {
            throw unprocessable("leadUnit: no unit " + form.leadUnitId());
        }
        for (Long partner : form.partnerUnitIds()) {
            if (units.findById(partner).isEmpty()) {
                throw unprocessable("partnerUnits: no unit " + partner);
            }
        }
        if (form.linkKind() != null && (form.linkId() == null || links.find(form.linkKind(), form.linkId()).isEmpty())) {
            throw unprocessable("link: no " + form.linkKind().name().toLowerCase() + " " + form.linkId());
        }
    }

    static ResponseStatusException unprocessable(String reason) {
        return new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, reason);
    }
}
