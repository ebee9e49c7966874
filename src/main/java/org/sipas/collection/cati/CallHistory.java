package org.sipas.collection.cati;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.sipas.collection.cati.CallingRules.Slot;

/** The calls of one case so far, oldest first. */
record CallHistory(List<CallAttempt> attempts) {

    CallHistory {
        attempts = List.copyOf(attempts);
    }

    public boolean isEmpty() {
        return attempts.isEmpty();
    }

    public int count() {
        return attempts.size();
    }

    Optional<CallAttempt> last() {
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
    }

    /** Calls that rang out or were busy. */
    public int noContacts() {
        return (int) attempts.stream().filter(a -> CallingRules.isNoContact(a.outcome())).count();
    }

    /** The parts of the day in which the case was called without contact. */
    Set<Slot> slotsTried() {
        return attempts.stream().filter(a -> CallingRules.isNoContact(a.outcome())).map(a -> Slot.of(a.endedAt()))
                .collect(Collectors.toSet());
    }

    /** The callback time agreed in the last call, if it asked for one. */
    Optional<Instant> callbackAt() {
        return last().map(CallAttempt::callbackAt);
    }
}
