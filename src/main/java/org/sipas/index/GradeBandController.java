package org.sipas.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import jakarta.servlet.http.HttpServletResponse;

import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCampaign;
import org.sipas.identity.AuditLog;
import org.sipas.methodology.Label;
import org.sipas.web.Formats;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page where a campaign's grade bands are set (xếp loại thi đua): its own bands, or none to
 * grade by its methodology's. All or nothing: a form with an error in any row changes nothing and
 * comes back (422) with every error, named by row and field.
 */
@Controller
class GradeBandController {

    private static final String VIEW = "index/grades";
    /** Rows the form offers, filled ones first. */
    private static final int ROWS = 8;

    /** One row of the form as typed. */
    record Row(String code, String labelVi, String labelEn, String minimum) {
    }

    private final CampaignScope campaignScope;
    private final GradeBandStore store;
    private final AuditLog audit;
    private final MessageSource messages;

    GradeBandController(CampaignScope campaignScope, GradeBandStore store, AuditLog audit, MessageSource messages) {
        this.campaignScope = campaignScope;
        this.store = store;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/campaigns/{id}/grades")
    @PreAuthorize(AnalysisApi.ANALYSTS)
    String show(@PathVariable long id, Locale locale, Model model) {
        FieldCampaign campaign = campaignScope.within(id);
        GradeBands bands = store.forCampaign(id, campaign.methodologyCode());
        List<Row> rows = new ArrayList<>();
        bands.bands().forEach(b -> rows.add(new Row(b.code(), b.label().vi(), b.label().en(), new Percent(locale).number(b.minimumPct()))));
        return page(campaign, rows, List.of(), model);
    }

    @PostMapping("/campaigns/{id}/grades")
    @PreAuthorize(AnalysisApi.ANALYSTS)
    String save(@PathVariable long id, @RequestParam(name = "code", required = false) List<String> codes,
                @RequestParam(name = "labelVi", required = false) List<String> labelsVi,
                @RequestParam(name = "labelEn", required = false) List<String> labelsEn,
                @RequestParam(name = "minimum", required = false) List<String> minimums,
                Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        FieldCampaign campaign = campaignScope.within(id);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < size(codes, labelsVi, labelsEn, minimums); i++) {
            rows.add(new Row(at(codes, i), at(labelsVi, i), at(labelsEn, i), at(minimums, i)));
        }
        List<String> errors = new ArrayList<>();
        List<GradeBands.Band> bands = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.code().isEmpty() && row.labelVi().isEmpty() && row.labelEn().isEmpty() && row.minimum().isEmpty()) {
                continue;
            }
            int line = i + 1;
            if (row.code().isEmpty()) {
                errors.add(message("index.grades.error.code", line, locale));
            }
            if (row.labelVi().isEmpty()) {
                errors.add(message("index.grades.error.label", line, locale));
            }
            Double minimum = minimum(row.minimum());
            if (minimum == null) {
                errors.add(message("index.grades.error.minimum", line, locale));
            }
            if (!row.code().isEmpty() && !row.labelVi().isEmpty() && minimum != null) {
                bands.add(new GradeBands.Band(row.code(), Label.of(row.labelVi(), row.labelEn().isEmpty() ? null : row.labelEn()), minimum));
            }
        }
        GradeBands set = null;
        if (errors.isEmpty()) {
            try {
                set = new GradeBands(bands);
            } catch (IllegalArgumentException twice) {
                errors.add(message("index.grades.error.set", twice.getMessage(), locale));
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return page(campaign, rows, errors, model);
        }
        GradeBands before = store.forCampaign(id, campaign.methodologyCode());
        store.replaceForCampaign(id, set);
        audit.record("grade-bands.replace", "campaign", Long.toString(id), before.bands(), set.bands(), null);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/campaigns/" + id + "/grades";
    }

    private String page(FieldCampaign campaign, List<Row> filled, List<String> errors, Model model) {
        List<Row> rows = new ArrayList<>(filled);
        while (rows.size() < Math.max(ROWS, filled.size() + 2)) {
            rows.add(new Row("", "", "", ""));
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        return VIEW;
    }

    /** A minimum in percent, 0 to 100, with a decimal comma or point; null when it is not one. */
    private static Double minimum(String typed) {
        OptionalDouble value = Formats.decimal(typed);
        return value.isPresent() && value.getAsDouble() >= 0 && value.getAsDouble() <= 100 ? value.getAsDouble() : null;
    }

    private String message(String key, Object argument, Locale locale) {
        return messages.getMessage(key, new Object[] {argument}, locale);
    }

    @SafeVarargs
    private static int size(List<String>... columns) {
        int size = 0;
        for (List<String> column : columns) {
            size = Math.max(size, column == null ? 0 : column.size());
        }
        return size;
    }

    private static String at(List<String> column, int i) {
        return column == null || i >= column.size() || column.get(i) == null ? "" : column.get(i).strip();
    }
}
