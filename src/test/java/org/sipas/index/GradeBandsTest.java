package org.sipas.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sipas.methodology.Label;

class GradeBandsTest {

    static final GradeBands EMULATION = new GradeBands(List.of(
            new GradeBands.Band("TB", Label.of("Trung bình", "Average"), 50),
            new GradeBands.Band("XS", Label.of("Xuất sắc", "Excellent"), 90),
            new GradeBands.Band("K", Label.of("Khá", "Fair"), 70),
            new GradeBands.Band("Y", Label.of("Yếu", "Weak"), 0),
            new GradeBands.Band("T", Label.of("Tốt", "Good"), 80)));

    private static String grade(Double pct) {
        return EMULATION.grade(pct).map(GradeBands.Band::code).orElse(null);
    }

    private static IndexEstimate interval(double low, double high) {
        return new IndexEstimate("SIPAS", "overall", 10, null, (low + high) / 2, null, low, high);
    }

    @Test
    void aFigureTakesTheHighestBandWhoseMinimumItReaches() {
        assertThat(grade(90.0)).isEqualTo("XS");
        assertThat(grade(89.999)).isEqualTo("T");
        assertThat(grade(80.0)).isEqualTo("T");
        assertThat(grade(70.5)).isEqualTo("K");
        assertThat(grade(50.0)).isEqualTo("TB");
        assertThat(grade(12.0)).isEqualTo("Y");
        assertThat(grade(null)).isNull();
        assertThat(EMULATION.bands()).extracting(GradeBands.Band::code).containsExactly("XS", "T", "K", "TB", "Y");
    }

    @Test
    void anIntervalAcrossABandsEdgeReachesBothGrades() {
        assertThat(EMULATION.within(interval(78, 84))).extracting(GradeBands.Band::code).containsExactly("T", "K");
        assertThat(EMULATION.within(interval(81, 84))).extracting(GradeBands.Band::code).containsExactly("T");
        assertThat(EMULATION.within(interval(45, 92))).extracting(GradeBands.Band::code)
                .containsExactly("XS", "T", "K", "TB", "Y");
    }

    @Test
    void withoutBandsNothingIsGradedAndBelowTheLowestBandThereIsNoGrade() {
        assertThat(GradeBands.NONE.grade(95.0)).isEmpty();
        assertThat(GradeBands.NONE.within(interval(90, 95))).isEmpty();
        GradeBands passFail = new GradeBands(List.of(new GradeBands.Band("D", Label.of("Đạt", "Pass"), 60)));
        assertThat(passFail.grade(59.0)).isEmpty();
        assertThat(passFail.within(interval(55, 62))).extracting(GradeBands.Band::code).containsExactly("D");
        assertThat(passFail.within(interval(40, 50))).isEmpty();
    }

    @Test
    void twoBandsWithOneMinimumOrOneCodeAreRefused() {
        assertThatThrownBy(() -> new GradeBands(List.of(new GradeBands.Band("A", Label.of("A", null), 50),
                new GradeBands.Band("B", Label.of("B", null), 50)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GradeBands(List.of(new GradeBands.Band("A", Label.of("A", null), 50),
                new GradeBands.Band("A", Label.of("B", null), 60)))).isInstanceOf(IllegalArgumentException.class);
    }
}
