package org.sipas.planning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sipas.catalog.CatalogCodes;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.UnitDirectory;
import org.sipas.identity.UnitScope;
import org.sipas.web.Formats;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The yearly report of ministries and provinces on their use of the index (báo cáo sử dụng chỉ
 * số), as planning tasks: a plan of the year issued by the nation, one task per ministry and
 * province in force with the deadline given; filing the report (text, optionally a file under
 * planning's attachment rule) marks the task done. And the summary of who filed what in a year,
 * improvement plans included, for the report to the government.
 */
@Service
class IndexUseReports {

    /** The use-report form's page. */
    record View(PlanTask task, ImprovementRepository.UseTask use, Optional<ImprovementRepository.UseReport> report,
                List<PlanRepository.FileInfo> files, boolean editable) {
    }

    /**
     * One unit's line of the summary.
     *
     * @param improvementsAsked improvement-plan tasks the unit had in the year
     * @param improvementsFiled the dates it filed them on, in order
     * @param useReportAsked    whether it owes a yearly use report (a ministry or province)
     * @param useReportFiledOn  when it filed it, or null
     * @param late              one of its tasks (plan, its report step, the use report) is past its end and not done
     */
    record Row(String unitCode, String unitName, int improvementsAsked, List<LocalDate> improvementsFiled, int measures,
               int measuresDone, boolean useReportAsked, LocalDate useReportFiledOn, boolean late) {

        /** "12/01/2027", several joined, "chưa lập" when asked and not filed, "–" when not asked. */
        public String improvementText() {
            if (improvementsAsked == 0) {
                return "–";
            }
            List<String> dates = improvementsFiled.stream().map(Formats.DATE::format).toList();
            String filed = String.join(", ", dates);
            if (improvementsFiled.size() < improvementsAsked) {
                filed = (filed.isEmpty() ? "" : filed + "; ") + "chưa lập " + (improvementsAsked - improvementsFiled.size());
            }
            return filed;
        }

        public String measuresText() {
            return measures == 0 ? "–" : measuresDone + "/" + measures;
        }

        public String useReportText() {
            return !useReportAsked ? "–" : useReportFiledOn == null ? "chưa gửi" : Formats.DATE.format(useReportFiledOn);
        }
    }

    private final PlanRepository plans;
    private final ImprovementRepository repository;
    private final Plans planService;
    private final CatalogCodes catalog;
    private final UnitDirectory units;
    private final UnitScope scope;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;

    IndexUseReports(PlanRepository plans, ImprovementRepository repository, Plans planService, CatalogCodes catalog, UnitDirectory units,
                    UnitScope scope, CurrentUsers users, AuditLog audit, Clock clock) {
        this.plans = plans;
        this.repository = repository;
        this.planService = planService;
        this.catalog = catalog;
        this.units = units;
        this.scope = scope;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Asks every ministry and province in force for its report on the use of the index in
     * {@code year}, due {@code dueOn}: the nation's plan of that year and one task per unit, those
     * already asked left as they are. Only a caller whose scope is the nation asks. The plan's id.
     */
    @Transactional
    long open(int year, LocalDate dueOn) {
        UnitDirectory.UnitRef nation = units.root();
        scope.require(nation.id());
        LocalDate today = LocalDate.ofInstant(clock.instant(), Formats.ZONE);
        if (year < 2000 || year > 2100) {
            throw Plans.unprocessable("year: " + year + " is no year between 2000 and 2100");
        }
        if (dueOn == null || dueOn.isBefore(today)) {
            throw Plans.unprocessable("due: the deadline is missing or has passed");
        }
        repository.lockYear(year);
        long planId = repository.useRoundPlan(year).orElseGet(() -> {
            PlanForm form = new PlanForm("Báo cáo sử dụng kết quả Chỉ số hài lòng (SIPAS) năm " + year, nation.id(), null, today, year, null,
                    "Các bộ, cơ quan ngang bộ và tỉnh, thành phố báo cáo việc sử dụng kết quả chỉ số trong chỉ đạo, điều hành.",
                    "Báo cáo gửi đúng hạn, nêu các biện pháp đã thực hiện sau công bố và kết quả.");
            long id = plans.insertPlan(form, null, users.actorName(), clock.instant());
            plans.setPlanStatus(id, PlanStatus.ISSUED, clock.instant());
            repository.insertUseRound(year, id, clock.instant());
            audit.record("plan.created", "plan", String.valueOf(id), null, form, "yearly reports on the use of the index, " + year);
            return id;
        });
        for (CatalogCodes.UnitRef unit : catalog.ministriesAndProvinces()) {
            if (repository.hasUseTask(year, unit.id())) {
                continue;
            }
            TaskForm form = new TaskForm("Báo cáo việc sử dụng kết quả Chỉ số hài lòng (SIPAS) năm " + year, unit.id(), null, List.of(), null,
                    TaskTime.dates(today, dueOn), "Báo cáo sử dụng chỉ số (văn bản, tệp đính kèm nếu có)", null, null);
            long taskId = plans.insertTask(planId, null, plans.nextOrdinal(planId, null), form);
            repository.insertUseTask(taskId, year, unit.id());
            audit.record("plan.task.created", "plan_task", String.valueOf(taskId), null, form, "yearly use report " + year);
        }
        return planId;
    }

    @Transactional(readOnly = true)
    View view(long taskId) {
        PlanTask task = planService.task(taskId);
        ImprovementRepository.UseTask use = useTask(taskId);
        boolean editable = scope.covers(task.leadUnitId()) || scope.covers(planService.get(task.planId()).plan().issuingUnitId());
        return new View(task, use, repository.useReport(taskId), plans.files(taskId), editable);
    }

    /**
     * Files the unit's yearly report: its text, and a file when one is given (checked by planning's
     * attachment rule and stored among the task's files). The task is done. Once only.
     */
    @Transactional
    void file(long taskId, String body, AttachedFile file) {
        planService.editableTask(taskId);
        useTask(taskId);
        repository.useReport(taskId).ifPresent(r -> {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the use report of task " + taskId + " was filed on "
                    + Formats.DATE.format(r.filedAt()) + " by " + r.filedBy());
        });
        if (body == null || body.isBlank()) {
            throw Plans.unprocessable("body: the report needs its text");
        }
        Long fileId = file == null ? null : planService.attach(taskId, file);
        repository.insertUseReport(taskId, body.strip(), fileId, users.actorName(), clock.instant());
        plans.setTaskStatus(taskId, TaskStatus.DONE, clock.instant());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("body", body.strip());
        after.put("file", file == null ? null : file.fileName());
        audit.record("plan.use-report.filed", "plan_task", String.valueOf(taskId), null, after, null);
    }

    private ImprovementRepository.UseTask useTask(long taskId) {
        return repository.useTask(taskId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "task " + taskId + " asks for no use report"));
    }

    /** Who filed what in {@code year}, the units within the caller's scope, by code. */
    @Transactional(readOnly = true)
    List<Row> summary(int year) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Formats.ZONE);
        Map<Long, List<ImprovementRepository.SummaryTask>> byUnit = new LinkedHashMap<>();
        for (ImprovementRepository.SummaryTask t : repository.summary(scope.unitId(), year)) {
            byUnit.computeIfAbsent(t.unitId(), k -> new ArrayList<>()).add(t);
        }
        List<Row> rows = new ArrayList<>();
        for (List<ImprovementRepository.SummaryTask> tasks : byUnit.values()) {
            int asked = 0;
            int measures = 0;
            int done = 0;
            List<LocalDate> filed = new ArrayList<>();
            boolean useAsked = false;
            LocalDate useFiled = null;
            boolean late = false;
            for (ImprovementRepository.SummaryTask t : tasks) {
                late |= late(t.status(), t.endsOn(), today) || t.reportStatus() != null && late(t.reportStatus(), t.reportEndsOn(), today);
                if (t.kind().equals("IMPROVEMENT")) {
                    asked++;
                    measures += t.measures();
                    done += t.measuresDone();
                    if (t.filedAt() != null) {
                        filed.add(day(t.filedAt()));
                    }
                } else {
                    useAsked = true;
                    useFiled = t.filedAt() == null ? null : day(t.filedAt());
                }
            }
            filed.sort(null);
            rows.add(new Row(tasks.get(0).unitCode(), tasks.get(0).unitName(), asked, filed, measures, done, useAsked, useFiled, late));
        }
        return rows;
    }

    private static boolean late(TaskStatus status, LocalDate end, LocalDate today) {
        return status != TaskStatus.DONE && end.isBefore(today);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, Formats.ZONE);
    }

    /** The caller's scope unit: who the summary's export is issued by. */
    UnitDirectory.UnitRef scopeUnit() {
        return units.findById(scope.unitId()).orElseGet(units::root);
    }
}
