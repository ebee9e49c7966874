package org.sipas.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SumsTest {

    @Test
    void packedSumsReadBackAsTheyWereWithTheirSymmetricMatricesWhole() {
        Sums sums = responses(22, 500, 15);

        byte[] packed = sums.pack();

        assertThat(Sums.unpack(sums.n, packed)).isEqualTo(sums);
        // 2 bytes a number, the two symmetric matrices as triangles: 3 + 2·(2·22 + 22² + 22·23)
        assertThat(packed).hasSize(3 + 2 * (44 + 484 + 506));
    }

    @Test
    void sumsBeyondTwoBytesAreKeptInFour() {
        Sums sums = responses(3, 10, 18);
        sums.valid[0] = 70_000;

        byte[] packed = sums.pack();

        assertThat(Sums.unpack(sums.n, packed)).isEqualTo(sums);
        assertThat(packed).hasSize(3 + 4 * (6 + 9 + 12));
    }

    @Test
    void sumsBeyondAnIntAreKeptInEightBytes() {
        Sums sums = responses(3, 10, 16);
        sums.valid[1] += 3_000_000_000L;
        sums.satByValid[5] = 5_000_000_000L;

        Sums back = Sums.unpack(sums.n, sums.pack());

        assertThat(back).isEqualTo(sums);
        assertThat(back.valid[1]).isGreaterThan(Integer.MAX_VALUE);
    }

    @Test
    void packedSumsOfAnotherLengthAreRefused() {
        byte[] packed = responses(4, 5, 17).pack();

        assertThatThrownBy(() -> Sums.unpack(5, java.util.Arrays.copyOf(packed, packed.length - 4)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static Sums responses(int criteria, int count, long seed) {
        Random random = new Random(seed);
        Sums sums = new Sums(criteria);
        for (int r = 0; r < count; r++) {
            boolean[] x = new boolean[criteria];
            boolean[] y = new boolean[criteria];
            for (int k = 0; k < criteria; k++) {
                x[k] = random.nextInt(10) > 0;
                y[k] = x[k] && random.nextBoolean();
            }
            sums.add(x, y, 1);
        }
        return sums;
    }
}
