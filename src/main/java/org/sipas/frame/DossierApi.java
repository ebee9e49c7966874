package org.sipas.frame;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Parameter;
import org.sipas.catalog.CatalogCodes;
import org.sipas.identity.CurrentUsers;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.ImportResult;
import org.sipas.web.RowError;
import org.sipas.web.TextEncoding;
import org.sipas.identity.UnitScope;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * Dossiers by API: one-stop systems push JSON batches or upload their export file; analysts and
 * integrations read the counts. A rejected import answers 422 with every error (see ApiProblems).
 */
@RestController
@RequestMapping("/api/v1/dossiers")
class DossierApi {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final DossierImport imports;
    private final DossierCounts counts;
    private final CatalogCodes catalog;
    private final CurrentUsers currentUsers;
    private final UnitScope scope;
    private final MessageSource messages;

    DossierApi(DossierImport imports, DossierCounts counts, CatalogCodes catalog, CurrentUsers currentUsers,
               UnitScope scope, MessageSource messages) {
        this.imports = imports;
        this.counts = counts;
        this.catalog = catalog;
        this.currentUsers = currentUsers;
        this.scope = scope;
        this.messages = messages;
    }

    /** The counts asked for, and the number of dossiers they add up to. */
    record Counts(String by, long total, List<DossierCount> counts) {
    }

    @Operation(summary = "Imports dossiers (hồ sơ) from an uploaded CSV or XLSX file: all or nothing, every error located")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(DossierPage.IMPORTERS)
    ImportResult importFile(@RequestParam(required = false) MultipartFile file,
                            @Parameter(description = TextEncoding.PARAMETER) @RequestParam(required = false) String encoding)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new ImportRejectedException("dossiers", List.of(RowError.of("dossiers", 0, null, "import.file.missing")));
        }
        String name = DossierPage.fileName(file);
        TextEncoding declared = TextEncoding.named(name, encoding);
        try (InputStream in = file.getInputStream()) {
            return imports.importFile(name, in, declared);
        }
    }

    /** The file as the request body ({@code text/csv} or XLSX), named by {@code ?name=} in errors. */
    @Operation(summary = "Imports dossiers from the request body (CSV or XLSX), named by ?name= in errors: all or nothing")
    @PostMapping(path = "/import", consumes = {"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @PreAuthorize(DossierPage.IMPORTERS)
    ImportResult importBody(@RequestParam(defaultValue = "dossiers.csv") String name,
                            @Parameter(description = TextEncoding.PARAMETER) @RequestParam(required = false) String encoding,
                            InputStream body) {
        return imports.importFile(name, body, TextEncoding.named(name, encoding));
    }

    /** A JSON array of dossiers, or {@code {"dossiers": [...]}}; errors name the 1-based item and the property. */
    @Operation(summary = "Pushes dossiers as JSON from a one-stop system: all or nothing, errors name the item and the property")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(DossierPage.IMPORTERS)
    ImportResult push(@RequestBody JsonNode body) {
        JsonNode items = body.isObject() ? body.get("dossiers") : body;
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException("Expected a JSON array of dossiers or {\"dossiers\": [...]}");
        }
        List<IncomingDossier> batch = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            batch.add(new PushedDossier(i + 1, items.get(i)));
        }
        return imports.importBatch("api", batch, currentUsers.current());
    }

    @Operation(summary = "Dossier counts of the sampling frame by unit, procedure, month or channel")
    @GetMapping("/counts")
    @PreAuthorize(DossierPage.READERS + " or hasRole('INTEGRATION')")
    Counts counts(@RequestParam(defaultValue = "unit") String by, @RequestParam(required = false) String unit,
                  @RequestParam(required = false) String procedure, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, Locale locale) {
        DossierCounts.By grouping = Arrays.stream(DossierCounts.By.values())
                .filter(b -> b.name().equalsIgnoreCase(by.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(say("frame.filter.byInvalid", locale)));
        DossierFilter filter;
        try {
            filter = DossierFilter.parse(scope.unitId(), unit, procedure, from, to, catalog);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(say(e.getMessage(), locale), e);
        }
        List<DossierCount> rows = counts.count(grouping, filter);
        return new Counts(grouping.name().toLowerCase(Locale.ROOT), rows.stream().mapToLong(DossierCount::dossiers).sum(), rows);
    }

    /** A message code as a sentence in the caller's language: API clients read the problem's detail. */
    private String say(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }

    /** An item of a pushed batch; a number where text is expected is read as its digits. */
    private record PushedDossier(long line, JsonNode item) implements IncomingDossier {
        @Override
        public String get(DossierField field) {
            JsonNode value = item.get(field.property());
            if (value == null || value.isNull()) {
                return null;
            }
            String text = (value.isValueNode() ? value.asString() : value.toString()).strip();
            return text.isEmpty() ? null : text;
        }
    }
}
