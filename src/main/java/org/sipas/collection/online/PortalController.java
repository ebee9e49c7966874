package org.sipas.collection.online;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.FieldCampaigns;
import org.sipas.catalog.CatalogCodes;
import org.sipas.catalog.CatalogCodes.UnitRef;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.SurveyTokens;
import org.sipas.frame.PhoneHashes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A campaign's open portal survey ({@code /s/portal/{campaignId}}), for anyone who was served,
 * sampled or not: the respondent picks the unit and gives a phone number, kept only as its keyed
 * hash, one answer per phone and campaign. A sitting then runs on a survey token of channel
 * PORTAL at {@code /s/{token}}, so the steps, drafts, checks and submit are those of every link
 * and work with JavaScript off; the store's unique key on (campaign, phone hash) decides at submit
 * even if two sittings of the same phone race.
 */
@Controller
@RequestMapping("/s/portal/{campaignId}")
class PortalController {

    static final String VIEW = "collection/online/portal";
    static final String CLOSED = "collection/closed";

    private final FieldCampaigns fieldCampaigns;
    private final PortalSurveys portals;
    private final PortalRateLimit rateLimit;
    private final PhoneHashes phones;
    private final ResponseStore responses;
    private final SurveyTokens tokens;
    private final CatalogCodes catalog;

    PortalController(FieldCampaigns fieldCampaigns, PortalSurveys portals, PortalRateLimit rateLimit, PhoneHashes phones,
                     ResponseStore responses, SurveyTokens tokens, CatalogCodes catalog) {
        this.fieldCampaigns = fieldCampaigns;
        this.portals = portals;
        this.rateLimit = rateLimit;
        this.phones = phones;
        this.responses = responses;
        this.tokens = tokens;
        this.catalog = catalog;
    }

    @GetMapping
    ModelAndView form(@PathVariable long campaignId) {
        return open(campaignId).map(campaign -> page(campaign, null, "", Map.of(), HttpStatus.OK))
                .orElseGet(() -> closed(campaignId));
    }

    /**
     * The unit and phone posted: rate-limited per client address before anything else (so that
     * nobody can test phone numbers in bulk), checked, and answered with the respondent's sitting,
     * or the polite page saying this phone has answered already.
     */
    @PostMapping
    ModelAndView start(@PathVariable long campaignId, @RequestParam(required = false) String unit,
                       @RequestParam(required = false) String phone, HttpServletRequest request,
                       HttpServletResponse response) {
        Optional<Duration> wait = rateLimit.take(request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().toSeconds()));
            return polite(campaignId, "tooMany", HttpStatus.TOO_MANY_REQUESTS)
                    .addObject("retryMinutes", Math.max(1, (wait.get().toSeconds() + 59) / 60));
        }
        Optional<FieldCampaign> campaign = open(campaignId);
        if (campaign.isEmpty()) {
            return closed(campaignId);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<UnitRef> chosen = units(campaign.get()).stream().filter(u -> u.code().equals(unit)).findFirst();
        if (chosen.isEmpty()) {
            errors.put("unit", unit == null || unit.isBlank() ? "online.portal.error.unitRequired" : "online.portal.error.unitUnknown");
        }
        Optional<String> hash = phones.hash(phone);
        if (hash.isEmpty()) {
            errors.put("phone", phone == null || phone.isBlank() ? "online.portal.error.phoneRequired" : "online.portal.error.phoneInvalid");
        }
        if (!errors.isEmpty()) {
            return page(campaign.get(), unit, phone == null ? "" : phone, errors, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        if (responses.hasAnswered(campaignId, hash.get())) {
            return polite(campaignId, "personAnswered", HttpStatus.CONFLICT);
        }
        SurveyTokens.Issued sitting = tokens.forPortal(campaignId, campaign.get().methodologyCode(),
                campaign.get().methodologyVersion(), chosen.get().id(), hash.get());
        // 303: the browser fetches the questionnaire with GET, and a reload does not post the phone again
        ModelAndView redirect = new ModelAndView("redirect:/s/" + sitting.token());
        redirect.setStatus(HttpStatus.SEE_OTHER);
        return redirect;
    }

    /** The campaign, while it is in the field and its portal is open. */
    private Optional<FieldCampaign> open(long campaignId) {
        return fieldCampaigns.find(campaignId).filter(FieldCampaign::isInField)
                .filter(c -> portals.of(campaignId).isOpen(Instant.now()));
    }

    /** The units the campaign surveys, by name: those a portal respondent may rate. */
    private List<UnitRef> units(FieldCampaign campaign) {
        return fieldCampaigns.units(campaign.id()).stream().map(catalog::unit)
                .sorted(Comparator.comparing(UnitRef::name).thenComparing(UnitRef::code)).toList();
    }

    private ModelAndView page(FieldCampaign campaign, String unit, String phone, Map<String, String> errors, HttpStatus status) {
        ModelAndView page = new ModelAndView(VIEW, status);
        page.addObject("campaign", campaign).addObject("units", units(campaign)).addObject("unit", unit)
                .addObject("phone", phone).addObject("errors", errors)
                .addObject("here", "/s/portal/" + campaign.id());
        return page;
    }

    /** Not enabled (or no such campaign): 404; enabled but outside its days or the campaign's fieldwork: 410. */
    private ModelAndView closed(long campaignId) {
        boolean known = fieldCampaigns.find(campaignId).isPresent() && portals.of(campaignId).enabled();
        return known ? polite(campaignId, "portalClosed", HttpStatus.GONE) : polite(campaignId, "portalUnknown", HttpStatus.NOT_FOUND);
    }

    private ModelAndView polite(long campaignId, String reason, HttpStatus status) {
        ModelAndView page = new ModelAndView(CLOSED, status);
        page.addObject("reason", reason).addObject("here", "/s/portal/" + campaignId);
        fieldCampaigns.find(campaignId).filter(c -> portals.of(campaignId).enabled())
                .ifPresent(c -> page.addObject("campaignName", c.name()));
        return page;
    }
}
