package org.sipas.collection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.sipas.catalog.CatalogCodes.UnitOfficial;
import org.sipas.collection.AnswerRules.Problem;
import org.sipas.collection.QuestionView.Option;
import org.sipas.collection.QuestionView.Widget;
import org.sipas.collection.Questionnaire.Walk;
import org.sipas.methodology.AnswerScale;
import org.sipas.methodology.AnswerScale.Level;
import org.sipas.methodology.ChoiceList;
import org.sipas.methodology.Label;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;
import org.sipas.methodology.QuestionType;
import org.sipas.methodology.Section;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns a questionnaire and the answers so far into what the pages draw, in the reader's language. */
@Component
public class StepViews {

    private final MessageSource messages;

    StepViews(MessageSource messages) {
        this.messages = messages;
    }

    StepView step(Questionnaire questionnaire, int step, Walk walk, Map<String, Problem> problems, boolean more,
                  Locale locale) {
        return step(questionnaire, step, walk, problems, more, Set.of(), locale);
    }

    /**
     * @param fresh the questions the respondent has not been shown yet: an unanswered one is
     *              pre-filled with its {@code default}, as ODK fills a new form
     */
    StepView step(Questionnaire questionnaire, int step, Walk walk, Map<String, Problem> problems, boolean more,
                  Set<String> fresh, Locale locale) {
        Section section = questionnaire.section(step);
        Set<String> triggers = questionnaire.triggers(step);
        List<QuestionView> questions = section.questions().stream()
                .map(q -> question(questionnaire, q, walk, problems.get(q.name()), triggers.contains(q.name()),
                        fresh.contains(q.name()), locale))
                .toList();
        List<String> conditional = section.questions().stream().filter(questionnaire::isConditional)
                .map(Question::name).toList();
        return new StepView(step, questionnaire.steps(), section.title().in(locale), questions, conditional, more);
    }

    Summary summary(Questionnaire questionnaire, Walk walk, Locale locale) {
        List<Summary.Part> parts = new ArrayList<>();
        for (int step = 0; step < questionnaire.steps(); step++) {
            Section section = questionnaire.section(step);
            List<Summary.Line> lines = section.questions().stream().filter(q -> walk.asked().contains(q.name()))
                    .map(q -> new Summary.Line(q.label().in(locale), answerText(questionnaire, q,
                            walk.answers().get(q.name()), locale)))
                    .toList();
            if (!lines.isEmpty()) {
                parts.add(new Summary.Part(step, section.title().in(locale), lines));
            }
        }
        return new Summary(parts);
    }

    private QuestionView question(Questionnaire questionnaire, Question question, Walk walk, Problem problem,
                                  boolean live, boolean fresh, Locale locale) {
        String value = walk.answers().get(question.name());
        if (value.isEmpty() && fresh && question.defaultValue() != null) {
            value = typedDefault(question);
        }
        return question(questionnaire.methodology(), question, value,
                problem == null ? null : text(problem, locale), walk.asked().contains(question.name()), live,
                questionnaire::officials, name -> walk.stored().getOrDefault(name, ""), locale);
    }

    /** The same without the other answers: a cascade offers every choice (the checks on submit still filter). */
    public QuestionView question(Methodology methodology, Question question, String value, String error, boolean asked,
                                 boolean live, Supplier<List<UnitOfficial>> officials, Locale locale) {
        return question(methodology, question, value, error, asked, live, officials, null, locale);
    }

