package org.sipas.collection.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCampaign;
import org.sipas.catalog.CatalogCodes;
import org.sipas.catalog.CatalogCodes.UnitRef;
import org.sipas.identity.PartnerOrganisations;
import org.sipas.identity.UnitScope;
import org.sipas.web.Formats;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Hand-out and return of a campaign's paper questionnaires ({@code /campaigns/{id}/paper/handout}):
 * the reconciliation per unit and recipient (handed, returned, keyed, missing, awaiting entry,
 * working days since hand-out, overdue), the batches, the hand-out form and the form recording
 * what became of numbers. Forms post and redirect; a refusal comes back naming the item.
 */
@Controller
class PaperHandoutPages {

    private static final String PAGE = "collection/paper/handout";

    private final PaperHandouts handouts;
    private final CampaignScope campaigns;
    private final UnitScope scope;
    private final CatalogCodes catalog;
    private final PartnerOrganisations partners;

    PaperHandoutPages(PaperHandouts handouts, CampaignScope campaigns, UnitScope scope, CatalogCodes catalog,
                      PartnerOrganisations partners) {
        this.partners = partners;
        this.handouts = handouts;
        this.campaigns = campaigns;
        this.scope = scope;
        this.catalog = catalog;
    }

    @GetMapping("/campaigns/{id}/paper/handout")
    @PreAuthorize(PaperPrintPages.READERS)
    String page(@PathVariable long id, Model model) {
        FieldCampaign campaign = campaigns.overlapping(id);
        Instant now = Instant.now();
        model.addAttribute("campaign", campaign);
        model.addAttribute("lines", handouts.reconcile(id, now));
        model.addAttribute("batches", handouts.batches(id, now));
        model.addAttribute("units", units(campaign));
        model.addAttribute("states", List.of(HandoutState.DELIVERED, HandoutState.RETURNED_FILLED, HandoutState.RETURNED_BLANK,
                HandoutState.SPOILED, HandoutState.LOST));
        model.addAttribute("defaultDue", PaperHandouts.DEFAULT_DUE_WORKING_DAYS);
        model.addAttribute("partners", partners.ofCampaign(id));
        model.addAttribute("today", LocalDate.now(Formats.ZONE));
        return PAGE;
    }

    @PostMapping("/campaigns/{id}/paper/handout")
    @PreAuthorize(PaperPrintPages.PRINTERS)
    String hand(@PathVariable long id, @RequestParam(required = false) Long unit, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String recipient, @RequestParam(required = false) String numbers,
                @RequestParam(required = false) String handedOn, @RequestParam(required = false) String due,
                RedirectAttributes redirect) {
        campaigns.overlapping(id);
        try {
            PaperBatches.RecipientKind recipientKind = parseKind(kind);
            int dueDays = parseDue(due);
            long batch = handouts.hand(id, new PaperHandouts.HandOut(unit == null ? -1 : unit, recipientKind, recipient, numbers,
                    handedAt(handedOn), dueDays));
            redirect.addFlashAttribute("done", "paper.handout.done");
            redirect.addFlashAttribute("doneBatch", batch);
        } catch (PaperNumbers.Invalid e) {
            refuse(redirect, e.getMessage(), e.item);
            keep(redirect, unit, kind, recipient, numbers, handedOn, due);
        } catch (IllegalArgumentException e) {
            refuse(redirect, e.getMessage(), "");
            keep(redirect, unit, kind, recipient, numbers, handedOn, due);
        }
        return "redirect:/campaigns/" + id + "/paper/handout";
    }

    @PostMapping("/campaigns/{id}/paper/handout/returns")
    @PreAuthorize(PaperPrintPages.PRINTERS)
    String record(@PathVariable long id, @RequestParam(required = false) String numbers, @RequestParam(required = false) String state,
                  RedirectAttributes redirect) {
        campaigns.overlapping(id);
        try {
            HandoutState to = parseState(state);
            int changed = handouts.record(id, numbers, to);
            redirect.addFlashAttribute("done", "paper.handout.recorded");
            redirect.addFlashAttribute("doneCount", changed);
        } catch (PaperNumbers.Invalid e) {
            refuse(redirect, e.getMessage(), e.item);
            redirect.addFlashAttribute("returnNumbers", numbers);
        } catch (IllegalArgumentException e) {
            refuse(redirect, e.getMessage(), "");
            redirect.addFlashAttribute("returnNumbers", numbers);
        }
        return "redirect:/campaigns/" + id + "/paper/handout";
    }

    private static void refuse(RedirectAttributes redirect, String key, String item) {
        redirect.addFlashAttribute("problem", key);
        redirect.addFlashAttribute("problemItem", item);
    }

    private static void keep(RedirectAttributes redirect, Long unit, String kind, String recipient, String numbers, String handedOn,
                             String due) {
        redirect.addFlashAttribute("formUnit", unit);
        redirect.addFlashAttribute("formKind", kind);
        redirect.addFlashAttribute("formRecipient", recipient);
        redirect.addFlashAttribute("formNumbers", numbers);
        redirect.addFlashAttribute("formHandedOn", handedOn);
        redirect.addFlashAttribute("formDue", due);
    }

    static PaperBatches.RecipientKind parseKind(String kind) {
        try {
            return PaperBatches.RecipientKind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("paper.handout.kind");
        }
    }

    static HandoutState parseState(String state) {
        try {
            return HandoutState.valueOf(state == null ? "" : state);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("paper.handout.state");
        }
    }

    static int parseDue(String due) {
        if (due == null || due.isBlank()) {
            return PaperHandouts.DEFAULT_DUE_WORKING_DAYS;
        }
        try {
            return Integer.parseInt(due.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("paper.handout.due");
        }
    }

    /** The moment of a hand-out: now when it is today's (or unsaid), the start of the working day (08:00) of an earlier day. */
    static Instant handedAt(String handedOn) {
        if (handedOn == null || handedOn.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(handedOn.strip());
        } catch (DateTimeParseException e) {
            try {
                day = LocalDate.parse(handedOn.strip(), Formats.DATE);
            } catch (DateTimeParseException again) {
                throw new IllegalArgumentException("paper.handout.date");
            }
        }
        if (day.equals(LocalDate.now(Formats.ZONE))) {
            return null;
        }
        return day.atTime(LocalTime.of(8, 0)).atZone(Formats.ZONE).toInstant();
    }

    /** The campaign's units the caller may hand papers out for. */
    private List<UnitRef> units(FieldCampaign campaign) {
        Set<Long> mine = scope.covered(campaign.unitIds());
        return campaign.unitIds().stream().filter(mine::contains).map(catalog::unit).toList();
    }
}
