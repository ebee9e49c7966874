package org.sipas.quality;

import java.util.EnumSet;
import java.util.Set;

/** Where a response stands in quality control. */
enum ReviewState {
    SUBMITTED, FLAGGED, IN_RECHECK, ACCEPTED, REJECTED;

    /** The states a supervisor or a re-check outcome may move a response to from this one. */
    Set<ReviewState> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(FLAGGED, IN_RECHECK, ACCEPTED, REJECTED);
            case FLAGGED -> EnumSet.of(IN_RECHECK, ACCEPTED, REJECTED);
            // a re-check that reached nobody sends the response back where it was
            case IN_RECHECK -> EnumSet.of(SUBMITTED, FLAGGED, ACCEPTED, REJECTED);
            // a decision is reopened by a re-check (an interviewer's fabrication confirmed) or reversed
            case ACCEPTED -> EnumSet.of(IN_RECHECK, REJECTED);
            case REJECTED -> EnumSet.of(IN_RECHECK, ACCEPTED);
        };
    }

    /** The state of this name (any case); a 422's message naming the field otherwise. */
    static ReviewState named(String name) {
        try {
            return valueOf(String.valueOf(name).strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("to: unknown state " + name);
        }
    }

    /** Whether a response in this state counts in the tallies, under the campaign's setting. */
    boolean counts(boolean countUntilDecided) {
        return this != REJECTED && (countUntilDecided || this == ACCEPTED);
    }
}
