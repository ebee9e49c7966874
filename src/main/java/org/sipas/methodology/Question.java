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

    /**
     * What to tell a respondent who leaves this required question empty, from the form's
     * {@code required_message} columns ({@code required_message::Deutsch (de)}, {@code jr:requiredMsg},
     * or a plain one in the form's default language, the first of the label); null when it has none.
     */
    public Label requiredMessage() {
        Map<String, String> texts = new LinkedHashMap<>();
        columns.forEach((header, text) -> {
            String written = header.strip();
            String lower = written.toLowerCase(java.util.Locale.ROOT);
            String base = lower.startsWith("required_message") ? "required_message"
                    : lower.startsWith("jr:requiredmsg") ? "jr:requiredmsg" : null;
            if (base == null || text.isBlank()) {
                return;
            }
            String rest = written.substring(base.length());
            String language = rest.isEmpty() ? label.texts().keySet().iterator().next()
                    : rest.startsWith("::") ? XlsFormReader.language(rest.substring(2))
                    : rest.startsWith(":") ? XlsFormReader.language(rest.substring(1)) : null;
            if (language != null) {
                texts.putIfAbsent(language, text);
            }
        });
        return texts.isEmpty() ? null : new Label(texts);
    }

    /**
     * The answer a page offers before the respondent gives one ({@code default}), as stored: a code,
     * codes separated by spaces, a number, a date yyyy-mm-dd; null when the form gives none.
     */
    public String defaultValue() {
        String value = columns.get("default");
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Whether the respondent sees it without changing it ({@code read_only}): as in ODK, its answer is
     * its {@code calculation} when it has one, else its {@code default}, whatever a client sends.
     */
    public boolean readOnly() {
        String value = columns.get("read_only");
        return value != null && java.util.Set.of("yes", "true", "true()", "1").contains(value.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether the form's {@code appearance} names {@code word} ({@code minimal}, {@code horizontal} …). */
    public boolean appears(String word) {
        String value = columns.get("appearance");
        return value != null && java.util.Arrays.asList(value.strip().toLowerCase(java.util.Locale.ROOT).split("\\s+"))
                .contains(word);
    }

    /** The expression a {@code calculate} computes ({@code calculation}), or null. */
    public String calculation() {
        return columns.get("calculation");
    }

    /** The XPath filter of a cascading select ({@code choice_filter}), or null. */
    public String choiceFilter() {
        return columns.get("choice_filter");
    }
}
