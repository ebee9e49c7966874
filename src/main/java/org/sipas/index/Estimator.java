package org.sipas.index;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.sipas.methodology.IndexNode;

/**
 * The estimates of an index tree for one domain, from the per-stratum sufficient statistics
 * alone, exactly as R's {@code survey} package (4.1) computes them for
 * {@code svydesign(ids=~1, strata=~stratum, fpc=~N_h)}:
 * <ul>
 * <li>the weight of a response of stratum h is w_h = N_h / n_h;</li>
 * <li>a criterion k is the ratio R_k = Σ w·y_k / Σ w·x_k (satisfied over valid, {@code svyratio}),
 * with the linearised variable u_k = (y_k − R_k·x_k) / X_k, X_k = Σ w·x_k, zero outside the
 * domain (a domain is a subpopulation, as in {@code svyby}: the stratum keeps its whole n_h);</li>
 * <li>an inner node is its rule over the children that have a value (the mean, or the weighted
 * mean with the weights renormalised over those children), so a linear combination Σ a_k·R_k of
 * the criteria, whose standard error is that of Σ a_k·u_k ({@code svycontrast});</li>
 * <li>the variance of a linearised variable u is
 * Σ_h (1 − n_h/N_h)·n_h/(n_h − 1)·w_h²·[Σu² − (Σu)²/n_h], the 95% interval estimate ± z·SE with
 * z = {@code qnorm(0.975)}, R's {@code confint}.</li>
 * </ul>
 * Strata where R's answer is not that formula:
 * <ul>
 * <li>a census stratum (n_h = N_h; R: any with 1 − n_h/N_h &lt; 10⁻⁷) adds no variance;</li>
 * <li>a stratum with one response (n_h = 1 &lt; N_h) stops R under its default
 * {@code survey.lonely.psu = "fail"}. The engine does what R does under
 * {@code options(survey.lonely.psu = "adjust")}, the option a statistics office sets: the lone
 * response's weighted value is taken as a deviation from zero (the estimate's own centre), so it
 * adds (1 − 1/N_h)·w_h²·u² rather than pretending the stratum is known without error
 * ({@code "certainty"} would add nothing);</li>
 * <li>a stratum without responses (n_h = 0) carries no weight and adds nothing.</li>
 * </ul>
 * A criterion with no valid answer in the domain is empty (every percentage null, R's NA) and
 * leaves its parent's average; a node whose children are all empty is empty.
 *
 * <p>Numerics: every centred cross-sum n_h·Σab − Σa·Σb is formed exactly in {@code long} before any
 * division, so a stratum whose mean is far from its spread loses nothing to cancellation. The
 * rest is linear in the strata: a stratum's {@link DesignMoments} (its totals and its centred
 * cross-sums times its variance factor) add up over the strata of a domain, the variance matrix of
 * the criteria is formed once per domain from the sum and the domain's ratios, and each node's
 * variance is a'Va. Cost O(strata × criteria²), independent of the number of responses; a stratum
 * shared by nested domains (commune, province, nation) is centred once.
 */
public final class Estimator {

    /** {@code qnorm(0.975)} in R: the normal quantile of R's {@code confint}. */
    static final double Z95 = 1.959963984540054;

    private Estimator() {
    }

    /**
     * One figure per node of the tree for the domain whose totals are {@code strata}: the criteria
     * in depth-first order, then the inner nodes, each after its children, the root last.
     *
     * @param strata the totals of every stratum the domain touches, each stratum once (a stratum
     *               left out, or with no response in the domain, adds nothing): the nation's and a
     *               province's are the union of their units' strata, a domain that cuts across strata
     *               has each stratum's part with the stratum's whole n_h
     * @throws IllegalArgumentException when a stratum's arrays do not fit the tree, or N_h &lt; n_h
     */
    public static List<IndexEstimate> estimate(IndexTree tree, List<StratumTotals> strata) {
        int k = tree.criteria().size();
        DesignMoments sum = new DesignMoments(k);
        for (StratumTotals s : strata) {
            check(s, k);
            sum.add(DesignMoments.ofStratum(s.populationSize(), s.sampleSize(), s.domainCount(), s.valid(), s.satisfied(),
                    flat(s.satisfiedBySatisfied()), flat(s.satisfiedByValid()), flat(s.validByValid())));
        }
        return estimate(tree, sum);
    }

