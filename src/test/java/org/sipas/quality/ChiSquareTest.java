package org.sipas.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChiSquareTest {

    /** The 5% critical values of the chi-square table (any statistics textbook's appendix): P(X ≥ c) = 0.05. */
    @Test
    void theTablesCriticalValuesHaveTheirPValue() {
        assertThat(ChiSquare.upperTail(3.841459, 1)).isCloseTo(0.05, within(1e-6));
        assertThat(ChiSquare.upperTail(5.991465, 2)).isCloseTo(0.05, within(1e-6));
        assertThat(ChiSquare.upperTail(11.070498, 5)).isCloseTo(0.05, within(1e-6));
        assertThat(ChiSquare.upperTail(23.209251, 10)).isCloseTo(0.01, within(1e-7));
        // two degrees of freedom: the tail is exp(−x/2) exactly
        assertThat(ChiSquare.upperTail(7.3, 2)).isCloseTo(Math.exp(-3.65), within(1e-13));
    }

    @Test
    void anInterviewerWhoseAnswersDifferFromTheOthersHasASmallPValue() {
        // levels 1..5: the others spread, this interviewer nearly all 5s
        long[][] same = {{10, 20, 30, 25, 15}, {20, 40, 60, 50, 30}};
        long[][] different = {{0, 1, 2, 7, 90}, {20, 40, 60, 50, 30}};

        ChiSquare.Test alike = ChiSquare.of(same);
        ChiSquare.Test apart = ChiSquare.of(different);

        assertThat(alike.statistic()).isCloseTo(0, within(1e-12));
        assertThat(alike.pValue()).isCloseTo(1, within(1e-12));
        assertThat(apart.degreesOfFreedom()).isEqualTo(4);
        assertThat(apart.pValue()).isLessThan(1e-10);
    }
}
