package org.sipas.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RankingTest {

    /** A figure with its interval given directly: estimate ± half. */
    private static IndexEstimate figure(double pct, double half) {
        return new IndexEstimate("SIPAS", "overall", 100, pct, pct, half / Estimator.Z95, pct - half, pct + half);
    }

    private static Ranking.Candidate unit(String code, String parent, IndexEstimate estimate) {
        return new Ranking.Candidate(code, parent, estimate);
    }

    @Test
    void tiesShareARankAndTheNextRankSkips() {
        List<Ranking.Ranked> ranked = Ranking.among(List.of(unit("D", "P", figure(70, 1)), unit("B", "P", figure(85, 1)),
                unit("A", "P", figure(90, 2)), unit("C", "P", figure(85, 4))));

        assertThat(ranked).extracting(Ranking.Ranked::unit).containsExactly("A", "B", "C", "D");
        assertThat(ranked).extracting(Ranking.Ranked::rank).containsExactly(1, 2, 2, 4);
    }

    @Test
    void eachUnitCarriesTheRanksItCannotBeToldApartFrom() {
        // A 88–92, B 84–86, C 81–89, D 69–71: A overlaps C, B overlaps C, D stands apart
        List<Ranking.Ranked> ranked = Ranking.among(List.of(unit("A", "P", figure(90, 2)), unit("B", "P", figure(85, 1)),
                unit("C", "P", figure(85, 4)), unit("D", "P", figure(70, 1))));

        assertThat(ranked.get(0).overlapping()).containsExactly("C");
        assertThat(ranked.get(0).bestRank()).isEqualTo(1);
        assertThat(ranked.get(0).worstRank()).isEqualTo(2);
        assertThat(ranked.get(1).overlapping()).containsExactly("C");
        assertThat(ranked.get(1)).extracting(Ranking.Ranked::bestRank, Ranking.Ranked::worstRank).containsExactly(2, 3);
        assertThat(ranked.get(2).overlapping()).containsExactly("A", "B");
        assertThat(ranked.get(2)).extracting(Ranking.Ranked::bestRank, Ranking.Ranked::worstRank).containsExactly(1, 3);
        assertThat(ranked.get(3).standsApart()).isTrue();
        assertThat(ranked.get(3)).extracting(Ranking.Ranked::bestRank, Ranking.Ranked::worstRank).containsExactly(4, 4);
    }

    @Test
    void unitsAreRankedWithinTheirParentAndThoseWithoutAFigureComeLastUnranked() {
        IndexEstimate empty = new IndexEstimate("SIPAS", "overall", 3, null, null, null, null, null);
        List<Ranking.Ranked> ranked = Ranking.withinParents(List.of(unit("x1", "X", figure(60, 1)),
                unit("y1", "Y", figure(95, 1)), unit("x2", "X", empty), unit("x3", "X", figure(80, 1))));

        assertThat(ranked).extracting(Ranking.Ranked::unit).containsExactly("x3", "x1", "x2", "y1");
        assertThat(ranked).extracting(Ranking.Ranked::rank).containsExactly(1, 2, null, 1);
        assertThat(ranked.get(2).standsApart()).isFalse();
    }
}
