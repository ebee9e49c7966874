package org.sipas.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sipas.methodology.IndexNode;
import org.sipas.methodology.IndexNode.Rule;

/**
 * The engine's sums-only variance against the textbook computation response by response (every
 * u_i formed, centred per stratum, squared and summed) on a deeper, weighted tree than the R
 * fixtures have, with domains cutting across strata.
 */
class LinearisationTest {

    private static IndexNode criterion(String code) {
        return new IndexNode(code, null, Rule.SHARE_SATISFIED, code, null, null);
    }

    /** SIPAS ← (A weighted 2:1 ← (A1 mean ← c0, c1), c2), B mean ← c3, c4, c5; SIPAS weights A 3, B 1. */
    private static final IndexTree TREE = IndexTree.of(new IndexNode("SIPAS", null, Rule.WEIGHTED, null, List.of(
            new IndexNode("A", null, Rule.WEIGHTED, null, List.of(
                    new IndexNode("A1", null, Rule.MEAN, null, List.of(criterion("c0"), criterion("c1")), null),
                    criterion("c2")), Map.of("A1", 2.0, "c2", 1.0)),
            new IndexNode("B", null, Rule.MEAN, null, List.of(criterion("c3"), criterion("c4"), criterion("c5")), null)),
            Map.of("A", 3.0, "B", 1.0)));

    private record Response(int stratum, boolean inDomain, byte[] answers) {
    }

    @Test
    void theSumsGiveTheVarianceOfTheLinearisedCombinationResponseByResponse() {
        Random random = new Random(15);
        long[] populations = {5000, 120, 30_000, 800};
        int[] sizes = {60, 25, 400, 2};
        List<Response> responses = new ArrayList<>();
        for (int h = 0; h < sizes.length; h++) {
            for (int i = 0; i < sizes[h]; i++) {
                byte[] answers = new byte[6];
                for (int c = 0; c < 6; c++) {
                    double u = random.nextDouble();
                    answers[c] = u < 0.1 ? AnswerCodes.EXCLUDED : u < 0.35 + 0.1 * h ? AnswerCodes.VALID : AnswerCodes.SATISFIED;
                }
                responses.add(new Response(h, random.nextDouble() < 0.6, answers));
            }
        }
        List<StratumTotals> totals = new ArrayList<>();
        for (int h = 0; h < sizes.length; h++) {
            Sums sums = new Sums(6);
            for (Response r : responses) {
                if (r.stratum() == h && r.inDomain()) {
                    sums.add(r.answers());
                }
            }
            totals.add(sums.totals("h" + h, populations[h], sizes[h]));
        }
        List<IndexEstimate> estimates = Estimator.estimate(TREE, totals);

        // the overall index as a combination of criteria: SIPAS = ¾·(⅔·(½c0 + ½c1) + ⅓c2) + ¼·⅓(c3 + c4 + c5)
        double[] a = {0.75 * 2 / 3 * 0.5, 0.75 * 2 / 3 * 0.5, 0.75 / 3, 0.25 / 3, 0.25 / 3, 0.25 / 3};
        double[] x = new double[6];
        double[] y = new double[6];
        for (Response r : responses) {
            double w = (double) populations[r.stratum()] / sizes[r.stratum()];
            for (int c = 0; c < 6; c++) {
                if (r.inDomain() && r.answers()[c] != AnswerCodes.EXCLUDED) {
                    x[c] += w;
                    y[c] += r.answers()[c] == AnswerCodes.SATISFIED ? w : 0;
                }
            }
        }
        double estimate = 0;
        for (int c = 0; c < 6; c++) {
            estimate += a[c] * y[c] / x[c];
        }
        double variance = 0;
        for (int h = 0; h < sizes.length; h++) {
            List<Double> u = new ArrayList<>();
            for (Response r : responses) {
                if (r.stratum() != h) {
                    continue;
                }
                double value = 0;
                for (int c = 0; c < 6; c++) {
                    boolean valid = r.inDomain() && r.answers()[c] != AnswerCodes.EXCLUDED;
                    double yi = valid && r.answers()[c] == AnswerCodes.SATISFIED ? 1 : 0;
                    value += a[c] * (yi - y[c] / x[c] * (valid ? 1 : 0)) / x[c];
                }
                u.add(value);
            }
            double n = sizes[h];
            double w = populations[h] / n;
            double mean = u.stream().mapToDouble(Double::doubleValue).sum() / n;
            double centred = u.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            variance += (1 - n / populations[h]) * n / (n - 1) * w * w * centred;
        }
        IndexEstimate overall = estimates.get(estimates.size() - 1);
        assertThat(overall.index()).isEqualTo("SIPAS");
        assertThat(overall.estimatePct()).isCloseTo(100 * estimate, within(1e-10));
        assertThat(overall.sePct()).isCloseTo(100 * Math.sqrt(variance), within(1e-10));
        assertThat(estimates).extracting(IndexEstimate::index)
                .containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "A1", "A", "B", "SIPAS");
        assertThat(estimates).extracting(IndexEstimate::level).containsExactly("criterion", "criterion", "criterion",
                "criterion", "criterion", "criterion", "element", "element", "element", "overall");
    }
}
