package org.sipas.retention;

import java.time.Clock;

import org.sipas.identity.CurrentUsers;
import org.sipas.identity.UnitDirectory;
import org.sipas.identity.UnitScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contacts held and when they go ({@code /admin/retention}), for administrators: per campaign in
 * their scope what its frame still holds, when the re-check window ends and why a contact is not erased
 * yet; the dossiers of no campaign; a button that erases now what is due in the scope (audited) and the
 * rule's settings, which only an administrator of the whole country changes (they apply to all).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class RetentionPages {

    private static final String PAGE = "retention/contacts";

    private final ContactRetention retention;
    private final UnitScope scope;
    private final CurrentUsers users;
    private final UnitDirectory units;
    private final Clock clock;

    RetentionPages(ContactRetention retention, UnitScope scope, CurrentUsers users, UnitDirectory units, Clock clock) {
        this.retention = retention;
        this.scope = scope;
        this.users = users;
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/admin/retention")
    String page(@RequestParam(required = false) Integer page, Model model) {
        ContactRetention.Plan plan = retention.plan(scope.unitId(), clock.instant(), page);
        model.addAttribute("plan", plan);
        model.addAttribute("page", plan.campaigns());
        model.addAttribute("national", national());
        return PAGE;
    }

    @PostMapping("/admin/retention/erase")
    String eraseNow(RedirectAttributes redirect) {
        ContactRetention.Run run = retention.run(scope.unitId(), clock.instant(), false, "erased now by " + users.actorName());
        if (run.skipped()) {
            redirect.addFlashAttribute("problem", "retention.erase.busy");
        } else {
            redirect.addFlashAttribute("erasedRun", run);
        }
        return "redirect:/admin/retention";
    }

    @PostMapping("/admin/retention/settings")
    String settings(@RequestParam(required = false) Integer recheckDays, @RequestParam(required = false) Integer caseGraceDays,
                    @RequestParam(required = false) Integer unattachedMonths, RedirectAttributes redirect) {
        if (!national()) {
            redirect.addFlashAttribute("problem", "retention.settings.national");
            return "redirect:/admin/retention";
        }
        try {
            retention.saveSettings(recheckDays, caseGraceDays, unattachedMonths, users.actorName(), clock.instant());
            redirect.addFlashAttribute("done", "retention.settings.saved");
        } catch (ContactRetention.Refused e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/retention";
    }

    /** Whether the caller's scope is the whole country (the root of the unit tree). */
    private boolean national() {
        return scope.unitId() == units.root().id();
    }
}
