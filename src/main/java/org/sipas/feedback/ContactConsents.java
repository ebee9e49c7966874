package org.sipas.feedback;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sipas.identity.AuditLog;
import org.sipas.methodology.ChoiceList;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;
import org.sipas.methodology.QuestionType;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which answer of a methodology version says "the respondent agrees to be contacted" (table
 * {@code contact_consent}, DESIGN §8): without it nobody on a case sees who complained. Set by an
 * administrator, checked against the version's questions and choices, audited. A case records at
 * its opening whether its response consented, so a later change does not reveal earlier raters.
 */
@Repository
class ContactConsents {

    /** The consenting answer: a code of a select question. */
    record Consent(String methodologyCode, int methodologyVersion, String question, String code) {

        /** Whether the stored answer (codes separated by spaces for select_multiple) holds the consenting code. */
        boolean givenIn(Map<String, String> answers) {
            String answer = answers.get(question);
            return answer != null && List.of(answer.strip().split("\\s+")).contains(code);
        }
    }

    private final JdbcClient jdbc;
    private final Methodologies methodologies;
    private final AuditLog audit;

    ContactConsents(JdbcClient jdbc, Methodologies methodologies, AuditLog audit) {
        this.jdbc = jdbc;
        this.methodologies = methodologies;
        this.audit = audit;
    }

    Optional<Consent> of(String methodologyCode, int version) {
        return jdbc.sql("""
                        SELECT methodology_code, methodology_version, question, code FROM contact_consent
                        WHERE methodology_code = :c AND methodology_version = :v""")
                .param("c", methodologyCode).param("v", version).query(Consent.class).optional();
    }

    List<Consent> all() {
        return jdbc.sql("SELECT methodology_code, methodology_version, question, code FROM contact_consent ORDER BY 1, 2")
                .query(Consent.class).list();
    }

    /**
     * Sets the consenting answer of a version, replacing the one before; audited.
     *
     * @throws ResponseStatusException 422 naming the field when the version, the question or the code is not the methodology's
     */
    @Transactional
    Consent set(String methodologyCode, int version, String question, String code) {
        Methodology methodology = methodologies.find(methodologyCode, version).orElseThrow(() -> invalid(
                "unknown methodology version (methodology): " + methodologyCode + "/" + version));
        Question asked = methodology.question(question).orElseThrow(() -> invalid(
                "no question " + question + " in " + methodologyCode + " v" + version + " (question)"));
        if (asked.type() != QuestionType.SELECT_ONE && asked.type() != QuestionType.SELECT_MULTIPLE) {
            throw invalid("consent is an option of a select question; " + question + " is " + asked.type() + " (question)");
        }
        ChoiceList choices = methodology.choiceList(asked.choices()).orElseThrow(() -> invalid(
                "the question " + question + " has no choice list (question)"));
        if (choices.choice(code).isEmpty()) {
            throw invalid("no option " + code + " in the choices of " + question + " (code)");
        }
        Optional<Consent> before = of(methodologyCode, version);
        Consent after = new Consent(methodologyCode, version, question, code);
        jdbc.sql("""
                        INSERT INTO contact_consent (methodology_code, methodology_version, question, code) VALUES (:c, :v, :q, :code)
                        ON CONFLICT (methodology_code, methodology_version) DO UPDATE SET question = EXCLUDED.question, code = EXCLUDED.code""")
                .param("c", methodologyCode).param("v", version).param("q", question).param("code", code).update();
        audit.record("contact-consent.set", "contact_consent", methodologyCode + "/" + version, before.orElse(null), after,
                question + " = " + code);
        return after;
    }

    /** No answer of the version consents any more (cases opened before keep theirs); audited. */
    @Transactional
    void remove(String methodologyCode, int version) {
        Optional<Consent> before = of(methodologyCode, version);
        if (before.isPresent()) {
            jdbc.sql("DELETE FROM contact_consent WHERE methodology_code = :c AND methodology_version = :v")
                    .param("c", methodologyCode).param("v", version).update();
            audit.record("contact-consent.removed", "contact_consent", methodologyCode + "/" + version, before.get(), null, null);
        }
    }

    private static ResponseStatusException invalid(String detail) {
        return new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
    }
}
