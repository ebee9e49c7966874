package org.sipas.collection.cati;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole questionnaire on one page, as the interviewer reads it aloud: every section, every
 * question the answers so far make relevant, with the answers typed and their problems.
 *
 * @param conditional the questions that come and go with the answers (their places are swapped by htmx)
 * @param minutes     about how long the interview takes, for the introduction
 */
record Interview(List<Part> parts, List<String> conditional, int minutes) {

    /** A section of the questionnaire. */
    record Part(String title, List<Item> questions) {
    }

    enum Widget { SCALE, CHOICE, CHOICES, TEXT, NUMBER, DATE, OFFICIAL }

    record Option(String code, String label, boolean chosen) {
    }

    /**
     * One question.
     *
     * @param asked false: an empty place, filled when an answer makes the question relevant
     * @param live  answering it can change what is asked
     */
    record Item(String name, Widget widget, String label, String hint, boolean required, List<Option> options,
                List<Option> apart, String value, String error, boolean asked, boolean live) {

        public boolean isGroup() {
            return widget == Widget.SCALE || widget == Widget.CHOICE || widget == Widget.CHOICES;
        }

        public String field() {
            return InterviewForms.FIELD + name;
        }

        public String firstInputId() {
            return isGroup() && !options.isEmpty() ? "a-" + name + "-" + options.get(0).code() : "a-" + name;
        }

        public String describedBy() {
            String ids = Stream.of(hint == null ? null : "h-" + name, error == null ? null : "e-" + name)
                    .filter(id -> id != null).collect(Collectors.joining(" "));
            return ids.isEmpty() ? null : ids;
        }
    }

    public List<Item> errors() {
        return parts.stream().flatMap(p -> p.questions().stream()).filter(q -> q.error() != null).toList();
    }

    /** The places htmx swaps after a live answer, as a selector list. */
    public String swapped() {
        return conditional.stream().map(name -> "#q-" + name).collect(Collectors.joining(","));
    }
}
