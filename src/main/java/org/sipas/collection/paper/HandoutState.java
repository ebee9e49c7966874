package org.sipas.collection.paper;

/**
 * Where a handed-out paper questionnaire stands: still with the recipient (handed, or delivered
 * to a respondent), or how it ended.
 */
enum HandoutState {
    HANDED, DELIVERED, RETURNED_FILLED, RETURNED_BLANK, SPOILED, LOST;

    /** Still out: neither back at the office nor written off. */
    boolean isOutstanding() {
        return this == HANDED || this == DELIVERED;
    }

    /** Whether a paper in this state may still be keyed (a blank, spoiled or lost one has nothing to key). */
    boolean mayBeKeyed() {
        return isOutstanding() || this == RETURNED_FILLED;
    }
}
