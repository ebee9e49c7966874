package org.sipas.collection;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.sipas.collection.AnswerRules.Problem;
import org.sipas.catalog.CatalogCodes.UnitOfficial;
import org.sipas.methodology.Expression;
import org.sipas.methodology.Label;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;
import org.sipas.methodology.QuestionType;
import org.sipas.methodology.Section;

/**
 * A methodology's questionnaire as one respondent walks it: each section is a step; a question is
 * asked when its {@code relevant} expression holds for the answers before it; the answers of a
 * step are checked before the next step opens, and all of them again on submit.
 *
 * <p>The {@code official} question is asked only when the token names a unit: the respondent
 * picks among that unit's officials. Without a unit (a preview, a token for no dossier) it is
 * skipped rather than asked as a free-text name, which could not be coded against the catalog
 * and would put an unchecked name of a public servant into the data.
 */
final class Questionnaire {

    /**
     * What the answers ask for: the questions asked, in order, and the answers to them, typed and
     * as stored. An answer to a question that is not asked is dropped, as ODK clears a
     * non-relevant one, so a later expression reads it as unanswered.
     */
    record Walk(Answers answers, Map<String, String> stored, Set<String> asked) {
    }

    private final Methodology methodology;
    private final boolean unitKnown;
    private final AnswerRules rules;
    private final Map<String, Expression> relevance = new HashMap<>();
    /** The choice filters of cascading selects, by question name. */
    private final Map<String, Expression> filters = new HashMap<>();
    /** The expressions of the form's {@code calculate} rows, by name. */
    private final Map<String, Expression> calculations = new HashMap<>();

    /** @param officials the officials of the token's unit, or null when the token names no unit */
    Questionnaire(Methodology methodology, Supplier<List<UnitOfficial>> officials) {
        this.methodology = methodology;
        this.unitKnown = officials != null;
        this.rules = new AnswerRules(methodology, unitKnown ? officials : List::of);
        methodology.questions().filter(q -> q.relevant() != null)
                .forEach(q -> relevance.put(q.name(), Expression.compiled(q.relevant())));
        methodology.questions().filter(q -> q.choiceFilter() != null)
                .forEach(q -> filters.put(q.name(), Expression.compiled(q.choiceFilter())));
        methodology.questions().filter(q -> (q.type() == QuestionType.CALCULATE || q.readOnly()) && q.calculation() != null)
                .forEach(q -> calculations.put(q.name(), Expression.compiled(q.calculation())));
    }

    Methodology methodology() {
        return methodology;
    }

    /** The officials a respondent may pick for an {@code official} question. */
    List<UnitOfficial> officials() {
        return rules.officials();
    }

    /** The number of steps before the summary; step {@code steps()} is the summary. */
    int steps() {
        return methodology.sections().size();
    }

    Section section(int step) {
        return methodology.sections().get(step);
    }

    Walk walk(Answers typed) {
        Map<String, String> kept = new LinkedHashMap<>();
        Map<String, String> stored = new LinkedHashMap<>();
        Set<String> asked = new LinkedHashSet<>();
        methodology.questions().forEach(question -> {
            if (question.type() == QuestionType.CALCULATE) {
                // computed here for every channel, whatever a client sent under its name
                calculated(question, stored).ifPresent(value -> stored.put(question.name(), value));
                return;
            }
            if (!isAsked(question, stored)) {
                return;
            }
            asked.add(question.name());
            // a read-only answer is the form's, not the respondent's: a changed value sent is ignored
            String answer = question.readOnly() ? fixed(question, stored) : typed.get(question.name());
            if (!answer.isEmpty()) {
                kept.put(question.name(), answer);
                stored.put(question.name(), rules.stored(question, answer));
            }
        });
        return new Walk(new Answers(kept), stored, asked);
    }

    /**
     * The value of a calculate for the answers before it, as ODK computes it: blank when it is not
     * relevant, and blank rather than ODK's "NaN" while a number it reads is not known yet
     * ({@code ${a} + ${b}} before b is answered); an {@code if} or {@code coalesce} over blanks
     * still has its value.
     */
    private java.util.Optional<String> calculated(Question question, Map<String, String> storedSoFar) {
        Expression calculation = calculations.get(question.name());
        Expression relevant = relevance.get(question.name());
        if (calculation == null || relevant != null && !relevant.test(name -> storedSoFar.getOrDefault(name, ""), "")) {
            return java.util.Optional.empty();
        }
        String value = calculation.value(name -> storedSoFar.getOrDefault(name, ""));
        return value.isEmpty() || value.equals("NaN") ? java.util.Optional.empty() : java.util.Optional.of(value);
    }

