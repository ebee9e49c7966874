package org.sipas.feedback;

import java.util.Set;

/**
 * Where a case stands: new → acknowledged → investigating → resolved → closed; a resolved or
 * closed case may be reopened (it goes back to investigating).
 */
enum CaseState {
    NEW, ACKNOWLEDGED, INVESTIGATING, RESOLVED, CLOSED;

    /** Still the owner's to work on: counts as open, may be overdue. */
    boolean isOpen() {
        return this == NEW || this == ACKNOWLEDGED || this == INVESTIGATING;
    }

    /** The states a step may lead to from here. */
    Set<CaseState> next() {
        return switch (this) {
            case NEW -> Set.of(ACKNOWLEDGED, INVESTIGATING, RESOLVED);
            case ACKNOWLEDGED -> Set.of(INVESTIGATING, RESOLVED);
            case INVESTIGATING -> Set.of(RESOLVED);
            case RESOLVED -> Set.of(CLOSED, INVESTIGATING);
            case CLOSED -> Set.of(INVESTIGATING);
        };
    }
}
