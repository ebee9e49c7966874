package org.sipas.collection;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A partner organisation's cases ({@code /partner/cases}): for its staff, the cases handed to the
 * organisation with the applicants' names and phones; one case at {@code /partner/cases/{id}},
 * refused (403) when it was not handed to the organisation. The administration's own interviewers
 * and clerks are told the page is for partner staff.
 */
@Controller
@PreAuthorize("hasAnyRole('INTERVIEWER','DATA_ENTRY')")
class PartnerCasePages {

    private static final String LIST = "collection/partner-cases";
    private static final String ONE = "collection/partner-case";

    private final PartnerCases cases;

    PartnerCasePages(PartnerCases cases) {
        this.cases = cases;
    }

    @GetMapping("/partner/cases")
    String list(Model model) {
        cases.organisation().ifPresentOrElse(partner -> {
            model.addAttribute("partner", partner);
            model.addAttribute("cases", cases.handed());
        }, () -> model.addAttribute("cases", java.util.List.of()));
        return LIST;
    }

    @GetMapping("/partner/cases/{id}")
    String one(@PathVariable long id, Model model) {
        model.addAttribute("handed", cases.one(id));
        cases.organisation().ifPresent(partner -> model.addAttribute("partner", partner));
        return ONE;
    }
}
