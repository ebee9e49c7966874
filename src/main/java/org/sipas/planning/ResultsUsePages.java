package org.sipas.planning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.sipas.identity.UnitDirectory;
import org.sipas.index.Percent;
import org.sipas.reporting.DocxFill;
import org.sipas.web.XlsxWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The pages of using the results: a unit's improvement plan (the form with its lowest criteria
 * offered, then the outcome of each measure), a ministry's or province's yearly use report, and
 * the summary of who filed what, with its DOCX and XLSX.
 */
@Controller
class ResultsUsePages {

    private static final String IMPROVEMENT = "planning/improvement";
    private static final String USE_REPORT = "planning/use-report";
    private static final String SUMMARY = "planning/index-use";
    /** Empty rows the form offers beyond the weaknesses (no script adds rows). */
    private static final int SPARE_ROWS = 3;

    private final Improvements improvements;
    private final IndexUseReports reports;
    private final IndexUseExports exports;
    private final Plans plans;
    private final UnitDirectory units;
    private final long maxFileBytes;

    ResultsUsePages(Improvements improvements, IndexUseReports reports, IndexUseExports exports, Plans plans, UnitDirectory units,
                    @Value("${sipas.planning.max-file-bytes:10485760}") long maxFileBytes) {
        this.improvements = improvements;
        this.reports = reports;
        this.exports = exports;
        this.plans = plans;
        this.units = units;
        this.maxFileBytes = maxFileBytes;
    }

    @GetMapping("/plans/{id}/tasks/{taskId}/improvement")
    @PreAuthorize(PlanPages.READERS)
    String improvement(@PathVariable long id, @PathVariable long taskId, Locale locale, Model model) {
        Improvements.View view = improvements.view(taskId, locale);
        inPlan(view.task(), id);
        model.addAttribute("v", view);
        model.addAttribute("pct", new Percent(locale));
        model.addAttribute("rows", view.weaknesses().size() + SPARE_ROWS);
        model.addAttribute("outcomes", Measure.Outcome.values());
        model.addAttribute("planTitle", plans.get(id).plan().title());
        return IMPROVEMENT;
    }