    /**
     * One question as a page draws it, for any channel's form.
     *
     * @param value     the answer as typed ("" when none)
     * @param error     what is wrong with it, in the reader's language, or null
     * @param officials the officials offered for an {@code official} question (read only for one)
     */
    public QuestionView question(Methodology methodology, Question question, String value, String error, boolean asked,
                                 boolean live, Supplier<List<UnitOfficial>> officials, Function<String, String> answers,
                                 Locale locale) {
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
                widget = question.type() == QuestionType.SELECT_MULTIPLE ? Widget.CHOICES
                        : question.appears("minimal") ? Widget.DROPDOWN : Widget.CHOICE;
                ChoiceList list = methodology.choiceList(question.choices()).orElseThrow();
                // the server filters a cascade on the step, so a page without JavaScript offers the same as the device
                options = choices(answers == null ? list.choices() : list.offered(question.choiceFilter(), answers),
                        chosen, locale);
            }
            case OFFICIAL -> {
                widget = Widget.OFFICIAL;
                options = officials.get().stream()
                        .map(o -> new Option(o.staffCode(), o.title() == null ? o.fullName() : o.fullName() + " — " + o.title(),
                                o.staffCode().equals(value)))
                        .toList();
            }
            case INTEGER -> widget = Widget.NUMBER;
            case DECIMAL -> widget = Widget.DECIMAL;
            case DATE -> widget = Widget.DATE;
            case NOTE -> widget = Widget.NOTE;
            default -> widget = Widget.TEXT;
        }
        return new QuestionView(question.name(), widget, question.label().in(locale), hint(question, widget, locale),
                question.required(), options, apart, value, error, asked, live, question.readOnly(),
                question.appears("horizontal") || question.appears("horizontal-compact"));
    }

    /** A question's default as a respondent would type it: a date dd/MM/yyyy, the rest as stored. */
    public static String typedDefault(Question question) {
        String value = question.defaultValue();
        if (question.type() == QuestionType.DATE) {
            try {
                return org.sipas.web.Formats.DATE.format(java.time.LocalDate.parse(value).atStartOfDay(org.sipas.web.Formats.ZONE));
            } catch (java.time.format.DateTimeParseException e) {
                return value; // refused at import; a stored one is as the form wrote it
            }
        }
        return value;
    }

    private String hint(Question question, Widget widget, Locale locale) {
        String hint = question.hint() == null ? null : question.hint().in(locale);
        if (widget != Widget.DATE) {
            return hint;
        }
        String format = messages.getMessage("survey.date.hint", null, locale);
        return hint == null ? format : hint + " (" + format + ")";
    }

    private String text(Problem problem, Locale locale) {
        Label own = problem.message();
        return own != null ? own.in(locale) : messages.getMessage(problem.key(), problem.args().toArray(), locale);
    }

    private String answerText(Questionnaire questionnaire, Question question, String value, Locale locale) {
        if (value.isEmpty()) {
            return messages.getMessage("survey.summary.blank", null, locale);
        }
        return switch (question.type()) {
            case SCALE -> {
                AnswerScale scale = questionnaire.methodology().scale(question.scale()).orElseThrow();
                yield Stream.concat(scale.levels().stream(), scale.excluded().stream())
                        .filter(l -> Integer.toString(l.code()).equals(value)).map(l -> l.label().in(locale))
                        .findFirst().orElse(value);
            }
            case SELECT_ONE, SELECT_MULTIPLE -> String.join("; ", Arrays.stream(value.split(" "))
                    .map(code -> choices(questionnaire, question).choice(code).map(c -> c.label().in(locale)).orElse(code))
                    .toList());
            default -> value;
        };
    }

    private static List<Option> levels(List<Level> levels, Set<String> chosen, Locale locale) {
        return levels.stream().map(l -> new Option(Integer.toString(l.code()), l.label().in(locale),
                chosen.contains(Integer.toString(l.code())))).toList();
    }

    private static ChoiceList choices(Questionnaire questionnaire, Question question) {
        return questionnaire.methodology().choiceList(question.choices()).orElseThrow();
    }

    /**
     * The options of a choice list. A code a form gives to two choices (allowed by its
     * {@code allow_choice_duplicates}) is one answer: the second gets an id of its own, and only
     * the first is shown chosen, so one radio of the pair is checked.
     */
    private static List<Option> choices(List<ChoiceList.Choice> choices, java.util.Collection<String> chosen, Locale locale) {
        Map<String, Integer> seen = new java.util.HashMap<>();
        List<Option> options = new ArrayList<>();
        for (ChoiceList.Choice c : choices) {
            int times = seen.merge(c.code(), 1, Integer::sum);
            options.add(new Option(c.code(), c.label().in(locale), times == 1 && chosen.contains(c.code()),
                    times == 1 ? c.code() : c.code() + "-" + times));
        }
        return options;
    }
}
