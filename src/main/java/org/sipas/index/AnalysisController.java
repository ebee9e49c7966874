package org.sipas.index;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The page of the standalone engine: an analyst uploads the three files and downloads the figures
 * as CSV or XLSX; a file with errors comes back on the page with every error. Nothing is stored.
 */
@Controller
@RequestMapping("/analysis")
class AnalysisController {

    static final String VIEW = "index/analysis";

    private final ImportErrors importErrors;

    AnalysisController(ImportErrors importErrors) {
        this.importErrors = importErrors;
    }

    /** What the form was filled with, to show it again after an error. */
    record Asked(String by, String levels, String satisfied, String excluded, String overall, String format) {
    }

    @GetMapping
    @PreAuthorize(AnalysisApi.ANALYSTS)
    String show(Model model) {
        model.addAttribute("asked", new Asked(null, null, null, null, null, "csv"));
        return VIEW;
    }

    @PostMapping
    @PreAuthorize(AnalysisApi.ANALYSTS)
    Object estimate(@RequestParam(required = false) MultipartFile responses,
                    @RequestParam(name = "frame_sizes", required = false) MultipartFile frameSizes,
                    @RequestParam(name = "index_tree", required = false) MultipartFile indexTree,
                    @RequestParam(required = false) String by, @RequestParam(required = false) String levels,
                    @RequestParam(required = false) String satisfied, @RequestParam(required = false) String excluded,
                    @RequestParam(required = false) String overall, @RequestParam(defaultValue = "csv") String format,
                    Model model, Locale locale, HttpServletResponse response) {
        Asked asked = new Asked(by, levels, satisfied, excluded, overall, format);
        model.addAttribute("asked", asked);
        try {
            AnalysisSample sample = AnalysisUpload.read(responses, frameSizes, indexTree,
                    new AnalysisUpload.Options(by, levels, satisfied, excluded, overall));
            boolean xlsx = "xlsx".equals(format);
            byte[] body = xlsx ? EstimateTable.xlsx(sample.estimate()) : EstimateTable.csv(sample.estimate(), true);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(xlsx ? EstimateTable.XLSX : EstimateTable.CSV))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(xlsx ? "estimates.xlsx" : "estimates.csv").build().toString())
                    .body(body);
        } catch (ImportRejectedException rejected) {
            response.setStatus(422);
            model.addAttribute("rejectedFile", rejected.file());
            model.addAttribute("errors", importErrors.show(rejected, locale));
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            model.addAttribute("optionError", e.getMessage());
        }
        return VIEW;
    }
}
