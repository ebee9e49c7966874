package org.sipas.quality;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.sipas.campaign.CampaignScope;
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
 * A campaign's quality settings as its administrators edit them: the flags' thresholds, the re-check
 * draw and whether undecided responses count. Shares are shown and typed as percents, decimals with
 * a comma or a point (Vietnamese writes 0,1); a value out of range is shown beside its field and
 * nothing is saved.
 */
@Controller
class SettingsPages {

    private static final String PAGE = "quality/settings";

    private final SettingsEditor editor;
    private final CampaignScope campaigns;

    SettingsPages(SettingsEditor editor, CampaignScope campaigns) {
        this.editor = editor;
        this.campaigns = campaigns;
    }

    /** The form's values as typed, so a rejected form comes back as the user left it. */
    record SettingsForm(boolean countUntilDecided, String recheckPercent, String recheckMinPerInterviewer, String minActiveSeconds,
                        String idleGapSeconds, String workingFrom, String workingTo, String maxDailyInterviews,
                        String straightLineMinimum, String maxDistanceKm, String chiSquareAlpha, String discrepancyPercent) {

        static SettingsForm of(QualitySettings s) {
            return new SettingsForm(s.countUntilDecided(), decimal(s.recheckShare() * 100), Integer.toString(s.recheckMinPerInterviewer()),
                    Integer.toString(s.minActiveSeconds()), Integer.toString(s.idleGapSeconds()), s.workingFrom().toString(),
                    s.workingTo().toString(), Integer.toString(s.maxDailyInterviews()), Integer.toString(s.straightLineMinimum()),
                    decimal(s.maxDistanceKm()), decimal(s.chiSquareAlpha()), decimal(s.discrepancyTolerance() * 100));
        }

        static SettingsForm of(Map<String, String> params) {
            return new SettingsForm("true".equals(params.get("countUntilDecided")), params.get("recheckPercent"),
                    params.get("recheckMinPerInterviewer"), params.get("minActiveSeconds"), params.get("idleGapSeconds"),
                    params.get("workingFrom"), params.get("workingTo"), params.get("maxDailyInterviews"),
                    params.get("straightLineMinimum"), params.get("maxDistanceKm"), params.get("chiSquareAlpha"),
                    params.get("discrepancyPercent"));
        }

        QualitySettings settings() {
            return new QualitySettings(countUntilDecided, number(recheckPercent, "recheckShare") / 100,
                    whole(recheckMinPerInterviewer, "recheckMinPerInterviewer"), whole(minActiveSeconds, "minActiveSeconds"),
                    whole(idleGapSeconds, "idleGapSeconds"), time(workingFrom, "workingFrom"), time(workingTo, "workingTo"),
                    whole(maxDailyInterviews, "maxDailyInterviews"), whole(straightLineMinimum, "straightLineMinimum"),
                    number(maxDistanceKm, "maxDistanceKm"), number(chiSquareAlpha, "chiSquareAlpha"),
                    number(discrepancyPercent, "discrepancyTolerance") / 100);
        }

        private static String decimal(double value) {
            String text = Double.toString(value);
            return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
        }

        private static double number(String typed, String field) {
            return Formats.decimal(typed).orElseThrow(() -> new SettingsEditor.InvalidSetting(field, "a number"));
        }

        private static int whole(String typed, String field) {
            try {
                return Integer.parseInt(typed == null ? "" : typed.strip());
            } catch (NumberFormatException e) {
                throw new SettingsEditor.InvalidSetting(field, "a whole number");
            }
        }

        private static LocalTime time(String typed, String field) {
            try {
                return LocalTime.parse(typed == null ? "" : typed.strip());
            } catch (DateTimeParseException e) {
                throw new SettingsEditor.InvalidSetting(field, "a time of day, HH:mm");
            }
        }
    }

    @GetMapping("/campaigns/{id}/quality-settings")
    @PreAuthorize(SettingsApi.ADMINS)
    String settings(@PathVariable long id, Model model) {
        model.addAttribute("campaign", campaigns.within(id));
        model.addAttribute("form", SettingsForm.of(editor.settings(id)));
        return PAGE;
    }

    @PostMapping("/campaigns/{id}/quality-settings")
    @PreAuthorize(SettingsApi.ADMINS)
    String save(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        SettingsForm form = SettingsForm.of(params);
        try {
            editor.save(id, form.settings());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/campaigns/" + id + "/quality-settings";
        } catch (SettingsEditor.InvalidSetting invalid) {
            model.addAttribute("campaign", campaigns.within(id));
            model.addAttribute("form", form);
            model.addAttribute("invalid", invalid.field);
            return PAGE;
        }
    }
}
