package org.sipas.collection.paper;

import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The print pack of a unit ({@code /campaigns/{id}/print-pack?unit=}), asked for from the
 * campaign's paper page: the PDF itself, or back to the paper page with what is missing.
 */
@Controller
class PrintPackController {

    private final PrintPacks packs;

    PrintPackController(PrintPacks packs) {
        this.packs = packs;
    }

    @GetMapping("/campaigns/{id}/print-pack")
    @PreAuthorize(PaperPrintPages.PRINTERS)
    Object pack(@PathVariable long id, @RequestParam(required = false) Long unit, Locale locale, RedirectAttributes redirect) {
        try {
            PrintPackPdf.Rendered pack = packs.pdf(id, unit, locale, PrintPackController::entryLink);
            return file(id, unit, pack);
        } catch (PrintPacks.Refused refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
            return "redirect:/campaigns/" + id + "/paper";
        }
    }

    /** The entry screen of a paper, where its QR code leads the clerk who scans it. */
    static String entryLink(String number) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/paper/entry/{number}").buildAndExpand(number).toUriString();
    }

    static ResponseEntity<byte[]> file(long campaignId, long unitId, PrintPackPdf.Rendered pack) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("print-pack-" + campaignId + "-" + unitId + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Pages", Integer.toString(pack.pages()))
                .body(pack.pdf());
    }
}
