package org.sipas.collection;

import java.time.Instant;

/**
 * The answers kept between the steps of one sitting, on the server, so the questionnaire needs
 * no JavaScript.
 *
 * @param reached the furthest step the respondent may open: every step before it was accepted
 */
record Draft(Answers answers, int reached, Instant startedAt) {

    static Draft fresh() {
        return new Draft(Answers.none(), 0, Instant.now());
    }

    Draft with(Answers answers, int reached) {
        return new Draft(answers, reached, startedAt);
    }
}
