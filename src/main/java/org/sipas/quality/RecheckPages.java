package org.sipas.quality;

import java.util.List;

import org.sipas.index.Percent;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The re-checker's pages: their list ({@code /rechecks}), a re-check opened with its contact
 * (audited), the script and the questions to ask again, and its outcome posted back (then the
 * list, so a reload repeats nothing); the campaign's re-check report for supervisors.
 */
@Controller
class RecheckPages {

    static final String WORKERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','RECHECKER')";
    private static final String LIST = "quality/rechecks";
    private static final String RECHECK = "quality/recheck";
    private static final String REPORT = "quality/report";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final RecheckLists lists;

    RecheckPages(RecheckLists lists) {
        this.lists = lists;
    }

    @GetMapping("/rechecks")
    @PreAuthorize("hasRole('RECHECKER')")
    String mine(Model model) {
        model.addAttribute("rechecks", lists.mine());
        return LIST;
    }

    @GetMapping("/rechecks/{recheckId}")
    @PreAuthorize(WORKERS)
    String open(@PathVariable long recheckId, Model model) {
        model.addAttribute("opened", lists.open(recheckId));
        model.addAttribute("outcomes", RecheckLists.Outcome.values());
        return RECHECK;
    }

    @PostMapping("/rechecks/{recheckId}")
    @PreAuthorize(WORKERS)
    String record(@PathVariable long recheckId, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) List<String> asked, @RequestParam(required = false) List<String> differing,
                  @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        try {
            RecheckRepository.Recheck recorded = lists.record(recheckId, outcome, asked, differing, note);
            redirect.addFlashAttribute("done", recorded);
            return "redirect:/rechecks";
        } catch (IllegalArgumentException e) {
            model.addAttribute("opened", lists.open(recheckId));
            model.addAttribute("outcomes", RecheckLists.Outcome.values());
            model.addAttribute("problem", e.getMessage());
            return RECHECK;
        }
    }

    @GetMapping("/campaigns/{id}/rechecks")
    @PreAuthorize(ResponseApi.SUPERVISORS)
    String report(@PathVariable long id, Model model, java.util.Locale locale) {
        model.addAttribute("campaignId", id);
        model.addAttribute("percent", new Percent(locale));
        model.addAttribute("report", lists.report(id));
        model.addAttribute("distributions", lists.distributions(id));
        return REPORT;
    }

    @GetMapping("/campaigns/{id}/rechecks.xlsx")
    @PreAuthorize(ResponseApi.SUPERVISORS)
    ResponseEntity<byte[]> reportXlsx(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"phuc-tra-" + id + ".xlsx\"")
                .body(lists.report(id).xlsx());
    }
}
