package org.sipas.indexdb;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sipas.identity.UnitDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The staff JSON API of the index database: definitions uploaded, published tables imported, and
 * the PAR INDEX workflow (open, score, submit, appraise, approve) under the same rules as the pages
 * ({@link IndexDefinitions}, {@link IndexValues}, {@link Assessments}). A rejected file is a problem
 * with every error's line, column and message.
 */
@RestController
@RequestMapping("/api/v1/indices")
@PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_ADMIN', 'UNIT_MANAGER', 'ANALYST')")
@Tag(name = "Index database", description = "Cơ sở dữ liệu chỉ số: định nghĩa, nhập số liệu công bố, tự đánh giá và thẩm định PAR INDEX")
class IndexApi {

    private final IndexDefinitions definitions;
    private final IndexValues values;
    private final Assessments assessments;
    private final UnitDirectory units;

    IndexApi(IndexDefinitions definitions, IndexValues values, Assessments assessments, UnitDirectory units) {
        this.definitions = definitions;
        this.values = values;
        this.assessments = assessments;
        this.units = units;
    }

    record Opened(String index, String unitCode, Integer year) {
    }

    record Score(String node, BigDecimal score) {
    }

    record Appraisal(String node, BigDecimal score, String reason) {
    }

    record Imported(String index, int values) {
    }

    @Operation(summary = "The indices, latest version of each, with their trees")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<IndexDefinition> list() {
        return definitions.all();
    }

    @Operation(summary = "Defines an index from a YAML file (as the shipped ones) or a CSV/XLSX table "
            + "(code, parent, name_vi, name_en, max_points; the index's code, names and aggregation as parameters); all or nothing")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_ADMIN')")
    IndexDefinition upload(@RequestParam MultipartFile file, @RequestParam(required = false) String code,
                           @RequestParam(required = false) String nameVi, @RequestParam(required = false) String nameEn,
                           @RequestParam(required = false) String aggregation, @RequestParam(required = false) String sourceNote)
            throws IOException {
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            return name.toLowerCase(java.util.Locale.ROOT).matches(".*\\.ya?ml") ? definitions.uploadYaml(name, in)
                    : definitions.uploadTable(name, in, code, nameVi, nameEn, aggregation, sourceNote);
        }
    }

    @Operation(summary = "Imports a published table (unit_code, year, node_code, value) as PUBLISHED figures; all or nothing, "
            + "a value above its node's maximum or on a parent of a points-scored index refused")
    @PostMapping(path = "/{code}/values", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_ADMIN')")
    Imported importValues(@PathVariable String code, @RequestParam MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return new Imported(code, values.importPublished(file.getOriginalFilename(), in, code));
        }
    }

    @Operation(summary = "The assessments of the units in the caller's scope, and those waiting for the caller's appraisal")
    @GetMapping(path = "/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_ADMIN', 'UNIT_MANAGER')")
    List<Assessment> assessments() {
        return assessments.list();
    }

    @Operation(summary = "Opens (or returns) a unit's self-assessment of a year")
    @PostMapping(path = "/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_ADMIN', 'UNIT_MANAGER')")
    Assessment open(@RequestBody Opened opened) {
        if (opened.index() == null || opened.unitCode() == null || opened.year() == null) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "index, unitCode and year are required");
        }
        long unitId = units.findByCode(opened.unitCode()).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                "unitCode: " + opened.unitCode() + " not found")).id();
        return assessments.open(opened.index(), unitId, opened.year());
    }

    @Operation(summary = "One assessment: self-assessed and appraised scores, the totals computed, reasons and evidence")
    @GetMapping(path = "/assessments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_ADMIN', 'UNIT_MANAGER')")
    Assessment assessment(@PathVariable long id) {
        return assessments.get(id);
    }

    @Operation(summary = "The unit's own score of a sub-criterion (a draft only; never a parent, never above the maximum)")
    @PostMapping(path = "/assessments/{id}/scores", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_ADMIN', 'UNIT_MANAGER')")
    Assessment score(@PathVariable long id, @RequestBody Score score) {
        return assessments.score(id, score.node(), score.score());
    }

    @Operation(summary = "Submits the draft for appraisal (every sub-criterion scored)")
    @PostMapping(path = "/assessments/{id}/submit", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_ADMIN', 'UNIT_MANAGER')")
    Assessment submit(@PathVariable long id) {
        return assessments.submit(id);
    }

    @Operation(summary = "The council's score of a sub-criterion (the level above; a score other than the unit's needs a reason)")
    @PostMapping(path = "/assessments/{id}/appraisals", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_ADMIN')")
    Assessment appraise(@PathVariable long id, @RequestBody Appraisal appraisal) {
        return assessments.appraise(id, appraisal.node(), appraisal.score(), appraisal.reason());
    }

    @Operation(summary = "Approves the appraisal; its figures become public")
    @PostMapping(path = "/assessments/{id}/approve", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'PROVINCE_ADMIN')")
    Assessment approve(@PathVariable long id) {
        return assessments.approve(id);
    }

}
