package org.sipas.frame;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.sipas.catalog.CatalogCodes;
import org.sipas.identity.UnitScope;
import org.sipas.web.ImportErrors;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.PageOf;
import org.sipas.web.RowError;
import org.sipas.web.TextEncoding;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The sampling frame page: counts per unit, procedure and month in the caller's scope, the upload
 * form for a one-stop system's export, and the dossiers themselves with contacts masked.
 */
@Controller
@RequestMapping("/dossiers")
@PreAuthorize(DossierPage.READERS)
class DossierPage {

    static final String READERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','ANALYST')";
    static final String IMPORTERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','INTEGRATION')";

    private static final String VIEW = "frame/dossiers";
    private static final int PAGE_SIZE = 20;

    private final DossierImport imports;
    private final DossierCounts counts;
    private final DossierRegister register;
    private final CatalogCodes catalog;
    private final UnitScope unitScope;
    private final ImportErrors importErrors;
    private final MessageSource messages;

    DossierPage(DossierImport imports, DossierCounts counts, DossierRegister register, CatalogCodes catalog,
                UnitScope unitScope, ImportErrors importErrors, MessageSource messages) {
        this.messages = messages;
        this.imports = imports;
        this.counts = counts;
        this.register = register;
        this.catalog = catalog;
        this.unitScope = unitScope;
        this.importErrors = importErrors;
    }

    /** The filter as typed, shown back in the form. */
    record Asked(String unit, String procedure, String from, String to, String q) {
    }

    @GetMapping
    String show(@RequestParam(required = false) String unit, @RequestParam(required = false) String procedure,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        Asked asked = new Asked(unit, procedure, from, to, q);
        long scope = unitScope.unitId();
        DossierFilter filter;
        try {
            filter = DossierFilter.parse(scope, unit, procedure, from, to, catalog);
        } catch (IllegalArgumentException e) {
            model.addAttribute("filterError", e.getMessage());
            filter = DossierFilter.scope(scope);
        }
        model.addAttribute("asked", asked);
        model.addAttribute("byUnit", counts.count(DossierCounts.By.UNIT, filter));
        model.addAttribute("byProcedure", counts.count(DossierCounts.By.PROCEDURE, filter));
        model.addAttribute("byMonth", counts.count(DossierCounts.By.MONTH, filter));
        model.addAttribute("page", register.page(filter, q, PageOf.number(page), PAGE_SIZE));
        return VIEW;
    }

    /**
     * The file to fill in, as CSV or XLSX: every column with what it holds and its allowed values,
     * and an example row in the caller's own unit that the import accepts as it is.
     */
    @GetMapping("/template.{format:csv|xlsx}")
    ResponseEntity<byte[]> template(@PathVariable String format, Locale locale) {
        String unit = catalog.unit(unitScope.unitId()).code();
        String procedure = catalog.procedureIdsByCode().keySet().stream().sorted().findFirst().orElse("");
        return DossierTemplate.of(unit, procedure).download(format, messages, locale);
    }

    @PostMapping("/import")
    @PreAuthorize(IMPORTERS)
    String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String encoding,
                  Model model, Locale locale, HttpServletResponse response) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new ImportRejectedException("", List.of(RowError.of("", 0, null, "import.file.missing")));
            }
            TextEncoding declared = TextEncoding.named(fileName(file), encoding);
            try (InputStream in = file.getInputStream()) {
                model.addAttribute("result", imports.importFile(fileName(file), in, declared));
            }
        } catch (ImportRejectedException rejected) {
            response.setStatus(422);
            model.addAttribute("errors", importErrors.show(rejected, locale));
        }
        return show(null, null, null, null, null, null, model);
    }

    /** The uploaded file's own name without any path a browser may send, as errors and the audit log name it. */
    static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return "dossiers";
        }
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }
}
