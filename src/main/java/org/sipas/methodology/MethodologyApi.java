package org.sipas.methodology;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.sipas.methodology.MethodologyRepository.StoredVersion;
import org.sipas.web.ImportErrors;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Methodologies by API: every version as JSON, YAML or XLSForm, its codebook as JSON or CSV, and
 * the upload of a new version by an administrator (YAML or XLSForm, told by content). A rejected
 * file answers 422 with every problem (see ApiProblems).
 */
@RestController
@RequestMapping("/api/v1/methodologies")
class MethodologyApi {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType YAML = new MediaType("application", "yaml", StandardCharsets.UTF_8);

    /** A stored version as the API lists it. */
    record VersionView(String code, int version, String title, String origin, String uploadedBy, Instant uploadedAt,
                       Instant frozenAt) {
        static VersionView of(StoredVersion v) {
            return new VersionView(v.code(), v.version(), v.title(), v.origin().name(), v.uploadedBy(), v.uploadedAt(),
                    v.frozenAt());
        }
    }

    /**
     * What an upload became, and what of the file sipas keeps without acting on it or left out
     * (an unknown column, a metadata row): each warning at its sheet, row and column.
     */
    record UploadView(String code, int version, boolean replacedDraft, List<ImportErrors.Shown> warnings) {
    }

    private final Methodologies methodologies;
    private final ImportErrors importErrors;

    MethodologyApi(Methodologies methodologies, ImportErrors importErrors) {
        this.methodologies = methodologies;
        this.importErrors = importErrors;
    }

    @Operation(summary = "Every methodology version (questionnaire and index model) with its state")
    @GetMapping
    @PreAuthorize(MethodologyPages.READERS)
    List<VersionView> versions() {
        return methodologies.versions().stream().map(VersionView::of).toList();
    }

    @Operation(summary = "Uploads a methodology version as a YAML file or an XLSForm: checked whole, every problem located")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<UploadView> uploadFile(@RequestParam(required = false) MultipartFile file, Locale locale)
            throws IOException {
        // no file is an empty one: a 422 saying so, like every other file that cannot be read
        return created(methodologies.upload(file == null ? "methodology" : MethodologyPages.fileName(file),
                file == null ? new byte[0] : file.getBytes()), locale);
    }

    /** The file as the request body (YAML or XLSX), named by {@code ?name=} in problems. */
    @Operation(summary = "Uploads a methodology version as the request body (YAML or XLSForm), named by ?name= in problems")
    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain", XLSX,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<UploadView> uploadBody(@RequestParam(defaultValue = "methodology.yaml") String name,
                                          @RequestBody(required = false) byte[] body, Locale locale) {
        return created(methodologies.upload(name, body == null ? new byte[0] : body), locale);
    }

    private ResponseEntity<UploadView> created(Methodologies.Uploaded uploaded, Locale locale) {
        Methodology m = uploaded.methodology();
        return ResponseEntity.status(uploaded.replacedDraft() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/methodologies/" + m.code() + "/" + m.version()))
                .body(new UploadView(m.code(), m.version(), uploaded.replacedDraft(),
                        importErrors.show(uploaded.warnings(), locale)));
    }

    @Operation(summary = "A methodology version: scales, sections and questions, the index tree")
    @GetMapping("/{code}/{version:\\d+}")
    @PreAuthorize(MethodologyPages.READERS)
    Methodology methodology(@PathVariable String code, @PathVariable int version) {
        return find(code, version);
    }

    @Operation(summary = "A methodology version as an XLSForm (survey, choices, settings, index and alerts sheets)")
    @GetMapping("/{code}/{version:\\d+}.xlsx")
    @PreAuthorize(MethodologyPages.READERS)
    ResponseEntity<byte[]> xlsForm(@PathVariable String code, @PathVariable int version) {
        return download(XlsFormWriter.write(methodologies.withRulesInForce(find(code, version))), MediaType.parseMediaType(XLSX),
                code + "-v" + version + ".xlsx");
    }

    @Operation(summary = "A methodology version as its YAML file, carrying the alert rules in force")
    @GetMapping("/{code}/{version:\\d+}.yaml")
    @PreAuthorize(MethodologyPages.READERS)
    ResponseEntity<byte[]> yaml(@PathVariable String code, @PathVariable int version) {
        StoredVersion stored = methodologies.stored(code, version).orElseThrow(() -> notFound(code, version));
        Methodology model = find(code, version);
        Methodology inForce = methodologies.withRulesInForce(model);
        // the file as uploaded, comments and all, while its alert rules are the ones in force; else written anew with them
        String source = inForce.equals(model) ? stored.source() : YamlMethodologyWriter.write(inForce);
        return download(source.getBytes(StandardCharsets.UTF_8), YAML, code + "-v" + version + ".yaml");
    }

    @Operation(summary = "A methodology version's codebook: variables, labels, answer codes and missing-value codes")
    @GetMapping("/{code}/{version:\\d+}/codebook")
    @PreAuthorize(MethodologyPages.READERS)
    Codebook codebook(@PathVariable String code, @PathVariable int version) {
        return Codebook.of(find(code, version));
    }

    @Operation(summary = "The codebook as CSV")
    @GetMapping("/{code}/{version:\\d+}/codebook.csv")
    @PreAuthorize(MethodologyPages.READERS)
    ResponseEntity<byte[]> codebookCsv(@PathVariable String code, @PathVariable int version) {
        return download(Codebook.of(find(code, version)).csv(), CSV,
                code + "-v" + version + "-codebook.csv");
    }

    private Methodology find(String code, int version) {
        return methodologies.find(code, version).orElseThrow(() -> notFound(code, version));
    }

    private static ResponseStatusException notFound(String code, int version) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No methodology " + code + " version " + version);
    }

    private static ResponseEntity<byte[]> download(byte[] content, MediaType type, String fileName) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(content);
    }
}
