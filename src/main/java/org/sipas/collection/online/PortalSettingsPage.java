package org.sipas.collection.online;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCampaign;
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
 * Whether a campaign also takes answers on its open portal page, and on which days
 * ({@code /campaigns/{id}/portal}): set by an ADMIN or PROVINCE_ADMIN whose scope holds the
 * campaign. The page shows the portal's link and its QR code, to print on a poster at the
 * one-stop section.
 */
@Controller
class PortalSettingsPage {

    static final String VIEW = "collection/online/portal-settings";
    static final String MANAGERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN')";

    private final CampaignScope access;
    private final PortalSurveys portals;
    private final SurveyLinks links;
    private final MessageSource messages;

    PortalSettingsPage(CampaignScope access, PortalSurveys portals, SurveyLinks links, MessageSource messages) {
        this.access = access;
        this.portals = portals;
        this.links = links;
        this.messages = messages;
    }

    @GetMapping("/campaigns/{id}/portal")
    @PreAuthorize(MANAGERS)
    String settings(@PathVariable long id, Model model, Locale locale) {
        FieldCampaign campaign = access.within(id);
        String url = links.portal(id);
        model.addAttribute("campaign", campaign);
        PortalSurvey portal = portals.of(id);
        model.addAttribute("portal", portal);
        model.addAttribute("updatedAt", Formats.dateTime(portal.updatedAt()));
        model.addAttribute("url", url);
        model.addAttribute("qr", QrCodes.svg(url, messages.getMessage("online.portal.qrLabel", new Object[] {campaign.name()}, locale)));
        return VIEW;
    }

    @PostMapping("/campaigns/{id}/portal")
    @PreAuthorize(MANAGERS)
    String save(@PathVariable long id, @RequestParam(defaultValue = "false") boolean enabled,
                @RequestParam(required = false) String opensOn, @RequestParam(required = false) String closesOn,
                RedirectAttributes redirect) {
        access.within(id);
        try {
            portals.save(id, enabled, day(opensOn, "online.portal.opensOn.invalid"), day(closesOn, "online.portal.closesOn.invalid"));
            redirect.addFlashAttribute("done", "online.portal.saved");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/campaigns/" + id + "/portal";
    }

    /** A day from the form's date field (yyyy-MM-dd as browsers send it, or dd/MM/yyyy as typed), or null when blank. */
    private static LocalDate day(String value, String problem) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String day = value.strip();
            return day.contains("/") ? LocalDate.parse(day, Formats.DATE) : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(problem);
        }
    }
}
