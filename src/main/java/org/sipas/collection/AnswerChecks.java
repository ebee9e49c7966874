package org.sipas.collection;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sipas.collection.AnswerRules.Problem;
import org.sipas.collection.Questionnaire.Walk;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A whole questionnaire's answers checked at once, as an interview, a synced device or a keyed
 * paper brings them: the same rules as the respondent's own pages (skip logic, required, offered
 * codes, types, constraints), so that no channel stores what the web form would refuse.
 */
@Service
public class AnswerChecks {

    /**
     * The outcome of a check.
     *
     * @param stored   the answers to store (question name → stored value); answers to questions not asked are dropped
     * @param asked    the questions the answers make relevant, in the questionnaire's order
     * @param problems question name → what is wrong, in the caller's language; empty when the answers may be stored
     */
    public record Checked(Map<String, String> stored, Set<String> asked, Map<String, String> problems) {

        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    private final Methodologies methodologies;
    private final Questionnaires questionnaires;
    private final MessageSource messages;

    AnswerChecks(Methodologies methodologies, Questionnaires questionnaires, MessageSource messages) {
        this.methodologies = methodologies;
        this.questionnaires = questionnaires;
        this.messages = messages;
    }

    /**
     * Checks answers as typed (codes for scales and choices, codes separated by spaces for a
     * select_multiple, dates dd/MM/yyyy, the staff code for an official).
     *
     * @param unitId the unit the answers are about (its officials may be picked); null: the official question is not asked
     */
    public Checked check(String methodologyCode, int version, Long unitId, Map<String, String> typed, Locale locale) {
        Methodology methodology = methodologies.find(methodologyCode, version).orElseThrow(() -> new IllegalArgumentException(
                "No methodology " + methodologyCode + " version " + version));
        Questionnaire questionnaire = questionnaires.of(methodology, unitId);
        Map<String, String> answered = new LinkedHashMap<>();
        typed.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                answered.put(name, value.strip());
            }
        });
        Walk walk = questionnaire.walk(new Answers(answered));
        Map<String, String> problems = new LinkedHashMap<>();
        for (int step = 0; step < questionnaire.steps(); step++) {
            questionnaire.problems(step, walk).forEach((question, problem) -> problems.put(question, text(problem, locale)));
        }
        return new Checked(walk.stored(), walk.asked(), problems);
    }

    private String text(Problem problem, Locale locale) {
        return problem.message() != null ? problem.message().in(locale)
                : messages.getMessage(problem.key(), problem.args().toArray(), locale);
    }
}
