package org.sipas.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.sipas.web.ImportErrors;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page of the portal map: the boundaries in use, drawn, and the upload of a new GeoJSON file. */
@Controller
@RequestMapping("/admin/map")
@PreAuthorize("hasRole('ADMIN')")
class BoundaryUploadController {

    private static final String VIEW = "portal/boundaries";

    private final ProvinceBoundaries boundaries;
    private final ImportErrors importErrors;

    BoundaryUploadController(ProvinceBoundaries boundaries, ImportErrors importErrors) {
        this.boundaries = boundaries;
        this.importErrors = importErrors;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("history", boundaries.history());
        model.addAttribute("outline", boundaries.outline().orElse(null));
        return VIEW;
    }

    @PostMapping
    String upload(@RequestParam(required = false) MultipartFile file, Locale locale, RedirectAttributes redirect) {
        String name = file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "boundaries.geojson" : file.getOriginalFilename();
        try {
            if (file == null || file.isEmpty()) {
                throw new ImportRejectedException(name, List.of(RowError.of(name, 0, null, "portal.geojson.noFile")));
            }
            redirect.addFlashAttribute("uploaded", boundaries.upload(name, file.getBytes()).features());
        } catch (ImportRejectedException rejected) {
            redirect.addFlashAttribute("errors", importErrors.show(rejected, locale));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/admin/map";
    }
}
