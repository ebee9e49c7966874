package org.sipas.methodology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The options of a select question (the XLSForm {@code choices} sheet's list_name). */
public record ChoiceList(String name, List<Choice> choices) {

    public ChoiceList {
        choices = List.copyOf(choices);
    }

    /**
     * One option; its code is what is stored and exported, and never changes meaning across versions.
     *
     * @param columns the choices sheet's other columns of this row as written: the ones a
     *                {@code choice_filter} reads ({@code state}, {@code county} …), media, any other
     */
    public record Choice(String code, Label label, Map<String, String> columns) {

        public Choice {
            columns = columns == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }

        public Choice(String code, Label label) {
            this(code, label, Map.of());
        }

        /** A column as a choice_filter reads it: {@code name} is the code, {@code label} the default label, else the sheet's column. */
        public String column(String column) {
            if (column.equals("name")) {
                return code;
            }
            if (column.equals("label")) {
                return label.first();
            }
            if (column.startsWith("label:")) {
                String text = label.text(XlsFormReader.language(column.substring(column.lastIndexOf(':') + 1)));
                return text == null ? "" : text;
            }
            String value = columns.get(column);
            if (value != null) {
                return value;
            }
            for (Map.Entry<String, String> e : columns.entrySet()) {
                if (e.getKey().equalsIgnoreCase(column)) {
                    return e.getValue();
                }
            }
            return "";
        }
    }

    /**
     * The choices a cascading select offers: those for which its {@code choice_filter} holds,
     * given the answers so far (the same rule the device applies, see {@code capi/form.js}); all
     * of them without a filter.
     */
    public List<Choice> offered(String choiceFilter, java.util.function.Function<String, String> answers) {
        if (choiceFilter == null) {
            return choices;
        }
        Expression filter = Expression.compiled(choiceFilter);
        return choices.stream().filter(c -> filter.test(answers, column -> c.column(column))).toList();
    }

    public Optional<Choice> choice(String code) {
        return choices.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
