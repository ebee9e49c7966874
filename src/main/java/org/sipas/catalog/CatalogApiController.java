package org.sipas.catalog;

import java.io.InputStream;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.sipas.web.ImportResult;
import org.sipas.web.PageOf;
import org.sipas.web.TextEncoding;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The catalog's JSON API: units, procedures and officials within the caller's scope, and the
 * three imports (a CSV or XLSX file as the raw body, or as the multipart field {@code file}).
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize(CallerScope.READERS)
class CatalogApiController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int MAX_PAGE_SIZE = 500;

    private final UnitRepository units;
    private final ProcedureRepository procedures;
    private final OfficialRepository officials;
    private final CallerScope scope;
    private final CatalogImports imports;

    CatalogApiController(UnitRepository units, ProcedureRepository procedures, OfficialRepository officials,
                         CallerScope scope, CatalogImports imports) {
        this.units = units;
        this.procedures = procedures;
        this.officials = officials;
        this.scope = scope;
        this.imports = imports;
    }

    /** A unit with the chain above it (nation first) and the units directly below it. */
    record UnitDetail(UnitView unit, List<UnitView> ancestors, List<UnitView> children) {
    }

    /** A procedure with the units in the caller's scope that provide it. */
    record ProcedureDetail(ProcedureView procedure, List<String> unitCodes) {
    }

    /** Units by code prefix or name (diacritics optional), optionally only the children of {@code parent}. */
    @Operation(summary = "Units in the caller's scope by code prefix or name (with or without diacritics), optionally the children of one unit")
    @GetMapping("/units")
    PageOf<UnitView> units(@RequestParam(required = false) String q, @RequestParam(required = false) String parent,
                           @RequestParam(required = false) Integer page, @RequestParam(defaultValue = "50") int size) {
        return units.search(scope.path(), q, parent, PageOf.number(page), pageSize(size));
    }

    @Operation(summary = "A unit with the chain above it (nation first) and the units directly below it")
    @GetMapping("/units/{code}")
    UnitDetail unit(@PathVariable String code) {
        UnitView unit = scope.unit(code);
        return new UnitDetail(unit, units.ancestors(unit), units.children(code));
    }

    @Operation(summary = "Administrative procedures (TTHC) provided in the caller's scope, by code or name")
    @GetMapping("/procedures")
    PageOf<ProcedureView> procedures(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                     @RequestParam(defaultValue = "50") int size) {
        return procedures.search(scope.path(), q, PageOf.number(page), pageSize(size));
    }

    @Operation(summary = "A procedure with the units in the caller's scope that provide it")
    @GetMapping("/procedures/{code}")
    ProcedureDetail procedure(@PathVariable String code) {
        return new ProcedureDetail(scope.procedure(code),
                units.providing(code, scope.path()).stream().map(UnitView::code).toList());
    }

    /** Officials in the caller's scope or, with {@code unit}, in that unit and the units below it. */
    @Operation(summary = "Officials in the caller's scope or in one unit and the units below it")
    @GetMapping("/officials")
    PageOf<OfficialView> officials(@RequestParam(required = false) String unit, @RequestParam(required = false) String q,
                                   @RequestParam(required = false) Integer page, @RequestParam(defaultValue = "50") int size) {
        String within = unit == null || unit.isBlank() ? scope.path() : scope.unit(unit.strip()).path();
        return officials.search(within, q, PageOf.number(page), pageSize(size));
    }

    @PostMapping(path = {"/units/import", "/procedures/import", "/officials/import"},
            consumes = {"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @PreAuthorize(CallerScope.IMPORTERS)
    @Operation(summary = "Imports units, procedures or officials from the request body (CSV or XLSX): all or nothing, every error located",
            responses = {@ApiResponse(responseCode = "200", description = "Imported: rows added, changed and unchanged"),
                    @ApiResponse(responseCode = "422", description = "Rejected, nothing written: every error with its line and column"),
                    @ApiResponse(responseCode = "413", description = "The file is larger than the import limit")})
    ImportResult importBody(HttpServletRequest request, @RequestHeader("Content-Type") MediaType type,
                            @Parameter(description = TextEncoding.PARAMETER) @RequestParam(required = false) String encoding,
                            InputStream body) {
        String kind = kindOf(request);
        String file = kind + (type.isCompatibleWith(MediaType.parseMediaType(XLSX)) ? ".xlsx" : ".csv");
        return imports.run(kind, file, body, TextEncoding.named(file, encoding));
    }

    @PostMapping(path = {"/units/import", "/procedures/import", "/officials/import"}, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(CallerScope.IMPORTERS)
    @Operation(summary = "Imports units, procedures or officials from an uploaded file (CSV or XLSX): all or nothing, every error located",
            responses = {@ApiResponse(responseCode = "200", description = "Imported: rows added, changed and unchanged"),
                    @ApiResponse(responseCode = "422", description = "Rejected, nothing written: every error with its line and column"),
                    @ApiResponse(responseCode = "413", description = "The file is larger than the import limit")})
    ImportResult importUpload(HttpServletRequest request, @RequestParam(required = false) MultipartFile file,
                              @Parameter(description = TextEncoding.PARAMETER) @RequestParam(required = false) String encoding) {
        return imports.run(kindOf(request), file, encoding);
    }

    /** {@code units}, {@code procedures} or {@code officials}: the segment before {@code /import}. */
    private static String kindOf(HttpServletRequest request) {
        String[] segments = request.getRequestURI().split("/");
        return segments[segments.length - 2];
    }

    private static int pageSize(int asked) {
        return Math.max(1, Math.min(MAX_PAGE_SIZE, asked));
    }
}
