package org.sipas.collection.paper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One clerk's keying of a paper.
 *
 * @param answers question → answer as stored (checked); a blank answer has no entry
 * @param asked   the questions these answers ask, in the questionnaire's order
 */
record PaperEntry(long id, String number, int pass, String clerk, Map<String, String> answers, List<String> asked,
                  Instant openedAt, Instant keyedAt) {

    PaperEntry {
        answers = Map.copyOf(answers);
        asked = List.copyOf(asked);
    }

    Duration duration() {
        return Duration.between(openedAt, keyedAt);
    }

    String answer(String question) {
        return answers.getOrDefault(question, "");
    }
}
