package org.sipas.collection.paper;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.catalog.CatalogCodes;
import org.sipas.catalog.CatalogCodes.UnitRef;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.UnitScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The printable paper questionnaires of a campaign ({@code /campaigns/{id}/paper}): numbers are
 * issued for the sampled cases of the PAPER channel, or as blank copies for a unit, and the page
 * then shows those papers ready to print on A4, each with its number and a QR code that opens the
 * entry screen for it. The keying progress is at {@code /campaigns/{id}/paper/progress}.
 */
@Controller
class PaperPrintPages {

    static final String READERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','ANALYST')";
    static final String PRINTERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER')";
    private static final String PRINT = "collection/paper/print";
    private static final String PROGRESS = "collection/paper/progress";
    /** Blank copies printed at once: a counter's stack for a few weeks, and a page a browser still prints. */
    static final int MOST_COPIES = 500;

    /** One paper as printed: its number, the questionnaire for its unit, the QR code as SVG. */
    record PrintedPaper(PaperForm form, String unitName, PaperSheet sheet, String qr) {
    }

    private final CampaignScope campaigns;
    private final UnitScope scope;
    private final CatalogCodes catalog;
    private final PaperForms forms;
    private final PaperSheets sheets;
    private final PaperProgress progress;
    private final FieldCases cases;
    private final ResponseStore store;
    private final CurrentUsers users;

    PaperPrintPages(CampaignScope campaigns, UnitScope scope, CatalogCodes catalog, PaperForms forms, PaperSheets sheets,
                    PaperProgress progress, FieldCases cases, ResponseStore store, CurrentUsers users) {
        this.campaigns = campaigns;
        this.scope = scope;
        this.catalog = catalog;
        this.forms = forms;
        this.sheets = sheets;
        this.progress = progress;
        this.cases = cases;
        this.store = store;
        this.users = users;
    }

    @GetMapping("/campaigns/{id}/paper")
    @PreAuthorize(READERS)
    String print(@PathVariable long id, @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
                 @RequestParam(required = false) String show, Model model, Locale locale) {
        FieldCampaign campaign = campaigns.overlapping(id);
        List<PaperForm> shown;
        if ("cases".equals(show)) {
            shown = forms.forCasesPrinted(id);
        } else if (from != null && to != null) {
            shown = forms.range(id, from, to);
        } else {
            shown = List.of();
        }
        Set<Long> mine = scope.covered(shown.stream().map(PaperForm::unitId).distinct().toList());
        shown = shown.stream().filter(f -> mine.contains(f.unitId())).toList();
        Map<Long, PaperSheet> byUnit = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        List<PrintedPaper> papers = shown.stream().map(f -> new PrintedPaper(f,
                names.computeIfAbsent(f.unitId(), u -> catalog.unit(u).name()),
                byUnit.computeIfAbsent(f.unitId(), u -> sheets.sheet(campaign.methodologyCode(), campaign.methodologyVersion(), u, locale)),
                QrSvg.of(entryUrl(f.number()), f.printed()))).toList();
        model.addAttribute("campaign", campaign);
        model.addAttribute("units", units(campaign));
        model.addAttribute("paperCases", casesToPrint(campaign).size());
        model.addAttribute("batches", forms.batches(id));
        model.addAttribute("papers", papers);
        model.addAttribute("mostCopies", MOST_COPIES);
        return PRINT;
    }

    @PostMapping("/campaigns/{id}/paper/cases")
    @PreAuthorize(PRINTERS)
    String printCases(@PathVariable long id, RedirectAttributes redirect) {
        FieldCampaign campaign = campaigns.overlapping(id);
        List<FieldCase> toPrint = casesToPrint(campaign);
        if (toPrint.isEmpty()) {
            redirect.addFlashAttribute("problem", "paper.print.noCases");
            return "redirect:/campaigns/" + id + "/paper";
        }
        try {
            forms.forCases(id, toPrint, users.current().name());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/campaigns/" + id + "/paper";
        }
        return "redirect:/campaigns/" + id + "/paper?show=cases";
    }

    @PostMapping("/campaigns/{id}/paper/blank")
    @PreAuthorize(PRINTERS)
    String printBlank(@PathVariable long id, @RequestParam(required = false) Long unit,
                      @RequestParam(required = false) String copies, RedirectAttributes redirect) {
        FieldCampaign campaign = campaigns.overlapping(id);
        String problem = null;
        int n = 0;
        if (unit == null || units(campaign).stream().noneMatch(u -> u.id() == unit)) {
            problem = "paper.print.unitProblem";
        } else {
            try {
                n = Integer.parseInt(copies == null ? "" : copies.strip());
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1 || n > MOST_COPIES) {
                problem = "paper.print.copies.invalid";
            }
        }
        if (problem != null) {
            redirect.addFlashAttribute("problem", problem);
            return "redirect:/campaigns/" + id + "/paper";
        }
        try {
            List<PaperForm> printed = forms.blank(id, unit, n, users.current().name());
            return "redirect:/campaigns/" + id + "/paper?from=" + printed.get(0).serial() + "&to="
                    + printed.get(printed.size() - 1).serial();
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/campaigns/" + id + "/paper";
        }
    }

    @GetMapping("/campaigns/{id}/paper/progress")
    @PreAuthorize(READERS)
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("campaign", campaigns.overlapping(id));
        model.addAttribute("counts", progress.counts(id, scope.unitId()));
        model.addAttribute("clerks", progress.clerks(id, scope.unitId()));
        return PROGRESS;
    }

    /** The PAPER-channel cases of the campaign within the caller's scope that have no response yet. */
    private List<FieldCase> casesToPrint(FieldCampaign campaign) {
        List<FieldCase> paper = cases.of(campaign.id(), "PAPER");
        Set<Long> mine = scope.covered(paper.stream().map(FieldCase::unitId).distinct().toList());
        return paper.stream().filter(c -> mine.contains(c.unitId())).filter(c -> !store.isAnswered(c.id())).toList();
    }

    /** The campaign's units (its strata) the caller may print for, with their names. */
    private List<UnitRef> units(FieldCampaign campaign) {
        Set<Long> mine = scope.covered(campaign.unitIds());
        return campaign.unitIds().stream().filter(mine::contains).map(catalog::unit).toList();
    }

    private static String entryUrl(String number) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/paper/entry/{number}").buildAndExpand(number).toUriString();
    }
}
