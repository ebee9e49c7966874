package org.sipas.collection.paper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.sipas.collection.AnswerChecks;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The keying screen for paper questionnaires ({@code /paper/entry}, role DATA_ENTRY): the clerk
 * keys the printed number, then the whole questionnaire in one compact form of code fields, Enter
 * moving to the next field (Tab without JavaScript), and is back at the number field for the next
 * paper. The second clerk of a paper gets the same empty form: nothing of the first pass is shown.
 */
@Controller
class PaperEntryPages {

    static final String CLERKS = "hasRole('DATA_ENTRY')";
    private static final String START = "collection/paper/entry-start";
    private static final String FORM = "collection/paper/entry";

    private final DoubleEntry doubleEntry;
    private final PaperSheets sheets;
    private final AnswerChecks checks;

    PaperEntryPages(DoubleEntry doubleEntry, PaperSheets sheets, AnswerChecks checks) {
        this.doubleEntry = doubleEntry;
        this.sheets = sheets;
        this.checks = checks;
    }

    /** The number field; with {@code number} keyed, opens that paper or says why not. */
    @GetMapping("/paper/entry")
    @PreAuthorize(CLERKS)
    String start(@RequestParam(required = false) String number, Model model, HttpServletResponse response) {
        if (number == null) {
            return START;
        }
        try {
            return "redirect:/paper/entry/" + doubleEntry.open(number).form().number();
        } catch (PaperRefused refused) {
            return refused(number, refused, model, response, 422);
        }
    }

    @GetMapping("/paper/entry/{number}")
    @PreAuthorize(CLERKS)
    String form(@PathVariable String number, Model model, Locale locale, HttpServletResponse response) {
        DoubleEntry.Opening opening;
        try {
            opening = doubleEntry.open(number);
        } catch (PaperRefused refused) {
            return refused(number, refused, model, response, 422);
        }
        return form(opening, Map.of(), Map.of(), Instant.now(), model, locale);
    }

    @PostMapping("/paper/entry/{number}")
    @PreAuthorize(CLERKS)
    String key(@PathVariable String number, @RequestParam MultiValueMap<String, String> posted,
               @RequestParam(required = false) Long openedAt, Model model, Locale locale, HttpServletResponse response,
               RedirectAttributes redirect) {
        Map<String, String> keyed = keyed(posted);
        Instant opened = openedAt == null ? Instant.now() : Instant.ofEpochMilli(openedAt);
        DoubleEntry.Keyed outcome;
        try {
            outcome = doubleEntry.key(number, keyed, opened, locale);
        } catch (PaperRefused refused) {
            return refused(number, refused, model, response, 409);
        }
        if (outcome.outcome() == DoubleEntry.Outcome.INVALID) {
            response.setStatus(422);
            return form(doubleEntry.open(number), keyed, outcome.problems(), opened, model, locale);
        }
        redirect.addFlashAttribute("outcome", outcome.outcome().name());
        redirect.addFlashAttribute("keyedNumber", PaperNumber.tryParse(number).map(PaperNumber::printed).orElse(number));
        redirect.addFlashAttribute("differing", outcome.differing());
        return "redirect:/paper/entry";
    }

    /** Which questions the answers keyed so far ask: the entry form greys out the others as the clerk keys. */
    @PostMapping(value = "/paper/entry/{number}/asked", produces = "application/json")
    @PreAuthorize(CLERKS)
    @ResponseBody
    Map<String, Object> asked(@PathVariable String number, @RequestParam MultiValueMap<String, String> posted, Locale locale) {
        DoubleEntry.Opening opening = doubleEntry.open(number);
        PaperSheet sheet = sheets.sheet(opening.campaign().methodologyCode(), opening.campaign().methodologyVersion(),
                opening.form().unitId(), locale);
        AnswerChecks.Checked checked = checks.check(sheet.methodologyCode(), sheet.methodologyVersion(), opening.form().unitId(),
                sheet.typed(keyed(posted)), locale);
        return Map.of("asked", List.copyOf(checked.asked()));
    }

    /** The live skip request of a paper that may no longer be keyed (stored or keyed twice meanwhile). */
    @ExceptionHandler(PaperRefused.class)
    ResponseEntity<Map<String, String>> refusedAsking(PaperRefused refused) {
        return ResponseEntity.status(409).body(Map.of("refused", refused.key()));
    }

    private String form(DoubleEntry.Opening opening, Map<String, String> keyed, Map<String, String> problems, Instant openedAt,
                        Model model, Locale locale) {
        PaperSheet sheet = sheets.sheet(opening.campaign().methodologyCode(), opening.campaign().methodologyVersion(),
                opening.form().unitId(), locale);
        model.addAttribute("opening", opening);
        model.addAttribute("sheet", sheet);
        model.addAttribute("keyed", keyed);
        model.addAttribute("problems", problems);
        model.addAttribute("openedAt", openedAt.toEpochMilli());
        // without JavaScript the server says what is skipped when the form comes back with errors
        model.addAttribute("asked", keyed.isEmpty() ? null : checks.check(sheet.methodologyCode(), sheet.methodologyVersion(),
                opening.form().unitId(), sheet.typed(keyed), locale).asked());
        return FORM;
    }

    /** The number field again, with why the paper cannot be keyed next to it. */
    private String refused(String number, PaperRefused refused, Model model, HttpServletResponse response, int status) {
        model.addAttribute("number", number);
        model.addAttribute("numberError", refused.key());
        // a refusal may name the paper ("Phiếu số 12 00047 3 chưa được phát ra")
        model.addAttribute("numberErrorArgs", refused.args());
        response.setStatus(status);
        return START;
    }

    /** The answer fields of a posted form: {@code a.<question>} → value. */
    private static Map<String, String> keyed(MultiValueMap<String, String> posted) {
        Map<String, String> keyed = new LinkedHashMap<>();
        posted.forEach((field, values) -> {
            if (field.startsWith("a.") && values != null && !values.isEmpty()) {
                keyed.put(field.substring(2), String.join(" ", values).strip());
            }
        });
        return keyed;
    }
}
