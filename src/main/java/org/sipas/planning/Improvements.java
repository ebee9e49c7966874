package org.sipas.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.UnitDirectory;
import org.sipas.identity.UnitScope;
import org.sipas.index.CampaignEstimates;
import org.sipas.index.Domain;
import org.sipas.index.DomainEstimate;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Series;
import org.sipas.methodology.Methodologies;
import org.sipas.reporting.Publications;
import org.sipas.reporting.Snapshot;
import org.sipas.web.Formats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Improvement plans (phương án cải thiện) after a publication, as planning tasks: each unit with
 * results in the snapshot gets one task in the campaign's plan "Phương án cải thiện sau công bố …",
 * issued by the campaign's scope unit, due {@code improvement-days} days later (Vietnamese dates).
 * The unit files its plan (weaknesses offered from its lowest criteria, measures, owners,
 * deadlines), which marks the task done and opens a sub-step "report what was done" due at the
 * last measure's deadline; reporting each measure's outcome marks that step done. Being plan tasks,
 * they are in the due and late lists and reminded like any other.
 */
@Service
class Improvements {

    private static final Logger log = LoggerFactory.getLogger(Improvements.class);
    private static final Locale VI = Locale.forLanguageTag("vi");
    static final String CRITERION = "criterion";

    /** The form's page: the task, the unit's figures offered as weaknesses, and what was filed. */
    record View(PlanTask task, ImprovementRepository.ImprovementTask improvement, Snapshot snapshot, List<Weakness> weaknesses,
                Optional<ImprovementRepository.Filed> filed, List<Measure> measures, boolean editable) {

        public boolean isFiled() {
            return filed.isPresent();
        }

        public boolean isReported() {
            return filed.map(f -> f.reportedAt() != null).orElse(false);
        }
    }

    /** A measure as the form sends it (strings, as typed); {@code row} counts from 1. */
    record MeasureInput(int row, String criterion, String weakness, String measure, String owner, String due) {

        boolean isBlank() {
            return blank(weakness) && blank(measure) && blank(owner) && blank(due) && blank(criterion);
        }
    }

    /** A measure's outcome as the form sends it. */
    record OutcomeInput(long measureId, String outcome, String note) {
    }

    private final PlanRepository plans;
    private final ImprovementRepository repository;
    private final Plans planService;
    private final Publications publications;
    private final Methodologies methodologies;
    private final UnitDirectory units;
    private final UnitScope scope;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;
    private final int days;
    private final int offered;

    Improvements(PlanRepository plans, ImprovementRepository repository, Plans planService, Publications publications,
                 Methodologies methodologies, UnitDirectory units, UnitScope scope, CurrentUsers users, AuditLog audit, Clock clock,
                 @Value("${sipas.planning.improvement-days:30}") int days,
                 @Value("${sipas.planning.improvement-weaknesses:5}") int offered) {
        this.plans = plans;
        this.repository = repository;
        this.planService = planService;
        this.publications = publications;
        this.methodologies = methodologies;
        this.units = units;
        this.scope = scope;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.days = days;
        this.offered = offered;
    }

