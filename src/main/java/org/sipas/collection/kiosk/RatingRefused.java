package org.sipas.collection.kiosk;

import java.util.Map;

/** A rating that cannot be stored as sent, with what is wrong by field (level, official, receipt, id, ratedAt). */
class RatingRefused extends RuntimeException {

    private final Map<String, String> problems;

    RatingRefused(Map<String, String> problems) {
        super("Rating refused: " + problems);
        this.problems = Map.copyOf(problems);
    }

    Map<String, String> problems() {
        return problems;
    }
}
