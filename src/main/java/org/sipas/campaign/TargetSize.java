package org.sipas.campaign;

/**
 * The sample size rule of thumb of Quyết định 1383/QĐ-BNV (2012), Yamane's formula:
 * n = N / (1 + N·e²) for a frame of N and a margin of error e (5% by default), rounded up.
 */
record TargetSize(long frame, double margin, int n) {

    static final double DEFAULT_MARGIN = 0.05;

    static TargetSize of(long frame, double margin) {
        if (margin <= 0 || margin >= 1) {
            throw new IllegalArgumentException("campaign.target.marginInvalid");
        }
        return new TargetSize(frame, margin, (int) Math.ceil(frame / (1 + frame * margin * margin) - 1e-9));
    }
}
