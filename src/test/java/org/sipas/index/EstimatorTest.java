package org.sipas.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sipas.methodology.IndexNode;
import org.sipas.methodology.IndexNode.Rule;

/** Hand-checkable cases of the engine; the figures R computed are in the fixture tests. */
class EstimatorTest {

    private static final byte S = AnswerCodes.SATISFIED;
    private static final byte V = AnswerCodes.VALID;
    private static final byte X = AnswerCodes.EXCLUDED;

    private static IndexNode criterion(String code) {
        return new IndexNode(code, null, Rule.SHARE_SATISFIED, code, null, null);
    }

    private static IndexNode mean(String code, IndexNode... children) {
        return new IndexNode(code, null, Rule.MEAN, null, List.of(children), null);
    }

    private static StratumTotals stratum(String code, long populationSize, byte[]... responses) {
        Sums sums = new Sums(responses[0].length);
        for (byte[] response : responses) {
            sums.add(response);
        }
        return sums.totals(code, populationSize, sums.n);
    }

    private static IndexEstimate find(List<IndexEstimate> estimates, String code) {
        return estimates.stream().filter(e -> e.index().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theCriteriaAreTheLeavesInDepthFirstOrder() {
        IndexTree tree = IndexTree.of(mean("ALL", mean("E1", criterion("b"), criterion("a")), criterion("c")));
        assertThat(tree.criteria()).extracting(IndexNode::code).containsExactly("b", "a", "c");
        assertThat(tree.position("a")).isEqualTo(1);
        assertThat(tree.position("zz")).isEqualTo(-1);
        assertThat(tree.positions()).containsExactly(Map.entry("b", 0), Map.entry("a", 1), Map.entry("c", 2));
        assertThat(tree.level(tree.root())).isEqualTo("overall");
        assertThat(tree.level(tree.root().children().get(0))).isEqualTo("element");
        assertThat(tree.level(tree.criteria().get(0))).isEqualTo("criterion");
    }

    @Test
    void aTreeWithARepeatedCodeOrAMissingWeightIsRefused() {
        assertThatThrownBy(() -> IndexTree.of(mean("ALL", criterion("a"), criterion("a"))))
                .isInstanceOf(IllegalArgumentException.class);
        IndexNode weighted = new IndexNode("ALL", null, Rule.WEIGHTED, null, List.of(criterion("a"), criterion("b")),
                Map.of("a", 2.0));
        assertThatThrownBy(() -> IndexTree.of(weighted)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndexTree.of(mean("ALL", new IndexNode("a", null, Rule.MEAN, "a", null, null))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRatioOfOneStratumHasTheTextbookStandardError() {
        // N = 10, n = 4, two of four satisfied: R = 0.5, X = 2.5·4 = 10, e = ±0.5, Σe² = 1, Σe = 0;
        // var = (1 − 0.4)·4/3·2.5²·1/10² = 0.05
        IndexTree tree = IndexTree.of(mean("ALL", criterion("a")));
        List<IndexEstimate> out = Estimator.estimate(tree, List.of(stratum("h", 10, new byte[] {S}, new byte[] {S},
                new byte[] {V}, new byte[] {V})));
        IndexEstimate a = find(out, "a");
        assertThat(a.n()).isEqualTo(4);
        assertThat(a.estimatePct()).isCloseTo(50, within(1e-12));
        assertThat(a.unweightedPct()).isCloseTo(50, within(1e-12));
        assertThat(a.sePct()).isCloseTo(100 * Math.sqrt(0.05), within(1e-12));
        assertThat(a.ci95Low()).isCloseTo(50 - 1.959963984540054 * 100 * Math.sqrt(0.05), within(1e-12));
        assertThat(find(out, "ALL")).usingRecursiveComparison().ignoringFields("index", "level").isEqualTo(a);
    }

    @Test
    void strataAreWeightedByTheirFrameSize() {
        // stratum h: 1 of 2 satisfied, N = 100 (w = 50); stratum g: 2 of 2, N = 300 (w = 150)
        // weighted: (50 + 300)/(100 + 300) = 87.5 %; unweighted 3/4 = 75 %
        IndexTree tree = IndexTree.of(mean("ALL", criterion("a")));
        List<IndexEstimate> out = Estimator.estimate(tree, List.of(
                stratum("h", 100, new byte[] {S}, new byte[] {V}),
                stratum("g", 300, new byte[] {S}, new byte[] {S})));
        assertThat(find(out, "a").estimatePct()).isCloseTo(87.5, within(1e-12));
        assertThat(find(out, "a").unweightedPct()).isCloseTo(75, within(1e-12));
        assertThat(find(out, "a").n()).isEqualTo(4);
    }

    @Test
    void aCensusStratumAndAStratumWithoutResponsesAddNoVariance() {
        IndexTree tree = IndexTree.of(mean("ALL", criterion("a")));
        StratumTotals census = stratum("h", 3, new byte[] {S}, new byte[] {V}, new byte[] {S});
        StratumTotals empty = new Sums(1).totals("g", 50, 0);
        List<IndexEstimate> out = Estimator.estimate(tree, List.of(census, empty));
        assertThat(find(out, "a").sePct()).isZero();
        assertThat(find(out, "a").estimatePct()).isCloseTo(200.0 / 3, within(1e-12));
    }

    @Test
    void aLonelyResponseAddsItsWeightedDeviationFromTheEstimate() {
        // h: N = 4, one response, satisfied (w = 4); g: census of two, neither satisfied (w = 1).
        // R = 4/(4 + 2) = 2/3, X = 6; the lone e = 1 − 2/3 = 1/3: var = (1 − 1/4)·4²·(1/3)²/6² = 1/27
        IndexTree tree = IndexTree.of(mean("ALL", criterion("a")));
        List<IndexEstimate> out = Estimator.estimate(tree, List.of(stratum("h", 4, new byte[] {S}),
                stratum("g", 2, new byte[] {V}, new byte[] {V})));
        assertThat(find(out, "a").estimatePct()).isCloseTo(200.0 / 3, within(1e-12));
        assertThat(find(out, "a").sePct()).isCloseTo(100 * Math.sqrt(1.0 / 27), within(1e-12));
    }

    @Test
    void anEmptyCriterionLeavesItsParentWhichAveragesTheOthers() {
        IndexTree tree = IndexTree.of(mean("ALL", mean("E1", criterion("a"), criterion("b")),
                mean("E2", criterion("c"))));
        List<IndexEstimate> out = Estimator.estimate(tree, List.of(stratum("h", 10,
                new byte[] {S, X, X}, new byte[] {V, X, X})));
        assertThat(find(out, "b").estimatePct()).isNull();
        assertThat(find(out, "b").unweightedPct()).isNull();
        assertThat(find(out, "b").n()).isEqualTo(2);
        assertThat(find(out, "E2").ci95High()).isNull();
        assertThat(find(out, "E1").estimatePct()).isCloseTo(50, within(1e-12));
        assertThat(find(out, "ALL").estimatePct()).isCloseTo(50, within(1e-12));
        assertThat(find(out, "ALL").sePct()).isCloseTo(find(out, "a").sePct(), within(1e-12));
    }

    @Test
    void weightsAreRenormalisedOverTheChildrenThatHaveAValue() {
        IndexNode root = new IndexNode("ALL", null, Rule.WEIGHTED, null,
                List.of(criterion("a"), criterion("b"), criterion("c")), Map.of("a", 3.0, "b", 1.0, "c", 6.0));
        IndexTree tree = IndexTree.of(root);
        // a: 2/2, b: 0/2, c empty: (3·100 + 1·0)/4 = 75
        List<IndexEstimate> out = Estimator.estimate(tree, List.of(stratum("h", 2,
                new byte[] {S, V, X}, new byte[] {S, V, X})));
        assertThat(find(out, "ALL").estimatePct()).isCloseTo(75, within(1e-12));
        assertThat(find(out, "ALL").unweightedPct()).isCloseTo(75, within(1e-12));
        assertThat(out).extracting(IndexEstimate::index).containsExactly("a", "b", "c", "ALL");
    }

    @Test
    void aDomainWithoutAnyResponseIsEmptyThroughout() {
        IndexTree tree = IndexTree.of(mean("ALL", criterion("a")));
        List<IndexEstimate> out = Estimator.estimate(tree, List.of());
        assertThat(out).hasSize(2).allMatch(e -> e.estimatePct() == null && e.n() == 0);
    }

    @Test
    void totalsThatDoNotFitTheTreeOrAFrameSmallerThanItsSampleAreRefused() {
        IndexTree tree = IndexTree.of(mean("ALL", criterion("a"), criterion("b")));
        assertThatThrownBy(() -> Estimator.estimate(tree, List.of(stratum("h", 5, new byte[] {S}))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stratum h");
        assertThatThrownBy(() -> Estimator.estimate(tree, List.of(stratum("h", 1, new byte[] {S, S}, new byte[] {S, V}))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("N_h = 1");
    }
}
