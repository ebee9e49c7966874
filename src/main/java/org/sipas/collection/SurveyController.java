package org.sipas.collection;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.sipas.campaign.FieldCampaigns;
import org.sipas.methodology.Methodologies;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The questionnaire a citizen answers at {@code /s/{token}}, without logging in. */
@Controller
@RequestMapping("/s/{token}")
class SurveyController {

    private final SurveyTokens tokens;
    private final Methodologies methodologies;
    private final Questionnaires questionnaires;
    private final Drafts drafts;
    private final Responses responses;
    private final SurveyPages pages;
    private final ResponseStore store;
    private final FieldCampaigns fieldCampaigns;
    private final ClosedLinks closedLinks;

    SurveyController(SurveyTokens tokens, Methodologies methodologies, Questionnaires questionnaires, Drafts drafts,
                     Responses responses, SurveyPages pages, ResponseStore store, FieldCampaigns fieldCampaigns,
                     ClosedLinks closedLinks) {
        this.closedLinks = closedLinks;
        this.store = store;
        this.fieldCampaigns = fieldCampaigns;
        this.tokens = tokens;
        this.methodologies = methodologies;
        this.questionnaires = questionnaires;
        this.drafts = drafts;
        this.responses = responses;
        this.pages = pages;
    }

    @GetMapping
    ModelAndView step(@PathVariable String token, @RequestParam(required = false) Integer step, Locale locale) {
        return open(token, HttpStatus.CONFLICT, sitting -> pages.show(sitting, step, locale));
    }

    @PostMapping
    ModelAndView answer(@PathVariable String token, @RequestParam int step, @RequestParam(defaultValue = "next") String go,
                        @RequestParam MultiValueMap<String, String> form, Locale locale) {
        return open(token, HttpStatus.CONFLICT, sitting -> pages.answer(sitting, step, go, form, locale));
    }

    @PostMapping("/relevance")
    ModelAndView relevance(@PathVariable String token, @RequestParam int step,
                           @RequestParam MultiValueMap<String, String> form, Locale locale) {
        return open(token, HttpStatus.CONFLICT, sitting -> pages.relevance(sitting, step, form, locale));
    }

    /**
     * Stores the answers. A browser that sends the same submit again (a double click, a retry after
     * the connection dropped) carries the form's key: the retry of a stored submit is thanked, and
     * two at once store one response (the store returns the first to the second). A campaign closed
     * since the page was shown is found by the store, and answered with the closed page.
     */
    @PostMapping("/submit")
    ModelAndView submit(@PathVariable String token, @RequestParam(required = false) String key, Locale locale) {
        String submitKey = key == null || key.length() < 8 || key.length() > 200 ? null : key;
        if (submitKey != null && store.storedWith(token, submitKey)) {
            return new ModelAndView("redirect:/s/" + token + "/thanks");
        }
        try {
            return open(token, HttpStatus.CONFLICT, submitKey,
                    sitting -> pages.submit(sitting, locale).orElseGet(() -> closedPage(token, HttpStatus.CONFLICT)));
        } catch (IdempotencyKeyReused reused) {
            // a form copied from another link's page: nothing was stored, and this link stays open
            return SurveyPages.closed("/s/" + token, "keyReused", HttpStatus.UNPROCESSABLE_CONTENT);
        }
    }

    /** Thanks once the response is stored; before that, back to the questionnaire. */
    @GetMapping("/thanks")
    ModelAndView thanks(@PathVariable String token) {
        Optional<SurveyToken> found = tokens.find(token);
        if (found.isEmpty() || !found.get().isUsed()) {
            return new ModelAndView("redirect:/s/" + token);
        }
        return pages.thanks(sitting(found.get(), null));
    }

    /** Runs {@code page} for an open token; otherwise the polite page saying why it cannot be answered. */
    private ModelAndView open(String token, HttpStatus whenAnswered, Function<Sitting, ModelAndView> page) {
        return open(token, whenAnswered, null, page);
    }

    private ModelAndView open(String token, HttpStatus whenAnswered, String submitKey, Function<Sitting, ModelAndView> page) {
        Optional<SurveyToken> found = tokens.find(token);
        if (found.isEmpty() || closedLinks.reason(found.get()).isPresent()) {
            return closedPage(token, whenAnswered);
        }
        return page.apply(sitting(found.get(), submitKey));
    }

    /**
     * The polite page: 404 for a link that never existed, 410 for one whose time is over, 409 (or
     * {@code whenAnswered}) for one already answered; a campaign's link names the unit and the
     * campaign it was about, so that the respondent knows which survey it was.
     */
    private ModelAndView closedPage(String token, HttpStatus whenAnswered) {
        String path = "/s/" + token;
        Optional<SurveyToken> found = tokens.find(token);
        if (found.isEmpty()) {
            return SurveyPages.closed(path, "unknown", HttpStatus.NOT_FOUND);
        }
        SurveyToken closed = found.get();
        String reason = closedLinks.reason(closed).orElse("answered");
        HttpStatus status = switch (reason) {
            case "expired", "campaignClosed" -> HttpStatus.GONE;
            case "personAnswered", "emailAnswered" -> HttpStatus.CONFLICT;
            default -> whenAnswered;
        };
        ModelAndView page = SurveyPages.closed(path, reason, status);
        page.addObject("expiresAt", closed.expiresAt());
        if (closed.unitId() != null) {
            page.addObject("unitName", questionnaires.unitName(closed.unitId()));
        }
        if (closed.campaignId() != null) {
            fieldCampaigns.find(closed.campaignId()).ifPresent(c -> page.addObject("campaignName", c.name()));
        }
        return page;
    }

    private Sitting sitting(SurveyToken token, String submitKey) {
        Questionnaire questionnaire = questionnaires.of(methodologies.find(token.methodologyCode(),
                token.methodologyVersion()).orElseThrow(), token.unitId());
        return new TokenSitting(token, questionnaire, questionnaires.unitName(token.unitId()), drafts, responses, submitKey);
    }
}
