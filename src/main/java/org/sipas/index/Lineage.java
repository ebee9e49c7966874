package org.sipas.index;

import java.time.Instant;

/**
 * Where a figure comes from, so that a published one can be traced to what produced it.
 *
 * @param seed       the sample draw's seed (the same seed draws the same sample again)
 * @param sampledAt  when the sample was drawn
 * @param fold       the tallies' watermark: how many folds had changed them
 * @param foldedAt   when the last of those folds committed
 * @param unfolded   count changes not folded yet, read from the responses and included
 * @param n          responses the figures rest on (the series' responses in view)
 */
public record Lineage(String methodologyCode, int methodologyVersion, Long seed, Instant sampledAt, long fold,
                      Instant foldedAt, int unfolded, long n) {
}
