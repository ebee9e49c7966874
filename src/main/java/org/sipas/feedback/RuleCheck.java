package org.sipas.feedback;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.sipas.methodology.AnswerScale;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;

/** Whether a response's answers set off a rule, and what set it off (shown on the case as "question = answer"). */
final class RuleCheck {

    private RuleCheck() {
    }

    /**
     * @param methodology the version the response answered (its scales say which levels are satisfied)
     * @param answers     question name → stored answer (codes; select_multiple codes separated by spaces)
     * @return the matching answers, or empty when the rule is not set off
     */
    static Optional<String> match(AlertRule rule, Methodology methodology, Map<String, String> answers, String channel) {
        if (!rule.enabled() || !rule.channels().isEmpty() && !rule.channels().contains(channel)) {
            return Optional.empty();
        }
        List<String> found = new ArrayList<>();
        for (String name : rule.questions()) {
            String answer = answers.get(name);
            if (answer == null || answer.isBlank()) {
                continue;
            }
            if (matches(rule, methodology.question(name), methodology, answer)) {
                found.add(name + " = " + answer);
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", found));
    }

    private static boolean matches(AlertRule rule, Optional<Question> question, Methodology methodology, String answer) {
        return switch (rule.kind()) {
            case NOT_SATISFIED -> scaleOf(question, methodology)
                    .map(scale -> level(answer).map(code -> !scale.isExcluded(code) && !scale.satisfied().contains(code)
                            && scale.level(code).isPresent()).orElse(false))
                    .orElse(false);
            case RATING_AT_MOST -> level(answer).map(code -> code <= rule.level()
                    && scaleOf(question, methodology).map(s -> !s.isExcluded(code)).orElse(true)).orElse(false);
            case ANSWER_IN -> List.of(answer.strip().split("\\s+")).stream().anyMatch(rule.codes()::contains);
            case WATCH_LIST -> {
                String text = " " + fold(answer) + " ";
                yield rule.words().stream().map(RuleCheck::fold).filter(w -> !w.isBlank())
                        .anyMatch(w -> text.contains(w));
            }
        };
    }

    /**
     * The levels that can set off a NOT_SATISFIED rule, over all its questions: those on each
     * question's scale that are neither satisfied nor excluded, as {@link #match} judges them. The
     * outbox trigger lets through only answers at these levels (or answers it cannot read plainly);
     * empty for the other kinds, which the trigger tests from the rule's own columns.
     */
    static java.util.SortedSet<Integer> alarmLevels(AlertRule rule, Methodology methodology) {
        java.util.SortedSet<Integer> levels = new java.util.TreeSet<>();
        if (rule.kind() != org.sipas.methodology.AlertKind.NOT_SATISFIED) {
            return levels;
        }
        for (String name : rule.questions()) {
            scaleOf(methodology.question(name), methodology).ifPresent(scale -> scale.levels().stream()
                    .map(AnswerScale.Level::code)
                    .filter(code -> !scale.isExcluded(code) && !scale.satisfied().contains(code))
                    .forEach(levels::add));
        }
        return levels;
    }

    private static Optional<AnswerScale> scaleOf(Optional<Question> question, Methodology methodology) {
        return question.map(Question::scale).flatMap(methodology::scale);
    }

    private static Optional<Integer> level(String answer) {
        try {
            return Optional.of(Integer.parseInt(answer.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Lower case without diacritics (đ as d), spaces collapsed: "Nhũng  NHIỄU" and "nhung nhieu" are one word. */
    static String fold(String text) {
        String plain = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
