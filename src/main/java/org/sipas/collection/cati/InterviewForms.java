package org.sipas.collection.cati;

import java.util.Arrays;
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
import org.sipas.collection.cati.Interview.Item;
import org.sipas.collection.cati.Interview.Option;
import org.sipas.collection.cati.Interview.Widget;
import org.sipas.methodology.AnswerScale;
import org.sipas.methodology.Expression;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;
import org.sipas.methodology.QuestionType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Lays out a case's questionnaire for the interviewer, checked by the same rules as every channel
 * ({@link AnswerChecks}): which questions the answers make relevant, and what is wrong.
 */
@Component
class InterviewForms {

    /** The prefix of an answer's form field, so that a question named like a control field (note, outcome) cannot clash. */
    static final String FIELD = "a.";
    /** Reading a question aloud and hearing the answer takes about this long. */
    private static final int SECONDS_PER_QUESTION = 20;

    private final Methodologies methodologies;
    private final AnswerChecks checks;
    private final CatalogCodes catalog;
    private final MessageSource messages;

    InterviewForms(Methodologies methodologies, AnswerChecks checks, CatalogCodes catalog, MessageSource messages) {
        this.methodologies = methodologies;
        this.checks = checks;
        this.catalog = catalog;
        this.messages = messages;
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
                        .map(q -> item(methodology, fieldCase, q, typed.getOrDefault(q.name(), ""),
                                showProblems ? checked.problems().get(q.name()) : null, checked.asked().contains(q.name()),
                                live.contains(q.name()), locale))
                        .toList()))
                .filter(p -> !p.questions().isEmpty())
                .toList();
        int minutes = Math.max(2, (int) Math.ceil(checked.asked().size() * SECONDS_PER_QUESTION / 60.0));
        return new Interview(parts, conditional, minutes);
    }

    private Item item(Methodology methodology, FieldCase fieldCase, Question question, String value, String error,
                      boolean asked, boolean live, Locale locale) {
        Set<String> chosen = Set.copyOf(Arrays.asList(value.split(" ")));
        List<Option> options = List.of();
        List<Option> apart = List.of();
        Widget widget;
        switch (question.type()) {
            case SCALE -> {
                AnswerScale scale = methodology.scale(question.scale()).orElseThrow();
                widget = Widget.SCALE;
                options = levels(scale.levels(), chosen, locale);
                apart = levels(scale.excluded(), chosen, locale);
            }
            case SELECT_ONE, SELECT_MULTIPLE -> {
                widget = question.type() == QuestionType.SELECT_ONE ? Widget.CHOICE : Widget.CHOICES;
                options = methodology.choiceList(question.choices()).orElseThrow().choices().stream()
                        .map(c -> new Option(c.code(), c.label().in(locale), chosen.contains(c.code()))).toList();
            }
            case OFFICIAL -> {
                widget = Widget.OFFICIAL;
                options = asked ? catalog.officialsOf(fieldCase.unitId()).stream()
                        .map(o -> new Option(o.staffCode(), o.title() == null ? o.fullName() : o.fullName() + " — " + o.title(),
                                o.staffCode().equals(value)))
                        .toList() : List.of();
            }
            case INTEGER -> widget = Widget.NUMBER;
            case DATE -> widget = Widget.DATE;
            default -> widget = Widget.TEXT;
        }
        String hint = question.hint() == null ? null : question.hint().in(locale);
        if (widget == Widget.DATE) {
            String format = messages.getMessage("survey.date.hint", null, locale);
            hint = hint == null ? format : hint + " (" + format + ")";
        }
        return new Item(question.name(), widget, question.label().in(locale), hint, question.required(), options, apart,
                value, error, asked, live);
    }

    private static List<Option> levels(List<AnswerScale.Level> levels, Set<String> chosen, Locale locale) {
        return levels.stream().map(l -> new Option(Integer.toString(l.code()), l.label().in(locale),
                chosen.contains(Integer.toString(l.code())))).toList();
    }

    /** For a partial interview: the problems that are more than a question not reached (a wrong code, a bad date). */
    static Map<String, String> problemsOfAnswered(Checked checked, Map<String, String> typed) {
        Map<String, String> problems = new LinkedHashMap<>(checked.problems());
        problems.keySet().removeIf(name -> !typed.containsKey(name));
        return problems;
    }
}
