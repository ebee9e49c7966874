package org.sipas.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CohenKappaTest {

    /**
     * J. L. Fleiss, B. Levin, M. C. Paik, Statistical Methods for Rates and Proportions, 3rd ed.
     * (Wiley, 2003), §18.1, Table 18.1: diagnoses of 100 subjects by two psychiatrists (psychotic,
     * neurotic, organic), p_o = 0.89, p_e = 0.66, κ = 0.23 / 0.34 = 0.676 (the book: .68).
     */
    @Test
    void kappaOnTheTextbookTableEqualsTheTextbookValue() {
        long[][] diagnoses = {{75, 1, 4}, {5, 4, 1}, {0, 0, 10}};

        assertThat(CohenKappa.of(diagnoses)).isCloseTo(0.23 / 0.34, within(1e-12));
        assertThat(Math.round(CohenKappa.of(diagnoses) * 100) / 100.0).isEqualTo(0.68);
    }

    @Test
    void perfectAgreementIsOneAndCodesAreJudgedOneByOne() {
        List<Set<String>> first = List.of(Set.of("thai_do"), Set.of("phi", "thoi_gian"), Set.of(), Set.of("thong_tin"));
        List<Set<String>> second = List.of(Set.of("thai_do"), Set.of("phi"), Set.of(), Set.of("thong_tin"));

        Map<String, Double> kappas = CohenKappa.perCode(first, second, List.of("thai_do", "phi", "thoi_gian", "thong_tin"));

        assertThat(kappas.get("thai_do")).isEqualTo(1.0);
        assertThat(kappas.get("phi")).isEqualTo(1.0);
        // thoi_gian: yes/no once, no/no three times: p_o = 3/4, p_e = 3/4 → κ = 0
        assertThat(kappas.get("thoi_gian")).isCloseTo(0.0, within(1e-12));
        assertThat(kappas.get(CohenKappa.OVERALL)).isBetween(0.0, 1.0);
    }
}
