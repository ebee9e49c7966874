package org.sipas.collection;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One step of the questionnaire as its page draws it.
 *
 * @param step        0-based
 * @param conditional the questions of the page that come and go with the answers (asked or not)
 * @param more        the last answers brought new questions onto this page, shown now because
 *                    without JavaScript they could not appear as the answers were given
 */
record StepView(int step, int steps, String title, List<QuestionView> questions, List<String> conditional, boolean more) {

    public int position() {
        return step + 1;
    }

    public int percent() {
        return 100 * step / steps;
    }

    public List<QuestionView> errors() {
        return questions.stream().filter(q -> q.error() != null).toList();
    }

    /** What htmx swaps in after a live answer: the places of the conditional questions, as a selector list. */
    public String swapped() {
        return conditional.stream().map(name -> "#q-" + name).collect(Collectors.joining(","));
    }
}