    /**
     * Gives every unit with results in the snapshot its improvement-plan task, once per unit and
     * campaign: a re-delivered event, a second node or a corrected version adds none for a unit that
     * has one (a unit first seen in a correction gets its own). In a transaction of its own, after
     * the publication's has committed. The number of tasks created.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    int open(long snapshotId) {
        Snapshot snapshot = publications.snapshot(snapshotId).orElse(null);
        if (snapshot == null) {
            return 0;
        }
        repository.lockCampaign(snapshot.campaignId());
        List<String> codes = unitsWithResults(snapshot);
        Optional<UnitDirectory.UnitRef> issuer = units.findByCode(snapshot.scopeUnitCode());
        if (codes.isEmpty() || issuer.isEmpty()) {
            log.info("publication {} of campaign {}: no unit with results or no scope unit {}, no improvement plans asked", snapshotId,
                    snapshot.campaignId(), snapshot.scopeUnitCode());
            return 0;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), Formats.ZONE);
        long planId = repository.roundPlan(snapshot.campaignId()).orElseGet(() -> round(snapshot, issuer.get(), today));
        int created = 0;
        for (String code : codes) {
            Optional<UnitDirectory.UnitRef> unit = units.findByCode(code);
            if (unit.isEmpty() || repository.hasTask(snapshot.campaignId(), unit.get().id())) {
                continue;
            }
            TaskForm form = new TaskForm("Lập phương án cải thiện sau công bố kết quả " + snapshot.campaignName(), unit.get().id(), null,
                    List.of(), null, TaskTime.dates(today, today.plusDays(days)),
                    "Phương án cải thiện: điểm yếu, biện pháp, người phụ trách, thời hạn", TaskLink.Kind.PUBLICATION, snapshotId);
            long taskId = plans.insertTask(planId, null, plans.nextOrdinal(planId, null), form);
            repository.insertTask(taskId, snapshot.campaignId(), unit.get().id(), snapshotId);
            audit.record("plan.task.created", "plan_task", String.valueOf(taskId), null, form,
                    "improvement plan asked after publication " + snapshotId + " (version " + snapshot.version() + ")");
            created++;
        }
        return created;
    }

    private long round(Snapshot snapshot, UnitDirectory.UnitRef issuer, LocalDate today) {
        LocalDate published = LocalDate.ofInstant(snapshot.approvedAt(), Formats.ZONE);
        PlanForm form = new PlanForm("Phương án cải thiện sau công bố " + snapshot.campaignName(), issuer.id(), null, published,
                published.getYear(), null,
                "Mỗi đơn vị có kết quả trong đợt khảo sát lập phương án cải thiện các tiêu chí còn thấp, thực hiện và báo cáo kết quả.",
                "Phương án nêu điểm yếu (theo kết quả đã công bố, kèm khoảng tin cậy 95%), biện pháp, người phụ trách và thời hạn.");
        long planId = plans.insertPlan(form, null, "system", clock.instant());
        plans.setPlanStatus(planId, PlanStatus.ISSUED, clock.instant());
        repository.insertRound(snapshot.campaignId(), planId, snapshot.id(), clock.instant());
        audit.record("plan.created", "plan", String.valueOf(planId), null, form,
                "improvement plans after publication " + snapshot.id() + " of campaign " + snapshot.campaignId());
        return planId;
    }

    /** The codes of the units the snapshot has results for (any series, at least one response), in code order. */
    static List<String> unitsWithResults(Snapshot snapshot) {
        TreeSet<String> codes = new TreeSet<>();
        for (Series series : Series.values()) {
            if (series == Series.PORTAL) {
                // open online answers are opinions of whoever came, not ratings of a unit's service: they ask no plan
                continue;
            }
            CampaignEstimates byUnit = snapshot.figures(series, Domain.UNIT);
            if (byUnit != null) {
                byUnit.domains().stream().filter(d -> d.n() > 0).forEach(d -> codes.add(d.code()));
            }
        }
        return List.copyOf(codes);
    }

