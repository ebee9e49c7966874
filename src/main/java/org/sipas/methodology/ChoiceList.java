package org.sipas.methodology;

import java.util.List;
import java.util.Optional;

/** The options of a select question (the XLSForm {@code choices} sheet's list_name). */
public record ChoiceList(String name, List<Choice> choices) {

    public ChoiceList {
        choices = List.copyOf(choices);
    }

    /** One option; its code is what is stored and exported, and never changes meaning across versions. */
    public record Choice(String code, Label label) {
    }

    public Optional<Choice> choice(String code) {
        return choices.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
