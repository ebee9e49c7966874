package org.sipas.planning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.sipas.identity.UnitDirectory;
import org.sipas.identity.UnitScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The plans' pages: the list, a plan with its table and timeline, a task with its notes and files, the due list. */
@Controller
class PlanPages {

    private static final String LIST = "planning/plans";
    private static final String PLAN = "planning/plan";
    private static final String TASK = "planning/task";
    private static final String DUE = "planning/due";
    static final String READERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','ANALYST')";
    static final String EDITORS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER')";

    private final Plans plans;
    private final PlanTemplates templates;
    private final UnitDirectory units;
    private final UnitScope scope;
    private final ImprovementRepository resultsUse;
    private final long maxFileBytes;

    PlanPages(Plans plans, PlanTemplates templates, UnitDirectory units, UnitScope scope, ImprovementRepository resultsUse,
              @Value("${sipas.planning.max-file-bytes:10485760}") long maxFileBytes) {
        this.plans = plans;
        this.resultsUse = resultsUse;
        this.templates = templates;
        this.units = units;
        this.scope = scope;
        this.maxFileBytes = maxFileBytes;
    }

    @GetMapping("/plans")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("plans", plans.list(year));
        model.addAttribute("year", year);
        model.addAttribute("templates", templates.all());
        model.addAttribute("nextYear", plans.today().getYear() + 1);
        model.addAttribute("scopeUnit", units.findById(scope.unitId()).map(UnitDirectory.UnitRef::code).orElse(""));
        return LIST;
    }

    @PostMapping("/plans/from-template")
    @PreAuthorize(EDITORS)
    String fromTemplate(@RequestParam String template, @RequestParam int year, @RequestParam String unit) {
        long id = plans.createFromTemplate(template, year, unit(unit, "unit"));
        return "redirect:/plans/" + id;
    }

    @PostMapping("/plans")
    @PreAuthorize(EDITORS)
    String create(@RequestParam String title, @RequestParam String unit, @RequestParam int year,
                  @RequestParam(required = false) String number, @RequestParam(required = false) String issuedOn,
                  @RequestParam(required = false) String period, @RequestParam(required = false) String purpose,
                  @RequestParam(required = false) String requirements) {
        long id = plans.create(new PlanForm(title, unit(unit, "unit"), blank(number), date(issuedOn, "issuedOn"), year, blank(period),
                blank(purpose), blank(requirements)));
        return "redirect:/plans/" + id;
    }

    @GetMapping("/plans/{id}")
    @PreAuthorize(READERS)
    String show(@PathVariable long id, Model model) {
        Plans.Full full = plans.get(id);
        model.addAttribute("p", full.plan());
        model.addAttribute("rows", full.rows());
        model.addAttribute("editable", full.editable());
        model.addAttribute("timeline", Timeline.of(full.plan().year(), full.rows()));
        model.addAttribute("statuses", PlanStatus.values());
        model.addAttribute("tops", full.tasks());
        return PLAN;
    }

    @PostMapping("/plans/{id}")
    @PreAuthorize(EDITORS)
    String update(@PathVariable long id, @RequestParam String title, @RequestParam String unit, @RequestParam int year,
                  @RequestParam(required = false) String number, @RequestParam(required = false) String issuedOn,
                  @RequestParam(required = false) String period, @RequestParam(required = false) String purpose,
                  @RequestParam(required = false) String requirements) {
        plans.editablePlan(id);
        plans.update(id, new PlanForm(title, unit(unit, "unit"), blank(number), date(issuedOn, "issuedOn"), year, blank(period),
                blank(purpose), blank(requirements)));
        return "redirect:/plans/" + id;
    }

    @PostMapping("/plans/{id}/status")
    @PreAuthorize(EDITORS)
    String planStatus(@PathVariable long id, @RequestParam String status) {
        plans.setStatus(id, status);
        return "redirect:/plans/" + id;
    }

    @PostMapping("/plans/{id}/tasks")
    @PreAuthorize(EDITORS)
    String addTask(@PathVariable long id, @RequestParam(required = false) Long parent, @RequestParam String content,
                   @RequestParam String lead, @RequestParam(required = false) String leadNote,
                   @RequestParam(required = false) String partners, @RequestParam(required = false) String partnersNote,
                   @RequestParam String granularity, @RequestParam String start, @RequestParam String end,
                   @RequestParam(required = false) String deliverable, @RequestParam(required = false) String linkKind,
                   @RequestParam(required = false) Long linkId) {
        plans.editablePlan(id);
        long taskId = plans.addTask(id, parent, taskForm(content, lead, leadNote, partners, partnersNote, granularity, start, end,
                deliverable, linkKind, linkId));
        return "redirect:/plans/" + id + "#task-" + taskId;
    }

    @GetMapping("/plans/{id}/tasks/{taskId}")
    @PreAuthorize(READERS)
    String task(@PathVariable long id, @PathVariable long taskId, Model model) {
        PlanTask task = plans.task(taskId);
        if (task.planId() != id) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        Plans.Full full = plans.get(id);
        model.addAttribute("p", full.plan());
        model.addAttribute("t", task);
        model.addAttribute("notes", plans.notes(taskId));
        model.addAttribute("files", plans.files(taskId));
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("granularities", TaskTime.Granularity.values());
        model.addAttribute("linkKinds", TaskLink.Kind.values());
        model.addAttribute("leadCode", units.findById(task.leadUnitId()).map(UnitDirectory.UnitRef::code).orElse(""));
        model.addAttribute("partnerCodes", String.join(", ", task.partners().stream().map(PlanTask.Unit::code).toList()));
        model.addAttribute("maxFileMb", maxFileBytes / (1024 * 1024));
        // a task of using the results has its own form beside the plan's
        model.addAttribute("resultsUse", resultsUse.improvementTask(taskId).map(i -> "improvement")
                .or(() -> resultsUse.useTask(taskId).map(u -> "use-report")).orElse(null));
        model.addAttribute("resultsUseTask", resultsUse.improvementTask(taskId).map(ImprovementRepository.ImprovementTask::taskId)
                .orElse(taskId));
        return TASK;
    }

    @PostMapping("/plans/{id}/tasks/{taskId}")
    @PreAuthorize(EDITORS)
    String updateTask(@PathVariable long id, @PathVariable long taskId, @RequestParam String content, @RequestParam String lead,
                      @RequestParam(required = false) String leadNote, @RequestParam(required = false) String partners,
                      @RequestParam(required = false) String partnersNote, @RequestParam String granularity,
                      @RequestParam String start, @RequestParam String end, @RequestParam(required = false) String deliverable,
                      @RequestParam(required = false) String linkKind, @RequestParam(required = false) Long linkId) {
        plans.editableTask(taskId);
        plans.updateTask(taskId, taskForm(content, lead, leadNote, partners, partnersNote, granularity, start, end, deliverable,
                linkKind, linkId));
        return "redirect:/plans/" + id + "/tasks/" + taskId;
    }

    @PostMapping("/plans/{id}/tasks/{taskId}/status")
    @PreAuthorize(EDITORS)
    String taskStatus(@PathVariable long id, @PathVariable long taskId, @RequestParam String status) {
        plans.setTaskStatus(taskId, status);
        return "redirect:/plans/" + id + "/tasks/" + taskId;
    }

    @PostMapping("/plans/{id}/tasks/{taskId}/notes")
    @PreAuthorize(EDITORS)
    String note(@PathVariable long id, @PathVariable long taskId, @RequestParam String body) {
        plans.addNote(taskId, body);
        return "redirect:/plans/" + id + "/tasks/" + taskId + "#notes";
    }

    @PostMapping("/plans/{id}/tasks/{taskId}/files")
    @PreAuthorize(EDITORS)
    String attach(@PathVariable long id, @PathVariable long taskId, @RequestParam("file") MultipartFile file) {
        try {
            plans.attach(taskId, file.getOriginalFilename(), file.getBytes(), maxFileBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/plans/" + id + "/tasks/" + taskId + "#files";
    }

    @GetMapping("/plans/{id}/tasks/{taskId}/files/{fileId}")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long taskId, @PathVariable long fileId) {
        PlanRepository.StoredFile file = plans.file(taskId, fileId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.info().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.info().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    @GetMapping("/plans/due")
    @PreAuthorize(READERS)
    String due(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer days, Model model) {
        int within = days == null ? 14 : Math.max(0, Math.min(days, 366));
        Long unitId = unit == null || unit.isBlank() ? null : unit(unit, "unit");
        model.addAttribute("due", plans.due(unitId, within));
        model.addAttribute("unit", unit);
        model.addAttribute("days", within);
        return DUE;
    }

    private TaskForm taskForm(String content, String lead, String leadNote, String partners, String partnersNote, String granularity,
                              String start, String end, String deliverable, String linkKind, Long linkId) {
        TaskTime.Granularity g = parse(TaskTime.Granularity.class, granularity, "granularity");
        TaskTime time = time(g, start, end);
        List<Long> partnerIds = new ArrayList<>();
        if (partners != null) {
            for (String code : partners.split("[,;\\s]+")) {
                if (!code.isBlank()) {
                    partnerIds.add(unit(code, "partners"));
                }
            }
        }
        TaskLink.Kind kind = linkKind == null || linkKind.isBlank() ? null : parse(TaskLink.Kind.class, linkKind, "linkKind");
        return new TaskForm(content, unit(lead, "lead"), blank(leadNote), partnerIds, blank(partnersNote), time, blank(deliverable),
                kind, kind == null ? null : linkId);
    }

    /**
     * The time as the form gives it: a month as yyyy-MM, a quarter as yyyy-Qn, a year as yyyy, dates
     * as yyyy-MM-dd (what the browser's month and date inputs send) or dd/MM/yyyy.
     */
    static TaskTime time(TaskTime.Granularity g, String start, String end) {
        try {
            return switch (g) {
                case MONTH -> {
                    java.time.YearMonth a = java.time.YearMonth.parse(start.strip());
                    java.time.YearMonth b = java.time.YearMonth.parse(end.strip());
                    yield TaskTime.months(a.getYear(), a.getMonthValue(), b.getYear(), b.getMonthValue());
                }
                case QUARTER -> {
                    String[] a = start.strip().toUpperCase().split("-Q");
                    String[] b = end.strip().toUpperCase().split("-Q");
                    if (!a[0].equals(b[0])) {
                        throw Plans.unprocessable("end: the quarters of one task lie in one year");
                    }
                    yield TaskTime.quarters(Integer.parseInt(a[0]), Integer.parseInt(a[1]), Integer.parseInt(b[1]));
                }
                case YEAR -> new TaskTime(TaskTime.year(Integer.parseInt(start.strip())).start(),
                        TaskTime.year(Integer.parseInt(end.strip())).end(), TaskTime.Granularity.YEAR);
                case DATES -> TaskTime.dates(date(start, "start"), date(end, "end"));
            };
        } catch (DateTimeParseException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw Plans.unprocessable("start, end: \"%s\" – \"%s\" is no %s (month yyyy-MM, quarter yyyy-Qn, year yyyy, dates dd/MM/yyyy)"
                    .formatted(start, end, g.name().toLowerCase()));
        } catch (IllegalArgumentException e) {
            throw Plans.unprocessable("end: " + e.getMessage());
        }
    }

    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            // strict: 31/02 is refused, not quietly read as 28/02
            return t.contains("/") ? LocalDate.parse(t, java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu")
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT)) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw Plans.unprocessable(field + ": \"" + t + "\" is no date (dd/MM/yyyy)");
        }
    }

    private long unit(String code, String field) {
        return units.findByCode(code == null ? "" : code.strip()).map(UnitDirectory.UnitRef::id)
                .orElseThrow(() -> Plans.unprocessable(field + ": no unit with code \"" + code + "\""));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw Plans.unprocessable(field + ": unknown value \"" + value + "\"");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
