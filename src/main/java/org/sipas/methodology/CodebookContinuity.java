package org.sipas.methodology;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A variable keeps its meaning across the versions of a methodology: the same name has the same
 * type and every answer code it had keeps existing (a new option may be added with a new code).
 * Otherwise data of two campaigns under one name would mean different things, which is what
 * survey tools get wrong when a form changes. A changed meaning takes a new variable name.
 */
final class CodebookContinuity {

    private CodebookContinuity() {
    }

    static void check(Methodology next, List<Methodology> earlier, Problems problems) {
        for (int s = 0; s < next.sections().size(); s++) {
            List<Question> questions = next.sections().get(s).questions();
            for (int q = 0; q < questions.size(); q++) {
                Question question = questions.get(q);
                String path = "sections[" + s + "].questions[" + q + "]";
                for (Methodology old : earlier) {
                    old.question(question.name()).ifPresent(before -> compare(next, question, old, before, path, problems));
                }
            }
        }
    }

    private static void compare(Methodology next, Question now, Methodology old, Question before, String path,
                                Problems problems) {
        if (now.type() != before.type()) {
            problems.add(path + ".type", "changedType", now.name(), old.version(),
                    QuestionKind.of(before).text(), QuestionKind.of(now).text());
            return;
        }
        Set<String> dropped = new TreeSet<>(codes(old, before));
        dropped.removeAll(codes(next, now));
        if (!dropped.isEmpty()) {
            problems.add(path + ".type", "droppedCodes", now.name(), old.version(), String.join(", ", dropped));
        }
        if (now.type() == QuestionType.SCALE) {
            Set<Integer> satisfiedBefore = old.scale(before.scale()).map(AnswerScale::satisfied).orElse(Set.of());
            Set<Integer> satisfiedNow = next.scale(now.scale()).map(AnswerScale::satisfied).orElse(Set.of());
            if (!satisfiedBefore.equals(satisfiedNow)) {
                problems.add(path + ".type", "changedSatisfied", now.name(), old.version(),
                        new TreeSet<>(satisfiedBefore), new TreeSet<>(satisfiedNow));
            }
        }
    }

    /** The answer codes of a question: its scale's levels and excluded codes, or its choices. */
    static Set<String> codes(Methodology m, Question question) {
        if (question.type() == QuestionType.SCALE) {
            return m.scale(question.scale()).stream()
                    .flatMap(scale -> java.util.stream.Stream.concat(scale.levels().stream(), scale.excluded().stream()))
                    .map(level -> Integer.toString(level.code())).collect(Collectors.toSet());
        }
        if (question.choices() != null) {
            return m.choiceList(question.choices()).stream().flatMap(list -> list.choices().stream())
                    .map(ChoiceList.Choice::code).collect(Collectors.toSet());
        }
        return Set.of();
    }
}
