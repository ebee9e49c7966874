package org.sipas.collection;

import java.io.Serializable;
import java.time.Instant;

/**
 * The answers kept between the steps of one sitting, on the server, so the questionnaire needs
 * no JavaScript. Serializable: a staff member's preview keeps its draft in the session, which lives
 * in PostgreSQL.
 *
 * @param reached the furthest step the respondent may open: every step before it was accepted
 */
record Draft(Answers answers, int reached, Instant startedAt) implements Serializable {

    static Draft fresh() {
        return new Draft(Answers.none(), 0, Instant.now());
    }

    Draft with(Answers answers, int reached) {
        return new Draft(answers, reached, startedAt);
    }
}
