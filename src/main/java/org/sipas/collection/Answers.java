package org.sipas.collection;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sipas.methodology.Question;
import org.sipas.methodology.Section;

/**
 * A respondent's answers as typed, by question name: a code for a scale or select_one, codes
 * separated by spaces for a select_multiple, the text of a text, number or date field. An
 * unanswered question has no entry.
 */
record Answers(Map<String, String> typed) implements Serializable {

    Answers {
        typed = Map.copyOf(typed);
    }

    static Answers none() {
        return new Answers(Map.of());
    }

    /** The answer to {@code name}, "" when unanswered (as the methodology's expressions read it). */
    String get(String name) {
        return typed.getOrDefault(name, "");
    }

    /**
     * These answers with the fields a step's form posted for {@code section}: a question of the
     * section the form leaves out (no radio chosen, no box ticked, not shown) is unanswered.
     */
    Answers withStep(Section section, Map<String, List<String>> form) {
        Map<String, String> merged = new LinkedHashMap<>(typed);
        for (Question question : section.questions()) {
            List<String> posted = form.getOrDefault(QuestionView.FIELD + question.name(), List.of());
            // distinct: two boxes of one code (a form's allow_choice_duplicates) are one answer
            String value = String.join(" ", posted.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList());
            if (value.isEmpty()) {
                merged.remove(question.name());
            } else {
                merged.put(question.name(), value);
            }
        }
        return new Answers(merged);
    }
}
