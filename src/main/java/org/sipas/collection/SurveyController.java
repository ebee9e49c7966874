package org.sipas.collection;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

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

    SurveyController(SurveyTokens tokens, Methodologies methodologies, Questionnaires questionnaires, Drafts drafts,
                     Responses responses, SurveyPages pages) {
        this.tokens = tokens;
        this.methodologies = methodologies;
        this.questionnaires = questionnaires;
        this.drafts = drafts;
        this.responses = responses;
        this.pages = pages;
    }

    @GetMapping
    ModelAndView step(@PathVariable String token, @RequestParam(required = false) Integer step, Locale locale) {
        return open(token, HttpStatus.OK, sitting -> pages.show(sitting, step, locale));
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

    /** A submit repeated after the first was stored (a double click, a retry) lands on the thanks page, not on an error. */
    @PostMapping("/submit")
    ModelAndView submit(@PathVariable String token, Locale locale) {
        if (tokens.find(token).filter(SurveyToken::isUsed).isPresent()) {
            return new ModelAndView("redirect:/s/" + token + "/thanks");
        }
        return open(token, HttpStatus.CONFLICT,
                sitting -> pages.submit(sitting, locale).orElseGet(() -> closedPage(token, HttpStatus.CONFLICT)));
    }

    /** Thanks once the response is stored; before that, back to the questionnaire. */
    @GetMapping("/thanks")
    ModelAndView thanks(@PathVariable String token) {
        Optional<SurveyToken> found = tokens.find(token);
        if (found.isEmpty() || !found.get().isUsed()) {
            return new ModelAndView("redirect:/s/" + token);
        }
        return pages.thanks(sitting(found.get()));
    }

    /** Runs {@code page} for an open token; otherwise the polite page saying why it cannot be answered. */
    private ModelAndView open(String token, HttpStatus whenAnswered, Function<Sitting, ModelAndView> page) {
        Optional<SurveyToken> found = tokens.find(token);
        if (found.isEmpty() || found.get().isUsed() || found.get().isExpired(Instant.now())) {
            return closedPage(token, whenAnswered);
        }
        return page.apply(sitting(found.get()));
    }

    private ModelAndView closedPage(String token, HttpStatus whenAnswered) {
        String path = "/s/" + token;
        return tokens.find(token).map(t -> t.isUsed() ? SurveyPages.closed(path, "answered", whenAnswered)
                        : SurveyPages.closed(path, "expired", HttpStatus.GONE))
                .orElseGet(() -> SurveyPages.closed(path, "unknown", HttpStatus.NOT_FOUND));
    }

    private Sitting sitting(SurveyToken token) {
        Questionnaire questionnaire = questionnaires.of(methodologies.find(token.methodologyCode(),
                token.methodologyVersion()).orElseThrow(), token.unitId());
        return new TokenSitting(token, questionnaire, questionnaires.unitName(token.unitId()), drafts, responses);
    }
}
