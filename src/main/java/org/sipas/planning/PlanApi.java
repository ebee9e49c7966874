package org.sipas.planning;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sipas.identity.UnitDirectory;
import org.sipas.web.XlsxWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Plans as JSON and as files, scoped like the pages. */
@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "Plans", description = "Kế hoạch triển khai và nhiệm vụ: danh sách, chi tiết, lập từ mẫu, tải DOCX/XLSX")
class PlanApi {

    static final String READERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','ANALYST','INTEGRATION')";
    static final String EDITORS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER')";

    /** A task as the API gives it: its time as dates, granularity and the text the plan's table shows. */
    record Task(long id, String number, String content, long leadUnitId, String leadUnitName, String leadNote,
                List<PlanTask.Unit> partners, String partnersNote, LocalDate start, LocalDate end, TaskTime.Granularity granularity,
                String time, String deliverable, TaskStatus status, boolean late, TaskLink link, List<Task> steps) {

        static Task of(PlanTask t) {
            return new Task(t.id(), t.number(), t.content(), t.leadUnitId(), t.leadUnitName(), t.leadNote(), t.partners(),
                    t.partnersNote(), t.time().start(), t.time().end(), t.time().granularity(), t.time().text(), t.deliverable(),
                    t.status(), t.late(), t.link(), t.steps().stream().map(Task::of).toList());
        }
    }

    /** A plan with its tasks. */
    record Detail(Plan plan, List<Task> tasks) {
    }

    /** "New plan from template for year Y": the template's code, the year, the issuing unit's code. */
    record FromTemplate(String template, Integer year, String unit) {
    }

    /** A template offered. */
    record TemplateInfo(String code, String name, String nameEn, int tasks) {
    }

    private final Plans plans;
    private final PlanTemplates templates;
    private final PlanExports exports;
    private final UnitDirectory units;

    PlanApi(Plans plans, PlanTemplates templates, PlanExports exports, UnitDirectory units) {
        this.plans = plans;
        this.templates = templates;
        this.exports = exports;
        this.units = units;
    }

    @Operation(summary = "Plans the caller's scope sees (issued by a unit within it, or with a task one of its units leads)",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401"), @ApiResponse(responseCode = "403")})
    @GetMapping
    @PreAuthorize(READERS)
    List<Plan> list(@RequestParam(required = false) @Parameter(description = "only the plans of this year") Integer year) {
        return plans.list(year);
    }

    @Operation(summary = "The templates a plan can start from",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401")})
    @GetMapping("/templates")
    @PreAuthorize(READERS)
    List<TemplateInfo> templates() {
        return templates.all().stream().map(t -> new TemplateInfo(t.code(), t.name(), t.nameEn(), t.taskCount())).toList();
    }

    @Operation(summary = "One plan with its tasks and sub-steps; late is derived (end passed in Vietnamese time, not done)",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401"),
                    @ApiResponse(responseCode = "403", description = "the plan is outside the caller's scope"), @ApiResponse(responseCode = "404")})
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    Detail get(@PathVariable long id) {
        Plans.Full full = plans.get(id);
        return new Detail(full.plan(), full.tasks().stream().map(Task::of).toList());
    }

    @Operation(summary = "Creates a draft plan from a template for a year, its tasks' dates moved to that year",
            responses = {@ApiResponse(responseCode = "201"), @ApiResponse(responseCode = "401"),
                    @ApiResponse(responseCode = "403", description = "the issuing unit is outside the caller's scope"),
                    @ApiResponse(responseCode = "422", description = "an unknown template or unit, or a year outside 2000-2100")})
    @PostMapping("/from-template")
    @PreAuthorize(EDITORS)
    @ResponseStatus(HttpStatus.CREATED)
    Detail fromTemplate(@RequestBody FromTemplate request) {
        if (request.year() == null) {
            throw Plans.unprocessable("year: the plan's year is missing");
        }
        long unit = units.findByCode(request.unit() == null ? "" : request.unit()).map(UnitDirectory.UnitRef::id)
                .orElseThrow(() -> Plans.unprocessable("unit: no unit with code \"" + request.unit() + "\""));
        return get(plans.createFromTemplate(request.template(), request.year(), unit));
    }

    @Operation(summary = "The plan as DOCX in the administrative layout (Decree 30/2020): TT, content, time, lead unit, partner units",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401"), @ApiResponse(responseCode = "403"),
                    @ApiResponse(responseCode = "404")})
    @GetMapping("/{id}.docx")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        return file(exports.docx(plans.get(id)), "ke-hoach-" + id + ".docx", org.sipas.reporting.DocxFill.CONTENT_TYPE);
    }

    @Operation(summary = "The plan's table as XLSX, with deliverable, dates and status",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401"), @ApiResponse(responseCode = "403"),
                    @ApiResponse(responseCode = "404")})
    @GetMapping("/{id}.xlsx")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        return file(exports.xlsx(plans.get(id)), "ke-hoach-" + id + ".xlsx", XlsxWriter.CONTENT_TYPE);
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, String name, String type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }
}
