package org.sipas.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Partner organisations and their staff ({@code /admin/partners}), for ADMIN and PROVINCE_ADMIN
 * within their scope: register an organisation, say which units and campaigns it serves, open
 * and close its staff accounts. Forms post and redirect; a refusal comes back naming what is wrong.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN','PROVINCE_ADMIN')")
class PartnerPages {

    private static final String LIST = "identity/partners";
    private static final String ONE = "identity/partner";

    private final PartnerOrganisations partners;
    private final UnitDirectory units;

    PartnerPages(PartnerOrganisations partners, UnitDirectory units) {
        this.partners = partners;
        this.units = units;
    }

    /** An organisation as listed: its home unit and the units it serves, with their names. */
    record Shown(Partner partner, UnitDirectory.UnitRef home, List<UnitDirectory.UnitRef> served) {
    }

    @GetMapping("/admin/partners")
    String list(Model model) {
        model.addAttribute("partners", partners.managed().stream().map(this::shown).toList());
        model.addAttribute("kinds", PartnerKind.values());
        return LIST;
    }

    @PostMapping("/admin/partners")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String homeUnit, RedirectAttributes redirect) {
        try {
            long id = partners.create(name, kind(kind), homeUnit);
            redirect.addFlashAttribute("done", "partner.created");
            return "redirect:/admin/partners/" + id;
        } catch (PartnerOrganisations.Refused e) {
            refuse(redirect, e);
            return "redirect:/admin/partners";
        }
    }

    @GetMapping("/admin/partners/{id}")
    String one(@PathVariable long id, Model model) {
        Partner partner = partners.managed(id);
        model.addAttribute("shown", shown(partner));
        model.addAttribute("partner", partner);
        model.addAttribute("staff", partners.staffRows(id));
        model.addAttribute("campaigns", partners.campaignsToServe());
        model.addAttribute("unitCodes", String.join(", ", partner.unitIds().stream()
                .map(u -> units.findById(u).map(UnitDirectory.UnitRef::code).orElse("#" + u)).toList()));
        model.addAttribute("roles", PartnerOrganisations.STAFF_ROLES);
        return ONE;
    }

    @PostMapping("/admin/partners/{id}/serve")
    String serve(@PathVariable long id, @RequestParam(required = false) String units,
                 @RequestParam(name = "campaign", required = false) List<Long> campaigns, RedirectAttributes redirect) {
        try {
            partners.serve(id, units, campaigns);
            redirect.addFlashAttribute("done", "partner.served");
        } catch (PartnerOrganisations.Refused e) {
            refuse(redirect, e);
        }
        return "redirect:/admin/partners/" + id;
    }

    /** Answered with the page itself, not a redirect: the one-time password is shown once and kept nowhere, not even in the session. */
    @PostMapping("/admin/partners/{id}/staff")
    String addStaff(@PathVariable long id, @RequestParam(required = false) String username,
                    @RequestParam(required = false) String displayName, @RequestParam(required = false) List<Role> roles,
                    Model model) {
        try {
            Set<Role> chosen = roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
            String password = partners.addStaff(id, username, displayName, chosen);
            model.addAttribute("done", "partner.staff.added");
            model.addAttribute("created", username.strip());
            model.addAttribute("oneTimePassword", password);
        } catch (PartnerOrganisations.Refused e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("problemArgs", e.args());
        }
        return one(id, model);
    }

    @PostMapping("/admin/partners/{id}/staff/{user}/remove")
    String removeStaff(@PathVariable long id, @PathVariable long user, RedirectAttributes redirect) {
        partners.removeStaff(id, user);
        redirect.addFlashAttribute("done", "partner.staff.removed");
        return "redirect:/admin/partners/" + id;
    }

    private Shown shown(Partner partner) {
        return new Shown(partner, units.findById(partner.homeUnitId()).orElse(null),
                partner.unitIds().stream().map(units::findById).flatMap(java.util.Optional::stream).toList());
    }

    private static PartnerKind kind(String kind) {
        try {
            return kind == null || kind.isBlank() ? null : PartnerKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void refuse(RedirectAttributes redirect, PartnerOrganisations.Refused e) {
        redirect.addFlashAttribute("problem", e.getMessage());
        redirect.addFlashAttribute("problemArgs", e.args());
    }
}
