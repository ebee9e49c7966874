package org.sipas.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sipas.frame.SamplingFrame.Stratum;

class AllocationTest {

    /** Seven units with known counts of eligible dossiers: N = 168,040. */
    private static final List<Stratum> UNITS = List.of(
            unit(1, "A", "Phường", 90_000), unit(2, "B", "Phường", 50_000), unit(3, "C", "Xã", 20_000),
            unit(4, "D", "Xã", 6_000), unit(5, "E", "Xã", 1_500), unit(6, "F", "Xã", 500), unit(7, "G", "Đặc khu", 40));

    @Test
    void fourteenThousandFiveHundredWithAMinimumOfSixtyMatchesTheTableWorkedByHand() {
        // Plain proportional parts 14,500 × N_h / 168,040:
        //   A 7,766.01  B 4,314.45  C 1,725.78  D 517.73  E 129.43  F 43.14  G 3.45
        // G holds only 40 dossiers, under the minimum: it takes all 40 (cap).
        // F's 43.14 is under 60: it is lifted to the minimum 60.
        // Left: 14,500 − 40 − 60 = 14,400 over the other units' 168,040 − 40 − 500 = 167,500 dossiers:
        //   A 14,400 × 90,000 / 167,500 = 7,737.313   B 4,298.507   C 1,719.403   D 515.821   E 128.955
        //   (all above 60 and under N_h: nothing moves again)
        // Whole parts 7,737 + 4,298 + 1,719 + 515 + 128 = 14,397; 3 left for the largest remainders:
        //   E .955, D .821, B .507 (then C .403, A .313): E 129, D 516, B 4,299.
        Allocation allocation = Allocation.proportional(UNITS, 14_500, 60);

        assertThat(allocation.possible()).isTrue();
        assertThat(allocation.strata()).extracting(StratumAllocation::n).containsExactly(7_737, 4_299, 1_719, 516, 129, 60, 40);
        assertThat(allocation.allocated()).isEqualTo(14_500);
        assertThat(allocation.strata()).extracting(StratumAllocation::minimumApplied)
                .containsExactly(false, false, false, false, false, true, false);
        assertThat(allocation.strata()).extracting(StratumAllocation::capApplied)
                .containsExactly(false, false, false, false, false, false, true);
        assertThat(allocation.strata()).allSatisfy(a -> {
            assertThat(a.n()).isLessThanOrEqualTo((int) a.stratum().dossiers());
            assertThat(a.n()).isGreaterThanOrEqualTo((int) Math.min(60, a.stratum().dossiers()));
        });
        assertThat(allocation.strata().get(0).proportional()).isCloseTo(7_766.008, org.assertj.core.data.Offset.offset(0.001));
        assertThat(allocation.strata().get(0).share()).isCloseTo(90_000 / 168_040.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void minimumsThatExceedTheTargetAreReportedNotBent() {
        // 3,321 communes × 60 = 199,260 > 14,500
        List<Stratum> communes = java.util.stream.IntStream.rangeClosed(1, 3_321)
                .mapToObj(i -> unit(i, "X" + i, "Xã", 1_000)).toList();

        Allocation allocation = Allocation.proportional(communes, 14_500, 60);

        assertThat(allocation.possible()).isFalse();
        assertThat(allocation.problem().code()).isEqualTo("campaign.allocation.minimumsAboveTarget");
        assertThat(allocation.problem().arguments()).startsWith(199_260L, 14_500L);
    }

    @Test
    void aTargetLargerThanTheFrameIsReported() {
        Allocation allocation = Allocation.proportional(UNITS, 200_000, 60);

        assertThat(allocation.problem().code()).isEqualTo("campaign.allocation.targetAboveFrame");
    }

    @Test
    void fixedQuotasGiveEachUnitOfAKindItsNumberCappedAtItsDossiers() {
        // Bình Dương 2018: wards 200, communes 150; G (Đặc khu) has no quota
        Allocation allocation = Allocation.quotas(UNITS, Map.of("Phường", 200, "Xã", 150));

        assertThat(allocation.strata()).extracting(StratumAllocation::n).containsExactly(200, 200, 150, 150, 150, 150, 0);
        assertThat(allocation.target()).isEqualTo(1_000);
    }

    @Test
    void largestRemainderKeepsTheSumExact() {
        assertThat(LargestRemainder.split(14_500, new double[] {6_000, 8_500})).containsExactly(6_000, 8_500);
        assertThat(LargestRemainder.split(10, new double[] {1, 1, 1})).containsExactly(4, 3, 3);
    }

    @Test
    void targetHelperFollowsTheRuleOf1383() {
        // n = N / (1 + N·e²) = 10,000 / (1 + 10,000 × 0.0025) = 10,000 / 26 = 384.6 → 385
        assertThat(TargetSize.of(10_000, 0.05).n()).isEqualTo(385);
        // 1,000,000 / 2,501 = 399.84 → 400
        assertThat(TargetSize.of(1_000_000, TargetSize.DEFAULT_MARGIN).n()).isEqualTo(400);
    }

    private static Stratum unit(long id, String code, String type, long dossiers) {
        return new Stratum(id, code, "Đơn vị " + code, type, null, null, dossiers);
    }
}
