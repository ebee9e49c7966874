package org.sipas.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Domains that cut across strata (the channel), against figures R's {@code svyby} and
 * {@code svycontrast} computed independently ({@code index/domain/make_expected.R}): a channel
 * absent from some strata, a one-response stratum (R with {@code survey.lonely.psu = "adjust"}),
 * a census stratum, a criterion without a valid answer in a domain, and weighted nodes.
 */
class CrossStratumDomainTest {

    @Test
    void everyChannelIsASubpopulationOfEveryStratumAsRsSvybyComputesIt() {
        List<AnalysisSample.DomainEstimate> rows = EstimationFixtures.sample("domain", "channel").estimate();
        List<CSVRecord> expected = EstimationFixtures.expected("domain/expected_channel.csv");

        assertThat(expected).hasSize(36);
        assertThat(EstimationFixtures.assertMatches(expected, rows)).isEqualTo(36);
        assertThat(rows).hasSize(36).allMatch(r -> r.domainKind().equals("channel"));
    }

    @Test
    void aLonelyResponseAndACensusStratumGiveRsFiguresForTheNationProvincesAndUnits() {
        List<AnalysisSample.DomainEstimate> rows = EstimationFixtures.sample("domain", null).estimate();
        List<CSVRecord> expected = EstimationFixtures.expected("domain/expected.csv");

        assertThat(expected).hasSize(72);
        assertThat(EstimationFixtures.assertMatches(expected, rows)).isEqualTo(72);
    }
}
