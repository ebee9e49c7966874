package org.sipas.collection;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.sipas.catalog.CatalogCodes.UnitOfficial;
import org.sipas.methodology.AnswerScale;
import org.sipas.methodology.ChoiceList;
import org.sipas.methodology.Expression;
import org.sipas.methodology.Label;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;

/**
 * Whether one given answer fits its question: an offered code, a whole number, a real date
 * written dd/MM/yyyy, text of a sane length, then the methodology's constraint. Whether a question
 * must be answered or is asked at all is the {@link Questionnaire}'s business.
 */
final class AnswerRules {

    /** What is wrong with an answer: a message of the collection bundle, or the methodology's own words. */
    record Problem(String key, List<Object> args, Label message) {

        static Problem of(String key, Object... args) {
            return new Problem(key, List.of(args), null);
        }
    }

    static final Problem REQUIRED = Problem.of("survey.error.required");
    /** Dates are typed as Vietnamese write them; 5/3/2024 and 05/03/2024 both mean 5 March. */
    static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    /** Longest free text kept, whatever a methodology allows: a guard for a public form, not a survey rule. */
    static final int LONGEST_TEXT = 4000;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d{1,9}");
    private static final Pattern DECIMAL_NUMBER = Pattern.compile("[+-]?\\d{1,12}([.,]\\d{1,9})?");

    private final Methodology methodology;
    private final Supplier<List<UnitOfficial>> officials;
    private final Map<String, Expression> constraints = new HashMap<>();

    /** @param officials the officials a respondent may pick for an {@code official} question (read only when one is checked) */
    AnswerRules(Methodology methodology, Supplier<List<UnitOfficial>> officials) {
        this.methodology = methodology;
        this.officials = officials;
        methodology.questions().filter(q -> q.constraint() != null)
                .forEach(q -> constraints.put(q.name(), Expression.compiled(q.constraint())));
    }

    /** The officials offered for an {@code official} question. */
    List<UnitOfficial> officials() {
        return officials.get();
    }

    /** The problem with {@code typed} (not empty) as an answer to {@code question}, given the other answers as stored. */
    Optional<Problem> check(Question question, String typed, Function<String, String> answers) {
        Optional<Problem> wrongKind = switch (question.type()) {
            case SCALE -> offered(scale(question).level(code(typed)).isPresent());
            case SELECT_ONE -> offered(offered(question, answers).contains(typed));
            case SELECT_MULTIPLE -> {
                List<String> codes = Arrays.asList(typed.split(" "));
                Set<String> offered = offered(question, answers);
                yield offered(codes.stream().distinct().count() == codes.size() && offered.containsAll(codes));
            }
            case OFFICIAL -> offered(officials.get().stream().anyMatch(o -> o.staffCode().equals(typed)));
            case INTEGER -> WHOLE_NUMBER.matcher(typed).matches() ? Optional.empty() : Optional.of(Problem.of("survey.error.integer"));
            case DECIMAL -> DECIMAL_NUMBER.matcher(typed).matches() ? Optional.empty()
                    : Optional.of(Problem.of("survey.error.decimal"));
            // a note is read, not answered; a calculation is computed, never typed
            case NOTE, CALCULATE -> Optional.of(Problem.of("survey.error.option"));
            case DATE -> date(typed).isPresent() ? Optional.empty() : Optional.of(Problem.of("survey.error.date"));
            case TEXT -> typed.length() <= LONGEST_TEXT ? Optional.empty()
                    : Optional.of(Problem.of("survey.error.tooLong", LONGEST_TEXT));
        };
        if (wrongKind.isPresent()) {
            return wrongKind;
        }
        Expression constraint = constraints.get(question.name());
        if (constraint != null && !constraint.test(answers, stored(question, typed))) {
            return Optional.of(new Problem("survey.error.constraint", List.of(), question.constraintMessage()));
        }
        return Optional.empty();
    }

    /** The answer as stored and as expressions read it: numbers without padding, dates yyyy-mm-dd, the rest as given. */
    String stored(Question question, String typed) {
        return switch (question.type()) {
            case INTEGER -> WHOLE_NUMBER.matcher(typed).matches() ? Long.toString(Long.parseLong(typed)) : typed;
            // Vietnamese write 3,5 for 3.5; stored as expressions and exports read numbers
            case DECIMAL -> DECIMAL_NUMBER.matcher(typed).matches()
                    ? new java.math.BigDecimal(typed.replace(',', '.')).stripTrailingZeros().toPlainString() : typed;
            case DATE -> date(typed).map(LocalDate::toString).orElse(typed);
            default -> typed;
        };
    }

    private AnswerScale scale(Question question) {
        return methodology.scale(question.scale()).orElseThrow();
    }

    /** The codes a select offers given the other answers: a cascade's choice_filter leaves some out. */
    private Set<String> offered(Question question, Function<String, String> answers) {
        return choices(question).offered(question.choiceFilter(), answers).stream().map(ChoiceList.Choice::code)
                .collect(java.util.stream.Collectors.toSet());
    }

    private ChoiceList choices(Question question) {
        return methodology.choiceList(question.choices()).orElseThrow();
    }

    private static Optional<Problem> offered(boolean offered) {
        return offered ? Optional.empty() : Optional.of(Problem.of("survey.error.option"));
    }

    private static int code(String typed) {
        return WHOLE_NUMBER.matcher(typed).matches() ? Integer.parseInt(typed) : Integer.MIN_VALUE;
    }

    static Optional<LocalDate> date(String typed) {
        try {
            return Optional.of(LocalDate.parse(typed, TYPED_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
