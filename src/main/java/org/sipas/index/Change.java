package org.sipas.index;

import java.util.Optional;

/**
 * The change of a figure from a previous one (the previous campaign of the same schedule, the
 * previous month), with whether it is larger than the noise: the two estimates come from
 * independent samples, so the difference's standard error is √(SE₁² + SE₂²) and the change counts
 * when it leaves its own 95% interval around zero.
 *
 * @param differencePct current − previous, in percentage points
 * @param sePct         the standard error of the difference
 * @param ci95Low       difference − z·SE
 * @param ci95High      difference + z·SE
 * @param beyondNoise   true when the interval leaves out zero: the figure did change
 */
public record Change(double differencePct, double sePct, double ci95Low, double ci95High, boolean beyondNoise) {

    /** The change from {@code previous} to {@code current}, empty when either has no figure. */
    public static Optional<Change> between(IndexEstimate current, IndexEstimate previous) {
        if (current == null || previous == null || current.estimatePct() == null || previous.estimatePct() == null
                || current.sePct() == null || previous.sePct() == null) {
            return Optional.empty();
        }
        double difference = current.estimatePct() - previous.estimatePct();
        double se = Math.hypot(current.sePct(), previous.sePct());
        double low = difference - Estimator.Z95 * se;
        double high = difference + Estimator.Z95 * se;
        return Optional.of(new Change(difference, se, low, high, low > 0 || high < 0));
    }
}