    /** The form's page of an improvement task: 404 when the task is none, 403 when out of the caller's scope. */
    @Transactional(readOnly = true)
    View view(long taskId, Locale locale) {
        PlanTask task = planService.task(taskId);
        ImprovementRepository.ImprovementTask improvement = repository.improvementTask(taskId).filter(i -> i.taskId() == taskId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "task " + taskId + " asks for no improvement plan"));
        Snapshot snapshot = publications.latest(improvement.campaignId())
                .or(() -> publications.snapshot(improvement.snapshotId())).orElseThrow();
        boolean editable = scope.covers(task.leadUnitId()) || scope.covers(planService.get(task.planId()).plan().issuingUnitId());
        return new View(task, improvement, snapshot, weaknesses(snapshot, improvement.unitCode(), locale),
                repository.filed(taskId), repository.measures(taskId), editable);
    }

    /**
     * The unit's lowest criteria in the snapshot, lowest first, at most {@code improvement-weaknesses}:
     * the sampled series' design-weighted estimate where there is one, else another series' plain percentage.
     */
    List<Weakness> weaknesses(Snapshot snapshot, String unitCode, Locale locale) {
        return weaknesses(snapshot, unitCode, locale, offered);
    }

    private List<Weakness> weaknesses(Snapshot snapshot, String unitCode, Locale locale, int limit) {
        Map<String, String> labels = methodologies.find(snapshot.methodologyCode(), snapshot.methodologyVersion())
                .map(m -> m.index().labels(locale)).orElse(Map.of());
        for (Series series : Series.values()) {
            if (series == Series.PORTAL) {
                // open online answers are opinions of whoever came, not ratings of a unit's service: they ask no plan
                continue;
            }
            CampaignEstimates byUnit = snapshot.figures(series, Domain.UNIT);
            Optional<DomainEstimate> unit = byUnit == null ? Optional.empty()
                    : byUnit.domains().stream().filter(d -> d.code().equals(unitCode)).findFirst();
            if (unit.isEmpty()) {
                continue;
            }
            return unit.get().figures().stream()
                    .filter(f -> CRITERION.equals(f.level()) && value(f) != null)
                    .sorted(Comparator.comparing(Improvements::value).thenComparing(IndexEstimate::index))
                    .limit(limit)
                    .map(f -> new Weakness(f.index(), labels.getOrDefault(f.index(), f.index()), f.n(), f.estimatePct(), f.ci95Low(),
                            f.ci95High(), f.unweightedPct()))
                    .toList();
        }
        return List.of();
    }

    private static Double value(IndexEstimate f) {
        return f.estimatePct() != null ? f.estimatePct() : f.unweightedPct();
    }

    /**
     * Files the unit's improvement plan, all measures or none: each needs a weakness (a criterion of
     * the unit's results or the unit's own words), a measure, an owner and a deadline not before
     * today. The task is done; the sub-step "report what was done" is due at the last deadline.
     */
    @Transactional
    void file(long taskId, List<MeasureInput> inputs) {
        planService.editableTask(taskId);
        ImprovementRepository.ImprovementTask improvement = repository.improvementTask(taskId).filter(i -> i.taskId() == taskId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "task " + taskId + " asks for no improvement plan"));
        repository.filed(taskId).ifPresent(f -> {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the improvement plan of task " + taskId + " was filed on "
                    + Formats.DATE.format(f.filedAt()) + " by " + f.filedBy());
        });
        Snapshot snapshot = publications.latest(improvement.campaignId()).orElseThrow();
        Map<String, Weakness> criteria = new LinkedHashMap<>();
        // any criterion of the unit's results may be named, not only those offered first
        weaknessesAll(snapshot, improvement.unitCode()).forEach(w -> criteria.put(w.criterion(), w));
        LocalDate today = LocalDate.ofInstant(clock.instant(), Formats.ZONE);
        List<String> errors = new ArrayList<>();
        List<Measure> measures = new ArrayList<>();
        for (MeasureInput in : inputs) {
            if (in.isBlank()) {
                continue;
            }
            String where = "measures row " + in.row() + ", ";
            Weakness w = blank(in.criterion()) ? null : criteria.get(in.criterion().strip());
            if (!blank(in.criterion()) && w == null) {
                errors.add(where + "criterion: \"" + in.criterion() + "\" is no criterion of the unit's published results");
            }
            if (w == null && blank(in.weakness())) {
                errors.add(where + "weakness: name a criterion or write the weakness");
            }
            if (blank(in.measure())) {
                errors.add(where + "measure: the measure is missing");
            }
            if (blank(in.owner())) {
                errors.add(where + "owner: who carries the measure out is missing");
            }
            LocalDate due = null;
            if (blank(in.due())) {
                errors.add(where + "due: the deadline is missing");
            } else {
                try {
                    due = PlanPages.date(in.due(), "due");
                    if (due.isBefore(today)) {
                        errors.add(where + "due: " + Formats.DATE.format(due) + " has passed");
                    }
                } catch (ResponseStatusException e) {
                    errors.add(where + e.getReason());
                }
            }
            String weakness = !blank(in.weakness()) ? in.weakness().strip() : w == null ? null : w.label();
            measures.add(new Measure(null, measures.size() + 1, w == null ? null : w.criterion(), weakness,
                    w == null ? null : w.estimatePct(), w == null ? null : w.ci95Low(), w == null ? null : w.ci95High(),
                    strip(in.measure()), strip(in.owner()), due, null, null));
        }
        if (errors.isEmpty() && measures.isEmpty()) {
            errors.add("measures: the plan needs at least one measure");
        }
        if (!errors.isEmpty()) {
            throw Plans.unprocessable(String.join("; ", errors));
        }
        LocalDate last = measures.stream().map(Measure::dueOn).max(Comparator.naturalOrder()).orElseThrow();
        TaskForm report = new TaskForm("Báo cáo kết quả thực hiện phương án cải thiện", improvement.unitId(), null, List.of(), null,
                TaskTime.dates(today, last), "Kết quả thực hiện từng biện pháp (hoàn thành, một phần, chưa thực hiện)", null, null);
        long reportTask = plans.insertTask(improvement.planId(), taskId, plans.nextOrdinal(improvement.planId(), taskId), report);
        repository.insertFiled(taskId, reportTask, users.actorName(), clock.instant(), snapshot.id());
        for (Measure m : measures) {
            repository.insertMeasure(taskId, m.ordinal(), m);
        }
        plans.setTaskStatus(taskId, TaskStatus.DONE, clock.instant());
        audit.record("plan.improvement.filed", "plan_task", String.valueOf(taskId), null, Map.of("measures", measures),
                "plan " + improvement.planId() + ", figures of snapshot " + snapshot.id());
        audit.record("plan.task.status", "plan_task", String.valueOf(taskId), null, Map.of("status", TaskStatus.DONE),
                "improvement plan filed");
    }

    private List<Weakness> weaknessesAll(Snapshot snapshot, String unitCode) {
        return weaknesses(snapshot, unitCode, VI, Integer.MAX_VALUE);
    }

    /** At the period's end: what was done with each measure (every one needs its outcome); the report step is done. */
    @Transactional
    void report(long taskId, List<OutcomeInput> inputs) {
        planService.editableTask(taskId);
        ImprovementRepository.Filed filed = repository.filed(taskId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "task " + taskId + " has no improvement plan filed"));
        if (filed.reportedAt() != null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the outcomes of task " + taskId + " were reported on "
                    + Formats.DATE.format(filed.reportedAt()) + " by " + filed.reportedBy());
        }
        Map<Long, OutcomeInput> byMeasure = new LinkedHashMap<>();
        inputs.forEach(i -> byMeasure.put(i.measureId(), i));
        List<String> errors = new ArrayList<>();
        List<Measure> measures = repository.measures(taskId);
        Map<Long, Measure.Outcome> outcomes = new LinkedHashMap<>();
        for (Measure m : measures) {
            OutcomeInput in = byMeasure.get(m.id());
            if (in == null || blank(in.outcome())) {
                errors.add("measure " + m.ordinal() + ", outcome: say whether it was done, partly done or not done");
                continue;
            }
            try {
                outcomes.put(m.id(), Measure.Outcome.valueOf(in.outcome().strip()));
            } catch (IllegalArgumentException e) {
                errors.add("measure " + m.ordinal() + ", outcome: unknown value \"" + in.outcome() + "\"");
            }
        }
        if (!errors.isEmpty()) {
            throw Plans.unprocessable(String.join("; ", errors));
        }
        for (Measure m : measures) {
            repository.setOutcome(m.id(), outcomes.get(m.id()), strip(byMeasure.get(m.id()).note()));
        }
        repository.reported(taskId, users.actorName(), clock.instant());
        plans.setTaskStatus(filed.reportTaskId(), TaskStatus.DONE, clock.instant());
        audit.record("plan.improvement.reported", "plan_task", String.valueOf(taskId), null, Map.of("outcomes", outcomes),
                "report step " + filed.reportTaskId());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }
}
