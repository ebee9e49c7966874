package org.sipas.catalog;

import java.util.Locale;

import org.sipas.web.ImportErrors;
import org.sipas.web.ImportRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
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
    private final MessageSource messages;

    ImportPageController(CatalogImports imports, ImportErrors importErrors, MessageSource messages) {
        this.imports = imports;
        this.importErrors = importErrors;
        this.messages = messages;
    }

    /** The list to fill in, as CSV or XLSX: its columns explained, allowed values, an example row. */
    // each list its own literal path: /units/{code} would otherwise take /units/template.csv for a unit's code
    @GetMapping({"/units/template.{format:csv|xlsx}", "/procedures/template.{format:csv|xlsx}", "/officials/template.{format:csv|xlsx}"})
    ResponseEntity<byte[]> template(HttpServletRequest request, @PathVariable String format, Locale locale) {
        String kind = request.getRequestURI().substring(request.getContextPath().length()).split("/")[1];
        return imports.template(kind).download(format, messages, locale);
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
