package org.sipas.collection.cati;

import java.util.List;
import java.util.stream.Collectors;

import org.sipas.collection.QuestionView;

/**
 * The whole questionnaire on one page, as the interviewer reads it aloud: every section, every
 * question the answers so far make relevant, with the answers typed and their problems.
 *
 * @param conditional the questions that come and go with the answers (their places are swapped by htmx)
 * @param minutes     about how long the interview takes, for the introduction
 */
record Interview(List<Part> parts, List<String> conditional, int minutes) {

    /** A section of the questionnaire. */
    record Part(String title, List<QuestionView> questions) {
    }

    public List<QuestionView> errors() {
        return parts.stream().flatMap(p -> p.questions().stream()).filter(q -> q.error() != null).toList();
    }

    /** The places htmx swaps after a live answer, as a selector list. */
    public String swapped() {
        return conditional.stream().map(name -> "#q-" + name).collect(Collectors.joining(","));
    }
}
