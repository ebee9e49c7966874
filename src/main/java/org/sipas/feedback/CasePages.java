package org.sipas.feedback;

import org.sipas.methodology.AlertSeverity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.sipas.web.Formats;
import org.sipas.web.PageOf;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The cases pages: the list with its filters and statistics, one case with its steps. */
@Controller
class CasePages {

    private static final String LIST = "feedback/cases";
    private static final String CASE = "feedback/case";
    static final String READERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','ANALYST')";

    private final Cases cases;
    private final CaseLifecycle lifecycle;

    CasePages(Cases cases, CaseLifecycle lifecycle) {
        this.cases = cases;
        this.lifecycle = lifecycle;
    }

    @GetMapping("/cases")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) String unit, @RequestParam(required = false) Long official,
                @RequestParam(required = false) String severity, @RequestParam(required = false) String state,
                @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Long campaign,
                @RequestParam(required = false) Integer page, Model model) {
        CaseFilter filter = new CaseFilter(campaign, unit, official, severity, state, overdue);
        PageOf<CaseView> found = cases.list(filter, PageOf.number(page), 50);
        YearMonth month = YearMonth.from(LocalDate.now(Formats.ZONE));
        Instant from = month.minusMonths(11).atDay(1).atStartOfDay(Formats.ZONE).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(Formats.ZONE).toInstant();
        model.addAttribute("filter", filter);
        model.addAttribute("cases", found);
        model.addAttribute("byUnit", cases.statistics("unit", from, to));
        model.addAttribute("byOfficial", cases.statistics("official", from, to));
        model.addAttribute("states", CaseState.values());
        model.addAttribute("severities", AlertSeverity.values());
        return LIST;
    }

    @GetMapping("/cases/{id}")
    @PreAuthorize(READERS)
    String show(@PathVariable long id, Model model) {
        CaseView c = cases.get(id);
        model.addAttribute("c", c);
        model.addAttribute("steps", cases.steps(id));
        model.addAttribute("owners", cases.owners(c));
        model.addAttribute("contact", cases.contact(c).orElse(null));
        model.addAttribute("next", CaseState.valueOf(c.state()).next());
        model.addAttribute("rootCauses", lifecycle.rootCauses());
        return CASE;
    }

    @PostMapping("/cases/{id}/step")
    @PreAuthorize(CaseApi.HANDLERS)
    String step(@PathVariable long id, @RequestParam String to, @RequestParam(required = false) String rootCause,
                @RequestParam(required = false) String actionTaken, @RequestParam(required = false) String note) {
        CaseState target;
        try {
            target = CaseState.valueOf(to);
        } catch (IllegalArgumentException e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                    "unknown state (to) " + to);
        }
        lifecycle.move(id, new CaseLifecycle.Step(target, rootCause, actionTaken, note));
        return "redirect:/cases/" + id;
    }

    @PostMapping("/cases/{id}/follow-up")
    @PreAuthorize(CaseApi.HANDLERS)
    String followUp(@PathVariable long id, @RequestParam String outcome) {
        lifecycle.followUp(id, outcome);
        return "redirect:/cases/" + id;
    }
}
