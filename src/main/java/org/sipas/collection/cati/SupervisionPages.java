package org.sipas.collection.cati;

import java.time.Instant;
import java.util.List;

import org.sipas.campaign.FieldCampaign;
import org.sipas.collection.FieldAssignments;
import org.sipas.web.PageOf;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisors' page of phone fieldwork ({@code /cati/supervision}): progress of a campaign by
 * interviewer and by unit, and reassignment of cases, one by one or a whole group at once.
 */
@Controller
class SupervisionPages {

    static final String SUPERVISORS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER')";
    private static final String PAGE = "collection/cati/supervision";
    /** Cases listed at once; filters show the others. */
    private static final int PAGE_SIZE = 50;

    private final Supervision supervision;
    private final CurrentUsers users;

    SupervisionPages(Supervision supervision, CurrentUsers users) {
        this.supervision = supervision;
        this.users = users;
    }

    @GetMapping("/cati/supervision")
    @PreAuthorize(SUPERVISORS)
    String page(@RequestParam(required = false) Long campaign, @RequestParam(required = false) String who,
                @RequestParam(required = false) Long unit, @RequestParam(required = false) Integer page, Model model) {
        List<FieldCampaign> campaigns = supervision.campaigns();
        model.addAttribute("campaigns", campaigns);
        if (campaigns.isEmpty()) {
            return PAGE;
        }
        long chosen = campaign != null ? campaign : campaigns.get(0).id();
        Supervision.Progress progress = supervision.progress(chosen, Instant.now());
        List<Supervision.Row> filtered = progress.cases().stream()
                .filter(r -> who == null || who.isEmpty() || who.equals(r.entry().fieldCase().assignedTo())
                        || "-".equals(who) && r.entry().fieldCase().assignedTo() == null)
                .filter(r -> unit == null || r.entry().fieldCase().unitId() == unit)
                .toList();
        model.addAttribute("progress", progress);
        PageOf<Supervision.Row> shown = PageOf.of(filtered, page, PAGE_SIZE);
        model.addAttribute("casePage", shown);
        model.addAttribute("rows", shown.items());
        model.addAttribute("matching", filtered.size());
        model.addAttribute("who", who);
        model.addAttribute("unit", unit);
        model.addAttribute("mayReplace", users.current().hasAny(Role.ADMIN, Role.PROVINCE_ADMIN));
        return PAGE;
    }

    @PostMapping("/cati/supervision/assign")
    @PreAuthorize(SUPERVISORS)
    String assign(@RequestParam long campaign, @RequestParam(name = "case", required = false) List<Long> cases,
                  @RequestParam(required = false) String to, RedirectAttributes redirect) {
        if (cases == null || cases.isEmpty()) {
            redirect.addFlashAttribute("problem", "cati.supervision.noneSelected");
            return back(campaign);
        }
        return done(campaign, to, redirect, () -> supervision.assign(campaign, cases, blankToNull(to)));
    }

    @PostMapping("/cati/supervision/move")
    @PreAuthorize(SUPERVISORS)
    String move(@RequestParam long campaign, @RequestParam String from, @RequestParam(required = false) Long unit,
                @RequestParam(required = false) String to, RedirectAttributes redirect) {
        if (blankToNull(to) == null) {
            redirect.addFlashAttribute("problem", "cati.supervision.noInterviewer");
            return back(campaign);
        }
        return done(campaign, to, redirect, () -> supervision.move(campaign, from, unit, to));
    }

    private String done(long campaign, String to, RedirectAttributes redirect, java.util.function.IntSupplier work) {
        try {
            int moved = work.getAsInt();
            redirect.addFlashAttribute("done", blankToNull(to) == null ? "cati.supervision.takenBack" : "cati.supervision.moved");
            redirect.addFlashAttribute("doneArgs", new Object[] {moved, to});
        } catch (FieldAssignments.AssignmentRefused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            redirect.addFlashAttribute("problemArgs", e.args());
        }
        return back(campaign);
    }

    private static String back(long campaign) {
        return "redirect:/cati/supervision?campaign=" + campaign;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
