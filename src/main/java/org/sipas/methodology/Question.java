package org.sipas.methodology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One question. Its {@code name} is the variable name in data and exports: it keeps its meaning
 * across versions (a changed meaning gets a new name).
 *
 * @param scale             the answer scale, for {@link QuestionType#SCALE}
 * @param choices           the choice list, for the select types
 * @param relevant          when to ask it, an {@link Expression}; null: always
 * @param constraint        what a valid answer satisfies, an {@link Expression} over {@code .}; null: any
 * @param constraintMessage what to tell a respondent whose answer breaks the constraint
 * @param columns           the form's other columns of this row, kept as written and written back
 *                          ({@code appearance}, {@code default}, {@code read_only}, {@code choice_filter},
 *                          {@code required_message::…}, media, and any column sipas does not use)
 */
public record Question(String name, QuestionType type, Label label, Label hint, String scale, String choices,
                       boolean required, String relevant, String constraint, Label constraintMessage,
                       Map<String, String> columns) {

    public Question {
        columns = columns == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public Question(String name, QuestionType type, Label label, Label hint, String scale, String choices,
                    boolean required, String relevant, String constraint, Label constraintMessage) {
        this(name, type, label, hint, scale, choices, required, relevant, constraint, constraintMessage, Map.of());
    }

    /** The XPath filter of a cascading select ({@code choice_filter}), or null. */
    public String choiceFilter() {
        return columns.get("choice_filter");
    }
}
