package org.sipas.methodology;

import java.util.List;

/** A group of questions shown together (one page of the questionnaire). */
public record Section(String name, Label title, List<Question> questions) {

    public Section {
        questions = List.copyOf(questions);
    }
}
