package org.sipas.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProvinceOutlineTest {

    /** 105-107° E, 20-22° N with a hole of 105.5-106° E, 20.5-21° N, and an islet at 108-108.1° E, 20-20.1° N. */
    private final ProvinceOutline province = new ProvinceOutline("PX", "Tỉnh X", "X", List.of(
            new double[][] {{105, 20}, {107, 20}, {107, 22}, {105, 22}, {105, 20}},
            new double[][] {{105.5, 20.5}, {106, 20.5}, {106, 21}, {105.5, 21}, {105.5, 20.5}},
            new double[][] {{108, 20}, {108.1, 20}, {108.1, 20.1}, {108, 20.1}, {108, 20}}));

    @Test
    void aPointOnTheMainlandOrTheIsletIsInsideAndOneInTheHoleIsNot() {
        assertThat(province.contains(21.5, 106.5)).isTrue();
        assertThat(province.contains(20.05, 108.05)).isTrue();
        assertThat(province.contains(20.75, 105.75)).isFalse();
        assertThat(province.kmOutside(21.5, 106.5)).isZero();
    }

    @Test
    void theDistanceOutsideIsToTheNearestEdgeOnTheGround() {
        // a degree of latitude is 111.19 km on a sphere of 6,371 km
        assertThat(province.kmOutside(22.5, 106)).isCloseTo(55.60, within(0.01));
        // in the hole, 0.25° of latitude from its lower and upper edges, 0.25° of longitude (shrunk by cos 20.75°) from its sides
        assertThat(province.kmOutside(20.75, 105.75)).isCloseTo(0.25 * Math.cos(Math.toRadians(20.75)) * 111.195, within(0.01));
        // west of the mainland at 21° N: a degree of longitude there is 111.19 × cos 21° = 103.81 km
        assertThat(province.kmOutside(21, 104)).isCloseTo(103.81, within(0.01));
    }
}
