package org.sipas.collection;

import java.util.Locale;
import java.util.function.Function;

import jakarta.servlet.http.HttpSession;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Methodologies;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Staff try a methodology version as a citizen would see it, at
 * {@code /methodologies/{code}/{version}/preview} (login required): every check runs, nothing is
 * stored. There is no unit, so the official question is skipped.
 */
@Controller
@RequestMapping("/methodologies/{code}/{version}/preview")
class PreviewController {

    private final Methodologies methodologies;
    private final Questionnaires questionnaires;
    private final SurveyPages pages;

    PreviewController(Methodologies methodologies, Questionnaires questionnaires, SurveyPages pages) {
        this.methodologies = methodologies;
        this.questionnaires = questionnaires;
        this.pages = pages;
    }

    @GetMapping
    ModelAndView step(@PathVariable String code, @PathVariable int version, @RequestParam(required = false) Integer step,
                      HttpSession session, Locale locale) {
        return preview(code, version, session, sitting -> pages.show(sitting, step, locale));
    }

    @PostMapping
    ModelAndView answer(@PathVariable String code, @PathVariable int version, @RequestParam int step,
                        @RequestParam(defaultValue = "next") String go, @RequestParam MultiValueMap<String, String> form,
                        HttpSession session, Locale locale) {
        return preview(code, version, session, sitting -> pages.answer(sitting, step, go, form, locale));
    }

    @PostMapping("/relevance")
    ModelAndView relevance(@PathVariable String code, @PathVariable int version, @RequestParam int step,
                           @RequestParam MultiValueMap<String, String> form, HttpSession session, Locale locale) {
        return preview(code, version, session, sitting -> pages.relevance(sitting, step, form, locale));
    }

    @PostMapping("/submit")
    ModelAndView submit(@PathVariable String code, @PathVariable int version, HttpSession session, Locale locale) {
        // a preview always takes its answers: nothing to close
        return preview(code, version, session, sitting -> pages.submit(sitting, locale).orElseThrow());
    }

    @GetMapping("/thanks")
    ModelAndView thanks(@PathVariable String code, @PathVariable int version, HttpSession session) {
        return preview(code, version, session, pages::thanks);
    }

    private ModelAndView preview(String code, int version, HttpSession session, Function<Sitting, ModelAndView> page) {
        Methodology methodology = methodologies.find(code, version)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String path = "/methodologies/" + code + "/" + version + "/preview";
        return page.apply(new PreviewSitting(questionnaires.of(methodology, null), path, session));
    }
}
