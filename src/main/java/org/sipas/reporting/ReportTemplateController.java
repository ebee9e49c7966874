package org.sipas.reporting;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

import org.sipas.web.ImportErrors;
import org.sipas.web.ImportRejectedException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's page of report templates: for each report kind, the template in force (shipped
 * or uploaded, with its digest), a download to edit in Word or LibreOffice, an upload checked whole
 * (every wrong placeholder named with its paragraph, table, row and cell), and a reset to the
 * shipped one. The templates are national, so only ADMIN changes them.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ReportTemplateController {

    private static final String VIEW = "reporting/templates";

    private final ReportTemplates templates;
    private final ImportErrors importErrors;

    ReportTemplateController(ReportTemplates templates, ImportErrors importErrors) {
        this.templates = templates;
        this.importErrors = importErrors;
    }

    @GetMapping("/admin/report-templates")
    String list(Model model) {
        model.addAttribute("templates", Arrays.stream(ReportKind.values()).map(templates::info).toList());
        model.addAttribute("placeholders", placeholders(ReportKind.CAMPAIGN.vocabulary()));
        return VIEW;
    }

    /** Every placeholder a template of the kind may use, as typed in it: values, then each list's marker and fields, then charts. */
    static java.util.List<String> placeholders(ReportVocabulary vocabulary) {
        java.util.List<String> out = new java.util.ArrayList<>();
        new java.util.TreeSet<>(vocabulary.values()).forEach(v -> out.add("${" + v + "}"));
        new java.util.TreeMap<>(vocabulary.lists()).forEach((list, fields) -> {
            out.add("${each:" + list + "}");
            new java.util.TreeSet<>(fields).forEach(f -> out.add("${" + list + "." + f + "}"));
        });
        new java.util.TreeSet<>(vocabulary.images()).forEach(i -> out.add("${chart:" + i + "}"));
        return out;
    }

    @PostMapping("/admin/report-templates/{kind}")
    String upload(@PathVariable String kind, @RequestParam(required = false) MultipartFile file, Locale locale,
                  RedirectAttributes redirect) throws IOException {
        ReportKind reportKind = ReportKind.ofCode(kind);
        try {
            templates.upload(reportKind, file == null ? null : file.getOriginalFilename(), file == null ? new byte[0] : file.getBytes());
            redirect.addFlashAttribute("done", "reports.templates.uploaded");
        } catch (ImportRejectedException rejected) {
            redirect.addFlashAttribute("errors", importErrors.show(rejected, locale));
        }
        return "redirect:/admin/report-templates";
    }

    @PostMapping("/admin/report-templates/{kind}/reset")
    String reset(@PathVariable String kind, RedirectAttributes redirect) {
        templates.reset(ReportKind.ofCode(kind));
        redirect.addFlashAttribute("done", "reports.templates.reset");
        return "redirect:/admin/report-templates";
    }

    @GetMapping("/admin/report-templates/{kind}/template.docx")
    ResponseEntity<byte[]> download(@PathVariable String kind) {
        ReportTemplate template = templates.current(ReportKind.ofCode(kind));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ReportTemplate.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(template.fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(template.bytes());
    }
}
