package org.sipas.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChangeTest {

    private static IndexEstimate figure(double pct, double se) {
        return new IndexEstimate("SIPAS", "overall", 100, pct, pct, se, pct - Estimator.Z95 * se, pct + Estimator.Z95 * se);
    }

    @Test
    void aChangeCountsOnlyWhenItIsLargerThanTheCombinedNoise() {
        // SE of the difference √(3² + 4²) = 5: a rise of 9 is inside ±9.8, a rise of 10 outside
        Change small = Change.between(figure(79, 3), figure(70, 4)).orElseThrow();
        assertThat(small.differencePct()).isCloseTo(9, within(1e-12));
        assertThat(small.sePct()).isCloseTo(5, within(1e-12));
        assertThat(small.beyondNoise()).isFalse();
        Change large = Change.between(figure(60, 3), figure(70, 4)).orElseThrow();
        assertThat(large.differencePct()).isCloseTo(-10, within(1e-12));
        assertThat(large.ci95High()).isCloseTo(-10 + Estimator.Z95 * 5, within(1e-12));
        assertThat(large.beyondNoise()).isTrue();
    }

    @Test
    void twoCensusesDifferWhenTheirFiguresDo() {
        assertThat(Change.between(figure(80.5, 0), figure(80, 0)).orElseThrow().beyondNoise()).isTrue();
        assertThat(Change.between(figure(80, 0), figure(80, 0)).orElseThrow().beyondNoise()).isFalse();
    }

    @Test
    void aFigureWithoutAPredecessorHasNoChange() {
        IndexEstimate empty = new IndexEstimate("c22", "criterion", 40, null, null, null, null, null);
        assertThat(Change.between(figure(80, 1), empty)).isEmpty();
        assertThat(Change.between(figure(80, 1), null)).isEmpty();
    }
}
