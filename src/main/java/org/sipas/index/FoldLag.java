package org.sipas.index;

import java.time.Duration;
import java.time.Instant;

/**
 * How far the live tallies are behind the stored responses: the count changes waiting in the outbox
 * for the fold, since when the oldest waits, and when the last fold changed the tallies. The
 * dashboards add the waiting changes to what they read, so figures are never stale; a growing lag
 * says the fold worker is stuck or too slow.
 *
 * @param waiting    changes not folded yet
 * @param oldestSince when the oldest waiting change was written (null when none waits)
 * @param lastFoldAt when a fold last changed the tallies (null before the first)
 * @param now        the database's time when this was read
 */
public record FoldLag(long waiting, Instant oldestSince, Instant lastFoldAt, Instant now) {

    /** How long the oldest change has waited: zero when none waits. */
    public Duration lag() {
        return oldestSince == null ? Duration.ZERO : Duration.between(oldestSince, now).isNegative() ? Duration.ZERO
                : Duration.between(oldestSince, now);
    }
}
