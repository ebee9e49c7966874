package org.sipas.collection.paper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sipas.catalog.CatalogCodes;
import org.sipas.methodology.AnswerScale;
import org.sipas.methodology.ChoiceList;
import org.sipas.methodology.Expression;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;
import org.sipas.methodology.QuestionType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Lays a methodology version out as a paper questionnaire for a unit (its officials are printed
 * with their staff codes), in the reader's language.
 *
 * <p>Skip instructions are derived from the {@code relevant} expressions, not written by hand: a
 * question whose relevance reads a single earlier scale or select_one is tried with each of that
 * question's codes; the codes that leave the questions right after it unasked print "Nếu trả lời
 * …, chuyển đến câu …" under it. Every conditional question also says when it is asked.
 */
@Component
class PaperSheets {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern ALL_DIGITS = Pattern.compile("\\d+");

    private final Methodologies methodologies;
    private final CatalogCodes catalog;
    private final MessageSource messages;

    PaperSheets(Methodologies methodologies, CatalogCodes catalog, MessageSource messages) {
        this.methodologies = methodologies;
        this.catalog = catalog;
        this.messages = messages;
    }

    PaperSheet sheet(String code, int version, long unitId, Locale locale) {
        Methodology methodology = methodologies.find(code, version)
                .orElseThrow(() -> new IllegalStateException("No methodology " + code + " version " + version));
        Map<String, Integer> numbers = new HashMap<>();
        Map<String, List<PaperOption>> options = new HashMap<>();
        Map<String, Expression> relevance = new LinkedHashMap<>();
        List<Question> all = methodology.questions().toList();
        for (int i = 0; i < all.size(); i++) {
            Question q = all.get(i);
            numbers.put(q.name(), i + 1);
            options.put(q.name(), options(methodology, q, unitId, locale));
            if (q.relevant() != null) {
                relevance.put(q.name(), Expression.parse(q.relevant()));
            }
        }
        Set<String> triggers = new LinkedHashSet<>();
        relevance.values().forEach(e -> triggers.addAll(e.references()));
        List<PaperSection> sections = new ArrayList<>();
        methodology.sections().forEach(section -> {
            List<PaperQuestion> questions = new ArrayList<>();
            section.questions().forEach(q -> questions.add(new PaperQuestion(numbers.get(q.name()), q.name(), q.type(),
                    q.label().in(locale), q.hint() == null ? null : q.hint().in(locale), q.required(), options.get(q.name()),
                    onlyIf(q, relevance, numbers, options, all, locale), skips(q, all, relevance, numbers, options, locale),
                    triggers.contains(q.name()))));
            sections.add(new PaperSection(section.title().in(locale), questions));
        });
        return new PaperSheet(code, version, methodology.title().in(locale), sections);
    }

    private List<PaperOption> options(Methodology methodology, Question question, long unitId, Locale locale) {
        return switch (question.type()) {
            case SCALE -> {
                AnswerScale scale = methodology.scale(question.scale()).orElseThrow();
                List<PaperOption> levels = new ArrayList<>();
                scale.levels().forEach(l -> levels.add(new PaperOption(Integer.toString(l.code()), Integer.toString(l.code()), l.label().in(locale))));
                scale.excluded().forEach(l -> levels.add(new PaperOption(Integer.toString(l.code()), Integer.toString(l.code()), l.label().in(locale))));
                yield levels;
            }
            case SELECT_ONE, SELECT_MULTIPLE -> {
                ChoiceList list = methodology.choiceList(question.choices()).orElseThrow();
                boolean numeric = list.choices().stream().allMatch(c -> ALL_DIGITS.matcher(c.code()).matches());
                List<PaperOption> choices = new ArrayList<>();
                for (int i = 0; i < list.choices().size(); i++) {
                    ChoiceList.Choice c = list.choices().get(i);
                    choices.add(new PaperOption(numeric ? c.code() : Integer.toString(i + 1), c.code(), c.label().in(locale)));
                }
                yield choices;
            }
            case OFFICIAL -> catalog.officialsOf(unitId).stream()
                    .map(o -> new PaperOption(o.staffCode(), o.staffCode(), o.title() == null || o.title().isBlank()
                            ? o.fullName() : o.fullName() + " (" + o.title() + ")"))
                    .toList();
            default -> List.of();
        };
    }