    /** What a read-only question answers, as typed: its calculation when it has one, else its default, else nothing. */
    private String fixed(Question question, Map<String, String> storedSoFar) {
        if (calculations.containsKey(question.name())) {
            return calculated(question, storedSoFar).orElse("");
        }
        return question.defaultValue() == null ? "" : StepViews.typedDefault(question);
    }

    /** The questions of {@code step} that a relevance expression of the same step reads: answering them can change what the step asks. */
    Set<String> triggers(int step) {
        Set<String> triggers = new LinkedHashSet<>();
        section(step).questions().stream().map(q -> relevance.get(q.name())).filter(e -> e != null)
                .forEach(e -> triggers.addAll(inputs(e)));
        // the level above a cascade changes what the level below offers
        section(step).questions().stream().map(q -> filters.get(q.name())).filter(e -> e != null)
                .forEach(e -> triggers.addAll(inputs(e)));
        return triggers;
    }

    /** The answers an expression reads, through the calculations it reads to the answers they read. */
    private Set<String> inputs(Expression expression) {
        Set<String> inputs = new LinkedHashSet<>();
        java.util.Deque<String> open = new java.util.ArrayDeque<>(expression.references());
        while (!open.isEmpty()) {
            String name = open.pop();
            if (inputs.add(name) && calculations.containsKey(name)) {
                open.addAll(calculations.get(name).references());
            }
        }
        return inputs;
    }

    /** Whether a question of {@code step} may be asked or not, depending on answers. */
    boolean isConditional(Question question) {
        return relevance.containsKey(question.name()) || filters.containsKey(question.name());
    }

    /** The problems of the asked questions of {@code step}, by question name, in order. */
    Map<String, Problem> problems(int step, Walk walk) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        for (Question question : section(step).questions()) {
            if (!walk.asked().contains(question.name())) {
                continue;
            }
            String answer = walk.answers().get(question.name());
            if (answer.isEmpty()) {
                if (question.required()) {
                    // the form's own words when it has a required_message, else sipas's
                    Label own = question.requiredMessage();
                    problems.put(question.name(), own == null ? AnswerRules.REQUIRED
                            : new Problem(AnswerRules.REQUIRED.key(), List.of(), own));
                }
                continue;
            }
            rules.check(question, answer, name -> walk.stored().getOrDefault(name, ""))
                    .ifPresent(problem -> problems.put(question.name(), problem));
        }
        return problems;
    }

    /** The first step with a problem, re-checking everything before a submit. */
    OptionalInt firstStepWithProblems(Walk walk) {
        return IntStream.range(0, steps()).filter(step -> !problems(step, walk).isEmpty()).findFirst();
    }

    /** The step after {@code step} that asks something, or the summary. */
    int next(int step, Walk walk) {
        return IntStream.range(step + 1, steps()).filter(s -> asksAnything(s, walk)).findFirst().orElse(steps());
    }

    /** The step before {@code step} that asks something, or the first. */
    int previous(int step, Walk walk) {
        return IntStream.iterate(step - 1, s -> s >= 0, s -> s - 1).filter(s -> asksAnything(s, walk)).findFirst().orElse(0);
    }

    private boolean asksAnything(int step, Walk walk) {
        return section(step).questions().stream().anyMatch(q -> walk.asked().contains(q.name()));
    }

    private boolean isAsked(Question question, Map<String, String> storedSoFar) {
        if (question.type() == QuestionType.OFFICIAL && !unitKnown) {
            return false;
        }
        Expression relevant = relevance.get(question.name());
        if (relevant != null && !relevant.test(name -> storedSoFar.getOrDefault(name, ""), "")) {
            return false;
        }
        // a cascade's level is asked once the levels it is filtered by are answered: a page without
        // JavaScript then shows it, with the options they leave, on the next round trip
        Expression filter = filters.get(question.name());
        return filter == null || filter.references().stream().allMatch(name -> !storedSoFar.getOrDefault(name, "").isEmpty());
    }
}