    /**
     * As {@link #estimate(IndexTree, List)}, from the domain's moments: the sum of its strata's
     * {@link DesignMoments}, which the caller may have made once and shared among domains.
     */
    static List<IndexEstimate> estimate(IndexTree tree, DesignMoments m) {
        int k = tree.criteria().size();
        if (m.k != k) {
            throw new IllegalArgumentException("moments of " + m.k + " criteria, the tree has " + k);
        }
        double[] ratio = new double[k];
        boolean[] present = new boolean[k];
        for (int c = 0; c < k; c++) {
            present[c] = m.valid[c] > 0;
            ratio[c] = present[c] ? m.satisfiedTotal[c] / m.validTotal[c] : Double.NaN;
        }
        double[][] covariance = covariance(m, ratio, present);

        List<IndexEstimate> out = new ArrayList<>(k + 8);
        Map<IndexNode, Figure> figures = new IdentityHashMap<>();
        for (int c = 0; c < k; c++) {
            IndexNode criterion = tree.criteria().get(c);
            Figure figure;
            if (present[c]) {
                double[] a = new double[k];
                a[c] = 1;
                figure = new Figure(a, (double) m.satisfied[c] / m.valid[c]);
            } else {
                figure = null;
            }
            figures.put(criterion, figure);
            out.add(estimate(criterion.code(), tree.level(criterion), m.domainCount, figure, ratio, covariance, present));
        }
        for (IndexNode node : tree.innerNodesPostOrder()) {
            Figure figure = combine(node, figures, k);
            figures.put(node, figure);
            out.add(estimate(node.code(), tree.level(node), m.domainCount, figure, ratio, covariance, present));
        }
        return out;
    }

    /** A node's figure: its coefficients over the criteria, and its unweighted proportion. */
    private record Figure(double[] coefficients, double unweighted) {
    }

    private static void check(StratumTotals s, int k) {
        if (s.valid().length != k || s.satisfied().length != k || s.satisfiedBySatisfied().length != k
                || s.satisfiedByValid().length != k || s.validByValid().length != k) {
            throw new IllegalArgumentException("stratum " + s.stratum() + ": totals for " + s.valid().length
                    + " criteria, the tree has " + k);
        }
        if (s.sampleSize() < 0 || s.populationSize() < s.sampleSize() || s.domainCount() > s.sampleSize()) {
            throw new IllegalArgumentException("stratum " + s.stratum() + ": N_h = " + s.populationSize()
                    + ", n_h = " + s.sampleSize() + ", in the domain " + s.domainCount());
        }
    }

    private static long[] flat(long[][] square) {
        int k = square.length;
        long[] flat = new long[k * k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(square[i], 0, flat, i * k, k);
        }
        return flat;
    }

    /**
     * The variance matrix of the criterion ratios from the domain's moments:
     * V_kl = (S_yy − R_l·S_yx − R_k·S_yxᵀ + R_k·R_l·S_xx)_kl / (X_k·X_l), over the criteria present.
     */
    private static double[][] covariance(DesignMoments m, double[] ratio, boolean[] present) {
        int k = m.k;
        double[][] v = new double[k][k];
        for (int a = 0; a < k; a++) {
            if (!present[a]) {
                continue;
            }
            for (int b = a; b < k; b++) {
                if (!present[b]) {
                    continue;
                }
                double d = m.syy[a * k + b] - ratio[b] * m.syx[a * k + b] - ratio[a] * m.syx[b * k + a]
                        + ratio[a] * ratio[b] * m.sxx[a * k + b];
                v[a][b] = d / (m.validTotal[a] * m.validTotal[b]);
                v[b][a] = v[a][b];
            }
        }
        return v;
    }

    /** An inner node's rule over its children that have a value, weights renormalised over them. */
    private static Figure combine(IndexNode node, Map<IndexNode, Figure> figures, int k) {
        double weightSum = 0;
        for (IndexNode child : node.children()) {
            if (figures.get(child) != null) {
                weightSum += weight(node, child);
            }
        }
        if (weightSum == 0) {
            return null;
        }
        double[] a = new double[k];
        double unweighted = 0;
        for (IndexNode child : node.children()) {
            Figure figure = figures.get(child);
            if (figure == null) {
                continue;
            }
            double share = weight(node, child) / weightSum;
            double[] b = figure.coefficients();
            for (int c = 0; c < k; c++) {
                a[c] += share * b[c];
            }
            unweighted += share * figure.unweighted();
        }
        return new Figure(a, unweighted);
    }

    private static double weight(IndexNode node, IndexNode child) {
        return node.rule() == IndexNode.Rule.WEIGHTED ? node.weights().get(child.code()) : 1;
    }

    private static IndexEstimate estimate(String code, String level, long n, Figure figure, double[] ratio,
                                          double[][] covariance, boolean[] present) {
        if (figure == null) {
            return new IndexEstimate(code, level, n, null, null, null, null, null);
        }
        double[] a = figure.coefficients();
        // the criteria the node stands on: one for a criterion, a few for an element
        int[] terms = new int[a.length];
        int m = 0;
        for (int c = 0; c < a.length; c++) {
            if (a[c] != 0 && present[c]) {
                terms[m++] = c;
            }
        }
        double value = 0;
        double variance = 0;
        for (int i = 0; i < m; i++) {
            int c = terms[i];
            value += a[c] * ratio[c];
            double row = 0;
            for (int j = 0; j < m; j++) {
                row += covariance[c][terms[j]] * a[terms[j]];
            }
            variance += a[c] * row;
        }
        double se = Math.sqrt(Math.max(0, variance));
        double pct = 100 * value;
        double sePct = 100 * se;
        return new IndexEstimate(code, level, n, 100 * figure.unweighted(), pct, sePct, pct - Z95 * sePct, pct + Z95 * sePct);
    }
}