    @PostMapping("/plans/{id}/tasks/{taskId}/improvement")
    @PreAuthorize(PlanPages.EDITORS)
    String fileImprovement(@PathVariable long id, @PathVariable long taskId, @RequestParam MultiValueMap<String, String> form) {
        inPlan(plans.task(taskId), id);
        // the form's rows are its parallel fields; a row a client sent only in part is still a row (and refused whole)
        int rows = 0;
        for (String field : List.of("criterion", "weakness", "measure", "owner", "due")) {
            rows = Math.max(rows, form.getOrDefault(field, List.of()).size());
        }
        List<Improvements.MeasureInput> inputs = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            inputs.add(new Improvements.MeasureInput(i + 1, at(form, "criterion", i), at(form, "weakness", i), at(form, "measure", i),
                    at(form, "owner", i), at(form, "due", i)));
        }
        improvements.file(taskId, inputs);
        return "redirect:/plans/" + id + "/tasks/" + taskId + "/improvement";
    }

    @PostMapping("/plans/{id}/tasks/{taskId}/improvement/outcomes")
    @PreAuthorize(PlanPages.EDITORS)
    String reportOutcomes(@PathVariable long id, @PathVariable long taskId, @RequestParam MultiValueMap<String, String> form) {
        inPlan(plans.task(taskId), id);
        List<Improvements.OutcomeInput> inputs = new ArrayList<>();
        for (String measure : form.getOrDefault("measureId", List.of())) {
            long measureId;
            try {
                measureId = Long.parseLong(measure.strip());
            } catch (NumberFormatException e) {
                throw Plans.unprocessable("measureId: \"" + measure + "\" is no measure");
            }
            inputs.add(new Improvements.OutcomeInput(measureId, form.getFirst("outcome-" + measureId), form.getFirst("note-" + measureId)));
        }
        improvements.report(taskId, inputs);
        return "redirect:/plans/" + id + "/tasks/" + taskId + "/improvement";
    }

    @GetMapping("/plans/{id}/tasks/{taskId}/use-report")
    @PreAuthorize(PlanPages.READERS)
    String useReport(@PathVariable long id, @PathVariable long taskId, Model model) {
        IndexUseReports.View view = reports.view(taskId);
        inPlan(view.task(), id);
        model.addAttribute("v", view);
        model.addAttribute("maxFileMb", maxFileBytes / (1024 * 1024));
        return USE_REPORT;
    }

    @PostMapping("/plans/{id}/tasks/{taskId}/use-report")
    @PreAuthorize(PlanPages.EDITORS)
    String fileUseReport(@PathVariable long id, @PathVariable long taskId, @RequestParam(required = false) String body,
                         @RequestParam(name = "file", required = false) MultipartFile file) {
        inPlan(plans.task(taskId), id);
        AttachedFile attached = null;
        if (file != null && !file.isEmpty()) {
            try {
                attached = AttachedFile.checked(file.getOriginalFilename(), file.getBytes(), maxFileBytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        reports.file(taskId, body, attached);
        return "redirect:/plans/" + id + "/tasks/" + taskId + "/use-report";
    }

    @GetMapping("/plans/index-use")
    @PreAuthorize(PlanPages.READERS)
    String summary(@RequestParam(required = false) Integer year, Model model) {
        int y = year(year);
        model.addAttribute("year", y);
        List<IndexUseReports.Row> rows = reports.summary(y);
        model.addAttribute("rows", rows);
        model.addAttribute("totals", IndexUseExports.totals(rows));
        model.addAttribute("nationwide", reports.scopeUnit().id() == units.root().id());
        model.addAttribute("defaultDue", LocalDate.of(y, 12, 15));
        return SUMMARY;
    }

    @PostMapping("/plans/index-use/open")
    @PreAuthorize("hasRole('ADMIN')")
    String open(@RequestParam int year, @RequestParam(required = false) String due) {
        LocalDate dueOn = due == null || due.isBlank() ? LocalDate.of(year(year), 12, 15) : PlanPages.date(due, "due");
        long planId = reports.open(year, dueOn);
        return "redirect:/plans/" + planId;
    }

    @GetMapping("/plans/index-use.docx")
    @PreAuthorize(PlanPages.READERS)
    ResponseEntity<byte[]> docx(@RequestParam(required = false) Integer year) {
        int y = year(year);
        UnitDirectory.UnitRef issuer = reports.scopeUnit();
        byte[] file = exports.docx(y, issuer, issuer.id() == units.root().id(), reports.summary(y), plans.today());
        return download(file, DocxFill.CONTENT_TYPE, "su-dung-chi-so-" + y + ".docx");
    }

    @GetMapping("/plans/index-use.xlsx")
    @PreAuthorize(PlanPages.READERS)
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Integer year) {
        int y = year(year);
        return download(exports.xlsx(y, reports.summary(y)), XlsxWriter.CONTENT_TYPE, "su-dung-chi-so-" + y + ".xlsx");
    }

    private int year(Integer year) {
        int y = year == null ? plans.today().getYear() : year;
        if (y < 2000 || y > 2100) {
            throw Plans.unprocessable("year: " + y + " is no year between 2000 and 2100");
        }
        return y;
    }

    private static ResponseEntity<byte[]> download(byte[] file, String contentType, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(file);
    }

    private static void inPlan(PlanTask task, long planId) {
        if (task.planId() != planId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "task " + task.id() + " is not in plan " + planId);
        }
    }

    private static String at(MultiValueMap<String, String> form, String name, int i) {
        List<String> values = form.get(name);
        return values == null || i >= values.size() ? null : values.get(i);
    }
}