    /** "Chỉ trả lời nếu …": by the codes of the one question it reads when it can, else the expression in words. */
    private String onlyIf(Question question, Map<String, Expression> relevance, Map<String, Integer> numbers,
                          Map<String, List<PaperOption>> options, List<Question> all, Locale locale) {
        Expression expression = relevance.get(question.name());
        if (expression == null) {
            return null;
        }
        Set<String> references = expression.references();
        if (references.size() == 1) {
            String reference = references.iterator().next();
            Question read = all.stream().filter(q -> q.name().equals(reference)).findFirst().orElse(null);
            List<PaperOption> codes = options.getOrDefault(reference, List.of());
            if (read != null && !codes.isEmpty() && read.type() != QuestionType.OFFICIAL) {
                List<String> asking = codes.stream()
                        .filter(o -> expression.test(name -> name.equals(reference) ? o.code() : "", ""))
                        .map(PaperOption::digit).toList();
                if (!asking.isEmpty() && asking.size() < codes.size()) {
                    String key = read.type() == QuestionType.SELECT_MULTIPLE ? "paper.onlyIf.selected" : "paper.onlyIf.is";
                    return text(key, locale, numbers.get(reference), either(asking, locale));
                }
            }
        }
        return text("paper.onlyIf.expression", locale, inWords(expression.toString(), numbers, locale));
    }

    /** The skip instructions under a scale or select_one: for each group of its codes, where to go next. */
    private List<String> skips(Question question, List<Question> all, Map<String, Expression> relevance,
                               Map<String, Integer> numbers, Map<String, List<PaperOption>> options, Locale locale) {
        if (question.type() != QuestionType.SCALE && question.type() != QuestionType.SELECT_ONE) {
            return List.of();
        }
        int at = all.indexOf(question);
        Map<String, List<String>> codesByInstruction = new LinkedHashMap<>();
        for (PaperOption option : options.get(question.name())) {
            List<Integer> skipped = new ArrayList<>();
            for (int later = at + 1; later < all.size(); later++) {
                if (isSkipped(all.get(later), relevance, question.name(), option.code())) {
                    skipped.add(later);
                }
            }
            if (skipped.isEmpty()) {
                continue;
            }
            int run = 0;
            while (run < skipped.size() && skipped.get(run) == at + 1 + run) {
                run++;
            }
            String instruction;
            if (run == skipped.size()) {
                // the questions right after it are skipped: go to the first one asked
                int target = at + 1 + run;
                instruction = target < all.size() ? "goto:" + (target + 1) : "end";
            } else {
                instruction = "skip:" + String.join(", ", skipped.stream().map(i -> Integer.toString(i + 1)).toList());
            }
            codesByInstruction.computeIfAbsent(instruction, k -> new ArrayList<>()).add(option.digit());
        }
        List<String> skips = new ArrayList<>();
        codesByInstruction.forEach((instruction, codes) -> {
            String answers = either(codes, locale);
            if (instruction.equals("end")) {
                skips.add(text("paper.skip.end", locale, answers));
            } else if (instruction.startsWith("goto:")) {
                skips.add(text("paper.skip.goto", locale, answers, instruction.substring(5)));
            } else {
                skips.add(text("paper.skip.over", locale, answers, instruction.substring(5)));
            }
        });
        return skips;
    }

    /** Whether {@code question} is left unasked by {@code code} given to {@code trigger}, its relevance reading nothing else. */
    private static boolean isSkipped(Question question, Map<String, Expression> relevance, String trigger, String code) {
        Expression expression = relevance.get(question.name());
        return expression != null && expression.references().equals(Set.of(trigger))
                && !expression.test(name -> name.equals(trigger) ? code : "", "");
    }

    private String either(List<String> codes, Locale locale) {
        if (codes.size() == 1) {
            return codes.get(0);
        }
        return String.join(", ", codes.subList(0, codes.size() - 1)) + " " + text("paper.or", locale) + " "
                + codes.get(codes.size() - 1);
    }

    /** An expression a reader can follow: question names become their numbers, and/or become words. */
    private String inWords(String expression, Map<String, Integer> numbers, Locale locale) {
        Matcher m = REFERENCE.matcher(expression);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Integer n = numbers.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(n == null ? m.group(1) : text("paper.question", locale, n)));
        }
        m.appendTail(out);
        return out.toString().replace(" and ", " " + text("paper.and", locale) + " ")
                .replace(" or ", " " + text("paper.or", locale) + " ");
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

}
