package org.sipas.catalog;

import java.util.Locale;

import org.sipas.web.ImportErrors;
import org.sipas.web.ImportRejectedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The upload forms of the unit, procedure and official pages. After an import the browser goes
 * back to the list (post/redirect/get, so a reload does not import again) with the counts, or
 * with every error of a rejected file.
 */
@Controller
@PreAuthorize(CallerScope.IMPORTERS)
class ImportPageController {

    private final CatalogImports imports;
    private final ImportErrors importErrors;

    ImportPageController(CatalogImports imports, ImportErrors importErrors) {
        this.imports = imports;
        this.importErrors = importErrors;
    }

    @PostMapping("/{kind:units|procedures|officials}/import")
    String importFile(@PathVariable String kind, @RequestParam(required = false) MultipartFile file,
                      @RequestParam(required = false) String encoding, Locale locale, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("result", imports.run(kind, file, encoding));
        } catch (ImportRejectedException rejected) {
            redirect.addFlashAttribute("errors", importErrors.show(rejected, locale));
        }
        return "redirect:/" + kind;
    }
}
