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
    }

    public Optional<Choice> choice(String code) {
        return choices.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
