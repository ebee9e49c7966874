package org.sipas.feedback;

import java.util.List;

import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;
import org.sipas.methodology.QuestionType;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The page that says which answer of each methodology version means "you may contact me" (DESIGN §8). */
@Controller
class ConsentPages {

    private static final String ADMINS = "hasAnyRole('ADMIN','PROVINCE_ADMIN')";

    private final ContactConsents consents;
    private final Methodologies methodologies;

    ConsentPages(ContactConsents consents, Methodologies methodologies) {
        this.consents = consents;
        this.methodologies = methodologies;
    }

    /** A version with its consenting answer (null: none) and the select questions that could hold one. */
    record VersionConsent(Methodology methodology, ContactConsents.Consent consent, List<Question> selects) {

        public String key() {
            return methodology.code() + "/" + methodology.version();
        }
    }

    @GetMapping("/feedback/consent")
    @PreAuthorize(ADMINS)
    String consent(Model model) {
        List<ContactConsents.Consent> set = consents.all();
        model.addAttribute("versions", methodologies.all().stream().map(m -> new VersionConsent(m,
                set.stream().filter(c -> c.methodologyCode().equals(m.code()) && c.methodologyVersion() == m.version())
                        .findFirst().orElse(null),
                m.questions().filter(q -> q.type() == QuestionType.SELECT_ONE || q.type() == QuestionType.SELECT_MULTIPLE)
                        .toList())).toList());
        return "feedback/consent";
    }

    @PostMapping("/feedback/consent")
    @PreAuthorize(ADMINS)
    String setConsent(@RequestParam String methodology, @RequestParam(required = false) String question,
                      @RequestParam(required = false) String code, @RequestParam(defaultValue = "false") boolean remove) {
        String[] version = methodology.strip().split("/");
        int number;
        try {
            number = version.length == 2 ? Integer.parseInt(version[1]) : -1;
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 0) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "not a methodology version code/version (methodology): "
                    + methodology);
        }
        if (remove) {
            consents.remove(version[0], number);
        } else {
            if (question == null || question.isBlank() || code == null || code.isBlank()) {
                throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "consent needs a question and an option (question, code)");
            }
            consents.set(version[0], number, question.strip(), code.strip());
        }
        return "redirect:/feedback/consent";
    }
}
