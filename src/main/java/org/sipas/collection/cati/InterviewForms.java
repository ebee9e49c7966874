package org.sipas.collection.cati;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sipas.campaign.FieldCase;
import org.sipas.catalog.CatalogCodes;
import org.sipas.collection.AnswerChecks;
import org.sipas.collection.AnswerChecks.Checked;
import org.sipas.collection.QuestionView;
import org.sipas.collection.StepViews;
import org.sipas.methodology.Expression;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Lays out a case's questionnaire for the interviewer, checked by the same rules as every channel
 * ({@link AnswerChecks}): which questions the answers make relevant, and what is wrong.
 */
@Component
class InterviewForms {

    /** The fields the form's questions are drawn with. */
    private static final String FIELD = QuestionView.FIELD;
    /** Reading a question aloud and hearing the answer takes about this long. */
    private static final int SECONDS_PER_QUESTION = 20;

    private final Methodologies methodologies;
    private final AnswerChecks checks;
    private final CatalogCodes catalog;
    private final StepViews views;

    InterviewForms(Methodologies methodologies, AnswerChecks checks, CatalogCodes catalog, StepViews views) {
        this.methodologies = methodologies;
        this.checks = checks;
        this.catalog = catalog;
        this.views = views;
    }

    /** The answers a form posted, as typed: several boxes of a select_multiple joined by spaces. */
    static Map<String, String> typed(MultiValueMap<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((field, values) -> {
            if (field.startsWith(FIELD)) {
                String value = String.join(" ", values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList());
                if (!value.isEmpty()) {
                    typed.put(field.substring(FIELD.length()), value);
                }
            }
        });
        return typed;
    }

    Checked check(FieldCase fieldCase, Map<String, String> typed, Locale locale) {
        return checks.check(fieldCase.methodologyCode(), fieldCase.methodologyVersion(), fieldCase.unitId(), typed, locale);
    }

    /**
     * The interview form.
     *
     * @param showProblems false: a blank or refreshed form, whose unanswered questions are not errors yet
     */
    Interview form(FieldCase fieldCase, Map<String, String> typed, Checked checked, boolean showProblems, Locale locale) {
        Methodology methodology = methodologies.find(fieldCase.methodologyCode(), fieldCase.methodologyVersion()).orElseThrow();
        Set<String> live = new HashSet<>();
        methodology.questions().filter(q -> q.relevant() != null)
                .forEach(q -> live.addAll(Expression.parse(q.relevant()).references()));
        List<String> conditional = methodology.questions().filter(q -> q.relevant() != null).map(Question::name).toList();
        List<Interview.Part> parts = methodology.sections().stream()
                .map(s -> new Interview.Part(s.title().in(locale), s.questions().stream()
                        .map(q -> {
                            boolean asked = checked.asked().contains(q.name());
                            return views.question(methodology, q, typed.getOrDefault(q.name(), ""),
                                    showProblems ? checked.problems().get(q.name()) : null, asked, live.contains(q.name()),
                                    () -> asked ? catalog.officialsOf(fieldCase.unitId()) : List.of(), locale);
                        })
                        .toList()))
                .filter(p -> !p.questions().isEmpty())
                .toList();
        int minutes = Math.max(2, (int) Math.ceil(checked.asked().size() * SECONDS_PER_QUESTION / 60.0));
        return new Interview(parts, conditional, minutes);
    }

    /** For a partial interview: the problems that are more than a question not reached (a wrong code, a bad date). */
    static Map<String, String> problemsOfAnswered(Checked checked, Map<String, String> typed) {
        Map<String, String> problems = new LinkedHashMap<>(checked.problems());
        problems.keySet().removeIf(name -> !typed.containsKey(name));
        return problems;
    }
}
