package org.sipas.methodology;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sipas.methodology.MethodologyRepository.StoredVersion;
import org.sipas.web.ImportErrors;
import org.sipas.web.ImportRejectedException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The methodology pages: every version with its history and the upload form
 * ({@code /methodologies}), and the codebook of one version ({@code /methodologies/{code}/{version}}).
 */
@Controller
class MethodologyPages {

    static final String READERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','ANALYST')";

    private static final String LIST = "methodology/methodologies";
    private static final String VERSION = "methodology/methodology";

    private final Methodologies methodologies;
    private final ImportErrors importErrors;

    MethodologyPages(Methodologies methodologies, ImportErrors importErrors) {
        this.methodologies = methodologies;
        this.importErrors = importErrors;
    }

    @GetMapping("/methodologies")
    @PreAuthorize(READERS)
    String list(Model model) {
        Map<String, List<StoredVersion>> byCode = new LinkedHashMap<>();
        methodologies.versions().forEach(v -> byCode.computeIfAbsent(v.code(), k -> new ArrayList<>()).add(v));
        model.addAttribute("methodologies", byCode);
        return LIST;
    }

    /** Post/redirect/get: a reload does not upload again; the list shows what the upload became or every problem. */
    @PostMapping("/methodologies")
    @PreAuthorize("hasRole('ADMIN')")
    String upload(@RequestParam(required = false) MultipartFile file, Locale locale, RedirectAttributes redirect)
            throws IOException {
        try {
            // an empty form is rejected by the same check as an empty file
            Methodologies.Uploaded uploaded = methodologies.upload(file == null ? "methodology" : fileName(file),
                    file == null ? new byte[0] : file.getBytes());
            redirect.addFlashAttribute("uploaded", new UploadNotice(uploaded.methodology().code(),
                    uploaded.methodology().version(), uploaded.replacedDraft()));
            redirect.addFlashAttribute("warnings", new ArrayList<>(importErrors.show(uploaded.warnings(), locale)));
        } catch (ImportRejectedException rejected) {
            redirect.addFlashAttribute("errors", importErrors.show(rejected, locale));
        }
        return "redirect:/methodologies";
    }

    @GetMapping("/methodologies/{code}/{version:\\d+}")
    @PreAuthorize(READERS)
    String version(@PathVariable String code, @PathVariable int version, Model model) {
        Methodology methodology = methodologies.find(code, version)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("methodology", methodology);
        model.addAttribute("stored", methodologies.stored(code, version).orElseThrow());
        model.addAttribute("codebook", Codebook.of(methodology));
        return VERSION;
    }

    /** The example XLSForm the page and the README describe: a plain ODK form whose index sheet makes its list a scale. */
    @GetMapping("/methodologies/example.xlsx")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> example() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(MethodologyApi.XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                        .attachment().filename(XlsFormExample.FILE).build().toString())
                .body(XlsFormExample.workbook());
    }

    static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? "methodology" : name;
    }

    /** What the list says of an upload after the redirect: kept in the session, which lives in PostgreSQL. */
    record UploadNotice(String code, int version, boolean replacedDraft) implements java.io.Serializable {
    }
}
