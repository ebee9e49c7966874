package org.sipas.collection.paper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.sipas.campaign.FieldCampaigns;
import org.sipas.catalog.CatalogCodes;
import org.sipas.identity.UnitScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Papers whose two passes differ ({@code /paper/differences}, supervisors within their scope): the
 * passes side by side, the differing answers highlighted, and for each the supervisor takes the
 * first pass, the second, or types the value read from the paper, with a note. Nothing of such a
 * paper counts until it is settled.
 */
@Controller
class PaperDifferencePages {

    static final String SUPERVISORS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER')";
    private static final String LIST = "collection/paper/differences";
    private static final String ONE = "collection/paper/difference";

    /** One question of the paper side by side. */
    record Row(PaperQuestion question, String first, String second, String firstKeyed, String secondKeyed, boolean differs,
               String pick, String fromPaper, String error) {
    }

    private final DoubleEntry doubleEntry;
    private final PaperProgress progress;
    private final FieldCampaigns campaigns;
    private final CatalogCodes catalog;
    private final UnitScope scope;

    PaperDifferencePages(DoubleEntry doubleEntry, PaperProgress progress, FieldCampaigns campaigns, CatalogCodes catalog,
                         UnitScope scope) {
        this.doubleEntry = doubleEntry;
        this.progress = progress;
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.scope = scope;
    }

    @GetMapping("/paper/differences")
    @PreAuthorize(SUPERVISORS)
    String list(@RequestParam(required = false) String problem, Model model) {
        if (problem != null && problem.startsWith("paper.")) {
            model.addAttribute("problem", problem);
        }
        List<PaperProgress.Waiting> waiting = progress.waiting(scope.unitId());
        Map<Long, String> campaignNames = new LinkedHashMap<>();
        Map<Long, String> unitNames = new LinkedHashMap<>();
        waiting.forEach(w -> {
            campaignNames.computeIfAbsent(w.campaignId(), id -> campaigns.find(id).map(c -> c.name()).orElse("#" + id));
            unitNames.computeIfAbsent(w.unitId(), id -> catalog.unit(id).name());
        });
        model.addAttribute("waiting", waiting);
        model.addAttribute("campaignNames", campaignNames);
        model.addAttribute("unitNames", unitNames);
        return LIST;
    }

    @GetMapping("/paper/differences/{number}")
    @PreAuthorize(SUPERVISORS)
    String paper(@PathVariable String number, Model model, Locale locale) {
        return page(doubleEntry.differences(number, locale, false), Map.of(), Map.of(), "", Map.of(), model);
    }

    @PostMapping("/paper/differences/{number}")
    @PreAuthorize(SUPERVISORS)
    String settle(@PathVariable String number, @RequestParam MultiValueMap<String, String> posted,
                  @RequestParam(required = false) String note, Model model, Locale locale, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Map<String, String> picks = prefixed(posted, "pick.");
        Map<String, String> fromPaper = prefixed(posted, "paper.");
        Map<String, String> problems;
        try {
            problems = doubleEntry.settle(number, picks, fromPaper, note, locale);
        } catch (PaperRefused refused) {
            redirect.addFlashAttribute("problem", refused.key());
            return "redirect:/paper/differences";
        }
        if (!problems.isEmpty()) {
            response.setStatus(422);
            return page(doubleEntry.differences(number, locale, false), picks, fromPaper, note, problems, model);
        }
        redirect.addFlashAttribute("settled", PaperNumber.tryParse(number).map(PaperNumber::printed).orElse(number));
        return "redirect:/paper/differences";
    }

    /** A paper that cannot be shown or settled (unknown, outside the scope, nothing to settle): the list, saying why. */
    @ExceptionHandler(PaperRefused.class)
    ModelAndView refused(PaperRefused refused) {
        ModelAndView list = new ModelAndView("redirect:/paper/differences");
        list.addObject("problem", refused.key());
        return list;
    }

    private String page(DoubleEntry.Differences differences, Map<String, String> picks, Map<String, String> fromPaper,
                        String note, Map<String, String> problems, Model model) {
        PaperSheet sheet = differences.sheet();
        List<Row> rows = sheet.questions().stream().map(q -> {
            String first = differences.first().answer(q.name());
            String second = differences.second().answer(q.name());
            return new Row(q, sheet.shown(q.name(), first), sheet.shown(q.name(), second), sheet.keyed(q.name(), first),
                    sheet.keyed(q.name(), second), differences.differing().contains(q.name()), picks.get(q.name()),
                    fromPaper.getOrDefault(q.name(), ""), problems.get(q.name()));
        }).filter(r -> r.differs() || !r.first().isEmpty() || !r.second().isEmpty()).toList();
        model.addAttribute("d", differences);
        model.addAttribute("rows", rows);
        model.addAttribute("note", note == null ? "" : note);
        model.addAttribute("noteError", problems.get(DoubleEntry.NOTE));
        model.addAttribute("problems", problems);
        return ONE;
    }

    private static Map<String, String> prefixed(MultiValueMap<String, String> posted, String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        posted.forEach((field, v) -> {
            if (field.startsWith(prefix) && v != null && !v.isEmpty()) {
                values.put(field.substring(prefix.length()), v.get(0));
            }
        });
        return values;
    }
}
