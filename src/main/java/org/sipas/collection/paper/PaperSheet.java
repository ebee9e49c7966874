package org.sipas.collection.paper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.sipas.methodology.QuestionType;

/**
 * A methodology's questionnaire laid out for paper: questions numbered through, every answer with
 * the digits a clerk keys, skip instructions in words. It also reads what a clerk keyed into the
 * answers the methodology's checks expect, and shows stored answers back as the paper's codes.
 *
 * <p>A choice list whose codes are words ({@code co}, {@code khong}) is printed and keyed by
 * position, 1, 2, 3…: a methodology version is frozen once a campaign uses it, so a position
 * names the same choice on every paper of the campaign. Scale levels keep their own codes.
 */
final class PaperSheet {

    private static final Pattern TYPED_DATE_DIGITS = Pattern.compile("\\d{8}");
    private static final Pattern STORED_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private final String methodologyCode;
    private final int methodologyVersion;
    private final String title;
    private final List<PaperSection> sections;
    private final Map<String, PaperQuestion> questions = new LinkedHashMap<>();

    PaperSheet(String methodologyCode, int methodologyVersion, String title, List<PaperSection> sections) {
        this.methodologyCode = methodologyCode;
        this.methodologyVersion = methodologyVersion;
        this.title = title;
        this.sections = List.copyOf(sections);
        sections.forEach(s -> s.questions().forEach(q -> questions.put(q.name(), q)));
    }

    String methodologyCode() {
        return methodologyCode;
    }

    int methodologyVersion() {
        return methodologyVersion;
    }

    public String title() {
        return title;
    }

    public List<PaperSection> sections() {
        return sections;
    }

    public List<PaperQuestion> questions() {
        return List.copyOf(questions.values());
    }

    /** The number a question has on the paper, 0 for a name the questionnaire does not have. */
    public int numberOf(String name) {
        PaperQuestion question = questions.get(name);
        return question == null ? 0 : question.number();
    }

    Optional<PaperQuestion> question(String name) {
        return Optional.ofNullable(questions.get(name));
    }

    /**
     * What a clerk keyed, as the methodology's checks read typed answers: a choice's digit becomes
     * its code, select_multiple digits may be separated by spaces or commas, a date keyed as eight
     * digits (05032025) gets its slashes. A digit the paper does not offer is kept as keyed, so
     * the check names it as not offered. Blank stays blank.
     */
    Map<String, String> typed(Map<String, String> keyed) {
        Map<String, String> typed = new LinkedHashMap<>();
        keyed.forEach((name, value) -> {
            PaperQuestion question = questions.get(name);
            String v = value == null ? "" : value.strip();
            if (question == null || v.isEmpty()) {
                return;
            }
            typed.put(name, switch (question.type()) {
                case SELECT_ONE -> code(question, v);
                case SELECT_MULTIPLE -> Arrays.stream(v.split("[\\s,;]+")).filter(s -> !s.isEmpty())
                        .map(d -> code(question, d)).collect(Collectors.joining(" "));
                case DATE -> TYPED_DATE_DIGITS.matcher(v).matches()
                        ? v.substring(0, 2) + "/" + v.substring(2, 4) + "/" + v.substring(4) : v.replace('.', '/').replace('-', '/');
                default -> v;
            });
        });
        return typed;
    }

    /** A stored answer as the paper shows it and a clerk would key it: choices by digit, dates dd/MM/yyyy. */
    String keyed(String name, String stored) {
        PaperQuestion question = questions.get(name);
        if (question == null || stored == null || stored.isEmpty()) {
            return stored == null ? "" : stored;
        }
        return switch (question.type()) {
            case SELECT_ONE -> digit(question, stored);
            case SELECT_MULTIPLE -> Arrays.stream(stored.split(" ")).map(c -> digit(question, c)).collect(Collectors.joining(" "));
            case DATE -> {
                var m = STORED_DATE.matcher(stored);
                yield m.matches() ? m.group(3) + "/" + m.group(2) + "/" + m.group(1) : stored;
            }
            default -> stored;
        };
    }

    /** A stored answer in words for a supervisor: "2 · Hài lòng", "1 · Có; 3 · Không rõ", or the value itself. */
    String shown(String name, String stored) {
        PaperQuestion question = questions.get(name);
        if (stored == null || stored.isEmpty()) {
            return "";
        }
        if (question == null || question.options().isEmpty()) {
            return keyed(name, stored);
        }
        List<String> parts = new ArrayList<>();
        for (String code : question.type() == QuestionType.SELECT_MULTIPLE ? stored.split(" ") : new String[] {stored}) {
            parts.add(question.options().stream().filter(o -> o.code().equals(code)).findFirst()
                    .map(o -> o.digit() + " · " + o.label()).orElse(code));
        }
        return String.join("; ", parts);
    }

    /** Stored answers as the methodology's checks take them again (dates back to dd/MM/yyyy; codes are accepted as they are). */
    Map<String, String> checkable(Map<String, String> stored) {
        Map<String, String> typed = new LinkedHashMap<>();
        stored.forEach((name, value) -> {
            PaperQuestion question = questions.get(name);
            typed.put(name, question != null && question.type() == QuestionType.DATE ? keyed(name, value) : value);
        });
        return typed;
    }

    private static String code(PaperQuestion question, String digit) {
        return question.options().stream().filter(o -> o.digit().equals(digit)).findFirst().map(PaperOption::code).orElse(digit);
    }

    private static String digit(PaperQuestion question, String code) {
        return question.options().stream().filter(o -> o.code().equals(code)).findFirst().map(PaperOption::digit).orElse(code);
    }
}
