package org.sipas.quality;

import java.util.List;

import org.sipas.identity.UnitScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coder's pages: the campaign's next open answer to code (blind in the second pass), its codes
 * posted back (then the next one, so a reload codes nothing twice); the agreement of the two passes
 * with the counts per code and unit.
 */
@Controller
class CodingPages {

    static final String CODERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','ANALYST','RECHECKER')";
    static final String READERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','ANALYST','RECHECKER')";
    private static final String CODING = "quality/coding";

    private final Coding coding;
    private final CodedThemes themes;
    private final UnitScope scope;

    CodingPages(Coding coding, CodedThemes themes, UnitScope scope) {
        this.coding = coding;
        this.themes = themes;
        this.scope = scope;
    }

    @GetMapping("/campaigns/{id}/coding")
    @PreAuthorize(CODERS)
    String next(@PathVariable long id, Model model) {
        model.addAttribute("next", coding.next(id));
        return CODING;
    }

    @PostMapping("/campaigns/{id}/coding")
    @PreAuthorize(CODERS)
    String code(@PathVariable long id, @RequestParam(required = false) Long responseId, @RequestParam(required = false) String question,
                @RequestParam(required = false) Integer pass, @RequestParam(required = false) List<String> codes, Model model,
                RedirectAttributes redirect) {
        try {
            coding.code(id, responseId, question, pass, codes);
            redirect.addFlashAttribute("coded", responseId);
            return "redirect:/campaigns/" + id + "/coding";
        } catch (IllegalArgumentException e) {
            model.addAttribute("next", coding.next(id));
            model.addAttribute("problem", e.getMessage());
            return CODING;
        }
    }

    @GetMapping("/campaigns/{id}/coding/agreement")
    @PreAuthorize(READERS)
    String agreement(@PathVariable long id, Model model) {
        Coding.Agreement agreement = coding.agreement(id);
        model.addAttribute("agreement", agreement);
        model.addAttribute("themes", themes.counts(id, scope.unitId()));
        model.addAttribute("labels", themes.labels(agreement.methodologyCode(), agreement.methodologyVersion()));
        return "quality/agreement";
    }
}
