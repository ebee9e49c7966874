package org.sipas.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The figures R's survey package computed for the estimation fixture (copied unchanged from the
 * shared fixtures), matched by the product's own engine.
 */
class EstimationFixtureTest {

    @Test
    void everyFigureOfTheNationProvincesAndUnitsMatchesRToTheNinthDecimal() {
        AnalysisSample sample = EstimationFixtures.sample("estimation-small", null);
        List<AnalysisSample.DomainEstimate> rows = sample.estimate();
        List<CSVRecord> expected = EstimationFixtures.expected("estimation-small/expected.csv");

        assertThat(expected).hasSize(308);
        assertThat(EstimationFixtures.assertMatches(expected, rows)).isEqualTo(308);
        assertThat(rows).hasSize(308);
    }

    @Test
    void aCriterionWithoutValidAnswersIsEmptyAndItsElementAveragesTheOthers() {
        List<AnalysisSample.DomainEstimate> rows = EstimationFixtures.sample("estimation-small", null).estimate();
        IndexEstimate c22 = find(rows, "U7502", "c22");
        assertThat(c22.n()).isEqualTo(40);
        assertThat(c22.estimatePct()).isNull();
        assertThat(c22.sePct()).isNull();
        double mean = (find(rows, "U7502", "c19").unweightedPct() + find(rows, "U7502", "c20").unweightedPct()
                + find(rows, "U7502", "c21").unweightedPct()) / 3;
        assertThat(find(rows, "U7502", "E5").unweightedPct()).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void aCensusStratumHasNoSamplingError() {
        // U7502: 40 responses of 40 dossiers
        List<AnalysisSample.DomainEstimate> rows = EstimationFixtures.sample("estimation-small", null).estimate();
        assertThat(find(rows, "U7502", "SIPAS").sePct()).isZero();
        assertThat(find(rows, "U7502", "c01").sePct()).isZero();
    }

    private static IndexEstimate find(List<AnalysisSample.DomainEstimate> rows, String domain, String index) {
        return rows.stream().filter(r -> r.domain().equals(domain) && r.estimate().index().equals(index))
                .findFirst().orElseThrow().estimate();
    }
}
