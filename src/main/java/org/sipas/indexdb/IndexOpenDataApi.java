package org.sipas.indexdb;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sipas.identity.UnitDirectory;
import org.sipas.web.CsvWriter;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The index database as open data, under the portal's public path and so under its conventions
 * there (the security chain's CORS for reads, the one rate limiter's filter on
 * {@code /api/v1/public/*}, the shared CSV writer): the definitions, and the public figures
 * (published, surveyed, appraised and approved; never a self-assessment) per unit and year with
 * every parent computed. An answer's ETag is the index's stamp (its versions, its values, its
 * approvals), so a reader asks again for nothing while nothing changed.
 */
@RestController
@RequestMapping("/api/v1/public/indices")
@SecurityRequirements
@Tag(name = "Open data: index database", description = "Dữ liệu mở: cơ sở dữ liệu chỉ số (PAR INDEX, SIPAS…) theo đơn vị và năm")
class IndexOpenDataApi {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final IndexDefinitions definitions;
    private final IndexValues values;
    private final UnitDirectory units;

    IndexOpenDataApi(IndexDefinitions definitions, IndexValues values, UnitDirectory units) {
        this.definitions = definitions;
        this.values = values;
        this.units = units;
    }

    /** An index as listed. */
    record IndexSummary(String code, int version, String nameVi, String nameEn, String aggregation, int nodes, List<Integer> years) {
    }

    /** An index's tree. */
    record Definition(String code, int version, String nameVi, String nameEn, String aggregation, String sourceNote, List<Node> nodes) {
    }

    record Node(String code, String parent, int ordinal, int depth, String nameVi, String nameEn, BigDecimal maxPoints) {
    }

    /**
     * One unit's figures of one year from one source, every node's value (parents computed); a survey
     * figure names the period it was measured over (a quarter's stands for its year until a later one).
     */
    record Figures(String unitCode, String unitName, int year, String source, int version, BigDecimal total, Map<String, BigDecimal> values,
                   java.time.LocalDate periodFrom, java.time.LocalDate periodTo) {
    }

    record Ranked(int rank, String unitCode, String unitName, String source, BigDecimal total) {
    }

    @Operation(summary = "The indices of the database, latest version of each, with the years that hold public figures")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<IndexSummary>> list() {
        List<IndexSummary> out = definitions.all().stream().map(d -> new IndexSummary(d.code(), d.version(), d.nameVi(), d.nameEn(),
                d.aggregation().name().toLowerCase(java.util.Locale.ROOT), d.nodes().size(), values.years(d.code()))).toList();
        return ResponseEntity.ok().cacheControl(CACHE).body(out);
    }

    @Operation(summary = "One index's tree (latest version unless one is asked): nodes with parent, ordinal and maximum points")
    @GetMapping(path = "/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Definition> definition(@PathVariable String code, @RequestParam(required = false) Integer version) {
        IndexDefinition d = (version == null ? definitions.latest(code) : definitions.version(code, version))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "index " + code + (version == null ? "" : " v" + version)));
        return ResponseEntity.ok().cacheControl(CACHE).body(new Definition(d.code(), d.version(), d.nameVi(), d.nameEn(),
                d.aggregation().name().toLowerCase(java.util.Locale.ROOT), d.sourceNote(), d.nodes().stream()
                .map(n -> new Node(n.code(), n.parentCode(), n.ordinal(), n.depth(), n.nameVi(), n.nameEn(), n.maxPoints())).toList()));
    }

    @Operation(summary = "The public figures of an index, of one unit and/or one year when asked: one per unit, year and source",
            description = "Parents are computed from the tree (the sum of points, or the mean of percents where no survey or "
                    + "publication gave a parent's own figure). Sources: PUBLISHED, SURVEY (sipas's published snapshots), APPRAISAL "
                    + "(approved appraisals only).")
    @GetMapping(path = "/{code}/values", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<Figures>> figures(@PathVariable String code,
                                          @RequestParam(required = false) @Parameter(description = "a unit's code") String unit,
                                          @RequestParam(required = false) Integer year, WebRequest request) {
        IndexDefinition d = definition(code);
        String tag = etag(code, "values-" + unit + "-" + year);
        if (request.checkNotModified(tag)) {
            return null;
        }
        List<Figures> out = values.figures(code, unitId(unit), year).stream().map(f -> figures(d, f)).toList();
        return ResponseEntity.ok().cacheControl(CACHE).eTag(tag).body(out);
    }

    @Operation(summary = "The same figures as CSV (UTF-8 with BOM), one row per unit, year, source and node")
    @GetMapping(path = "/{code}/values.csv")
    ResponseEntity<byte[]> figuresCsv(@PathVariable String code, @RequestParam(required = false) String unit,
                                      @RequestParam(required = false) Integer year, WebRequest request) {
        IndexDefinition d = definition(code);
        String tag = etag(code, "csv-" + unit + "-" + year);
        if (request.checkNotModified(tag)) {
            return null;
        }
        List<List<?>> rows = new ArrayList<>();
        for (UnitFigures f : values.figures(code, unitId(unit), year)) {
            for (IndexDefinition.Node n : d.nodes()) {
                BigDecimal v = f.values().get(n.code());
                if (v != null) {
                    rows.add(Arrays.asList(f.unitCode(), f.unitName(), f.year(), f.source().name(), f.version(), n.code(), n.nameVi(),
                            d.isLeaf(n) ? "leaf" : "computed", v.toPlainString(), n.maxPoints() == null ? null : n.maxPoints().toPlainString(),
                            f.periodFrom(), f.periodTo()));
                }
            }
        }
        return ResponseEntity.ok().contentType(CSV).cacheControl(CACHE).eTag(tag)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sipas-index-" + code + ".csv\"")
                .body(CsvWriter.table(List.of("unit_code", "unit_name", "year", "source", "version", "node_code", "node_name", "kind",
                        "value", "max_points", "period_from", "period_to"), rows, true));
    }

    @Operation(summary = "The ranking of a year by the index's total, highest first (ties share a rank); the source shown "
            + "first for each unit is the published one, then the approved appraisal, then the survey")
    @GetMapping(path = "/{code}/ranking", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<Ranked>> ranking(@PathVariable String code, @RequestParam int year, WebRequest request) {
        IndexDefinition d = definition(code);
        String tag = etag(code, "ranking-" + year);
        if (request.checkNotModified(tag)) {
            return null;
        }
        List<Ranked> out = values.ranking(d, year).stream()
                .map(r -> new Ranked(r.rank(), r.unitCode(), r.unitName(), r.source().name(), r.total())).toList();
        return ResponseEntity.ok().cacheControl(CACHE).eTag(tag).body(out);
    }

    private static Figures figures(IndexDefinition d, UnitFigures f) {
        return new Figures(f.unitCode(), f.unitName(), f.year(), f.source().name(), f.version(), f.total(d), f.values(),
                f.periodFrom(), f.periodTo());
    }

    private IndexDefinition definition(String code) {
        return definitions.latest(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "index " + code));
    }

    private Long unitId(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return units.findByCode(code.strip()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "unit " + code)).id();
    }

    private String etag(String code, String what) {
        return "\"" + code + "." + values.stamp(code) + "-" + what + "\"";
    }
}
