package org.sipas.campaign;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sipas.catalog.CatalogCodes;
import org.sipas.frame.SamplingFrame;
import org.sipas.methodology.Methodologies;
import org.sipas.web.Diacritics;
import org.sipas.frame.SamplingFrame.Contact;
import org.sipas.identity.CurrentUsers;
import org.sipas.web.Formats;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaign pages: the list with the create form ({@code /campaigns}) and one campaign with its
 * allocation explained, target helper, budget, sample and actions ({@code /campaigns/{id}}).
 * Actions post and redirect, so a reload repeats nothing.
 */
@Controller
class CampaignPages {

    private static final String LIST = "campaign/campaigns";
    private static final String ONE = "campaign/campaign";
    /** Sample members shown on the page; the rest are in the work lists and the API. */
    private static final int SHOWN = 50;

    private final Campaigns campaigns;
    private final CampaignFiles files;
    private final SamplingFrame frame;
    private final Methodologies methodologies;
    private final CatalogCodes catalog;
    private final CurrentUsers users;

    CampaignPages(Campaigns campaigns, CampaignFiles files, SamplingFrame frame, CatalogCodes catalog, CurrentUsers users,
                  Methodologies methodologies) {
        this.methodologies = methodologies;
        this.campaigns = campaigns;
        this.files = files;
        this.frame = frame;
        this.catalog = catalog;
        this.users = users;
    }

    @GetMapping("/campaigns")
    @PreAuthorize(CampaignApi.READERS)
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.visible());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", defaults());
        }
        model.addAttribute("unitChoices", unitChoices());
        model.addAttribute("methodologyChoices", methodologies.all());
        return LIST;
    }

    /** A unit the scope field offers: its code, and its name indented by its depth below the caller's own unit. */
    record UnitChoice(String code, String label) {
    }

    /**
     * The caller's own unit and the units one level below it (a province's communes, the nation's
     * provinces and ministries): the scopes a campaign of theirs can have, searchable by code or
     * name, with or without diacritics (the label carries both spellings).
     */
    private List<UnitChoice> unitChoices() {
        CatalogCodes.UnitRef own = catalog.unit(users.current().scopeUnitId());
        int depth = own.path().split("/").length;
        return catalog.unitsByCode().values().stream()
                .filter(u -> u.path().startsWith(own.path()) && u.path().split("/").length <= depth + 1)
                .sorted(Comparator.comparing(CatalogCodes.UnitRef::path))
                .map(u -> {
                    String folded = Diacritics.fold(u.name());
                    String label = (u.id() == own.id() ? "" : "— ") + u.name() + (folded.equals(u.name()) ? "" : " (" + folded + ")");
                    return new UnitChoice(u.code(), label);
                })
                .toList();
    }

    /** The create form as the manager's own unit's latest campaign leaves it, or from their scope alone. */
    private CampaignForm defaults() {
        long own = users.current().scopeUnitId();
        Campaign last = campaigns.visible().stream().filter(c -> c.plan().scopeUnitId() == own)
                .max(Comparator.comparing(Campaign::createdAt)).orElse(null);
        Map<Long, String> procedureCodes = new HashMap<>();
        catalog.procedureIdsByCode().forEach((code, id) -> procedureCodes.put(id, code));
        return CampaignForm.defaults(catalog.unit(own).code(), last, procedureCodes, LocalDate.now(Formats.ZONE));
    }

    @PostMapping("/campaigns")
    @PreAuthorize(CampaignApi.MANAGERS)
    String create(@ModelAttribute CampaignForm form, RedirectAttributes redirect) {
        try {
            form.requirePercentages();
            return "redirect:/campaigns/" + campaigns.create(form.plan(catalog));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("form", form);
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/campaigns";
        }
    }

    @GetMapping("/campaigns/{id}")
    @PreAuthorize(CampaignApi.READERS)
    String campaign(@PathVariable long id, @RequestParam(required = false) Double margin, Model model) {
        Campaign campaign = campaigns.get(id);
        Allocation allocation = campaigns.allocation(campaign);
        double e = margin == null ? TargetSize.DEFAULT_MARGIN : margin / 100;
        List<SampleMember> sample = campaigns.members(campaign, SampleMember.Role.SAMPLE, null);
        List<SampleMember> shown = sample.subList(0, Math.min(SHOWN, sample.size()));
        Map<Long, Contact> contacts = frame.maskedContacts(shown.stream().map(SampleMember::dossierId).toList()).stream()
                .collect(Collectors.toMap(Contact::dossierId, Function.identity()));
        model.addAttribute("campaign", campaign);
        model.addAttribute("scope", catalog.unit(campaign.plan().scopeUnitId()));
        model.addAttribute("allocation", allocation);
        model.addAttribute("target", TargetSize.of(allocation.frameSize(), e));
        model.addAttribute("cost", campaigns.cost(campaign, allocation));
        model.addAttribute("strata", campaigns.strata(campaign));
        model.addAttribute("byChannel", campaigns.sampleByChannel(campaign));
        model.addAttribute("sampleSize", sample.size());
        model.addAttribute("shown", shown);
        model.addAttribute("contacts", contacts);
        model.addAttribute("mayManage", campaigns.mayManage());
        model.addAttribute("maySeeContacts", campaigns.maySeeContacts());
        model.addAttribute("sampleStanding", campaigns.sampleStanding(campaign));
        return ONE;
    }

    @PostMapping("/campaigns/{id}/{action:draw|start|close|next}")
    @PreAuthorize(CampaignApi.MANAGERS)
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) Long seed,
               RedirectAttributes redirect) {
        try {
            switch (action) {
                case "draw" -> redirect.addFlashAttribute("drawn", campaigns.draw(id, seed));
                case "start" -> campaigns.startFieldwork(id);
                case "close" -> campaigns.close(id);
                default -> {
                    return "redirect:/campaigns/" + campaigns.next(id).id();
                }
            }
            redirect.addFlashAttribute("done", "campaign.done." + action);
        } catch (CampaignConflict | IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/campaigns/" + id;
    }

    @PostMapping("/campaigns/{id}/sample/{member}/replace")
    @PreAuthorize(CampaignApi.MANAGERS)
    String replace(@PathVariable long id, @PathVariable long member, @RequestParam String reason, RedirectAttributes redirect) {
        try {
            campaigns.get(id);
            campaigns.replace(member, reason);
            redirect.addFlashAttribute("done", "campaign.done.replace");
        } catch (CampaignConflict | IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/campaigns/" + id;
    }

    @GetMapping("/campaigns/{id}/work-list/{channel}.{format:csv|xlsx}")
    @PreAuthorize(CampaignApi.FIELD)
    ResponseEntity<byte[]> workList(@PathVariable long id, @PathVariable SurveyChannel channel, @PathVariable String format) {
        return files.workList(id, channel, format);
    }

    @GetMapping("/campaigns/{id}/cost.{format:csv|xlsx}")
    @PreAuthorize(CampaignApi.READERS)
    ResponseEntity<byte[]> cost(@PathVariable long id, @PathVariable String format) {
        return files.cost(id, format);
    }
}
