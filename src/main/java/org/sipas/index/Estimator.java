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
 * division, so a stratum whose mean is far from its spread loses nothing to cancellation; the
 * variance matrix of the criteria is built once per domain, and each node's variance is a'Va.
 * Cost O(strata × criteria²), independent of the number of responses.
 */
public final class Estimator {

    /** {@code qnorm(0.975)} in R: the normal quantile of R's {@code confint}. */
    static final double Z95 = 1.959963984540054;

    /** R returns no variance for a stratum whose sampling fraction leaves less than this. */
    private static final double CENSUS = 1e-7;

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
        long n = 0;
        long[] valid = new long[k];
        long[] satisfied = new long[k];
        double[] validTotal = new double[k];
        double[] satisfiedTotal = new double[k];
        for (StratumTotals s : strata) {
            check(s, k);
            n += s.domainCount();
            if (s.sampleSize() == 0) {
                continue;
            }
            double w = (double) s.populationSize() / s.sampleSize();
            for (int c = 0; c < k; c++) {
                valid[c] += s.valid()[c];
                satisfied[c] += s.satisfied()[c];
                validTotal[c] += w * s.valid()[c];
                satisfiedTotal[c] += w * s.satisfied()[c];
            }
        }
        double[] ratio = new double[k];
        boolean[] present = new boolean[k];
        for (int c = 0; c < k; c++) {
            present[c] = valid[c] > 0;
            ratio[c] = present[c] ? satisfiedTotal[c] / validTotal[c] : Double.NaN;
        }
        double[][] covariance = covariance(strata, k, ratio, present, validTotal);

        List<IndexEstimate> out = new ArrayList<>(k + 8);
        Map<IndexNode, Figure> figures = new IdentityHashMap<>();
        for (int c = 0; c < k; c++) {
            IndexNode criterion = tree.criteria().get(c);
            Figure figure;
            if (present[c]) {
                double[] a = new double[k];
                a[c] = 1;
                figure = new Figure(a, (double) satisfied[c] / valid[c]);
            } else {
                figure = null;
            }
            figures.put(criterion, figure);
            out.add(estimate(criterion.code(), tree.level(criterion), n, figure, ratio, covariance, present));
        }
        for (IndexNode node : tree.innerNodesPostOrder()) {
            Figure figure = combine(node, figures, k);
            figures.put(node, figure);
            out.add(estimate(node.code(), tree.level(node), n, figure, ratio, covariance, present));
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

    /**
     * The variance matrix of the criterion ratios: V_kl = Σ_h c_h·D_kl / (X_k·X_l), with
     * D_kl the stratum's centred cross-sum of e_k = y_k − R_k·x_k (times n_h, exact in longs).
     */
    private static double[][] covariance(List<StratumTotals> strata, int k, double[] ratio, boolean[] present,
                                         double[] validTotal) {
        double[][] v = new double[k][k];
        for (StratumTotals s : strata) {
            long nh = s.sampleSize();
            long bigN = s.populationSize();
            if (nh == 0 || s.domainCount() == 0) {
                continue;
            }
            double unsampled = (double) (bigN - nh) / bigN;
            if (unsampled < CENSUS) {
                continue;
            }
            double w = (double) bigN / nh;
            long[] x = s.valid();
            long[] y = s.satisfied();
            long[][] yy = s.satisfiedBySatisfied();
            long[][] yx = s.satisfiedByValid();
            long[][] xx = s.validByValid();
            if (nh == 1) {
                // lonely response, survey.lonely.psu = "adjust": its weighted value, uncentred
                double factor = unsampled * w * w;
                double[] e = new double[k];
                for (int c = 0; c < k; c++) {
                    e[c] = present[c] ? y[c] - ratio[c] * x[c] : 0;
                }
                for (int a = 0; a < k; a++) {
                    if (!present[a] || e[a] == 0) {
                        continue;
                    }
                    for (int b = 0; b < k; b++) {
                        if (present[b]) {
                            v[a][b] += factor * e[a] * e[b];
                        }
                    }
                }
                continue;
            }
            // (1 − f)·n/(n − 1)·w²·[Σu² − (Σu)²/n] = (1 − f)·w²/(n − 1)·[n·Σu² − (Σu)²]
            double factor = unsampled * w * w / (nh - 1);
            for (int a = 0; a < k; a++) {
                if (!present[a]) {
                    continue;
                }
                for (int b = a; b < k; b++) {
                    if (!present[b]) {
                        continue;
                    }
                    long dyy = centred(nh, yy[a][b], y[a], y[b]);
                    long dyx = centred(nh, yx[a][b], y[a], x[b]);
                    long dxy = centred(nh, yx[b][a], x[a], y[b]);
                    long dxx = centred(nh, xx[a][b], x[a], x[b]);
                    double d = dyy - ratio[b] * dyx - ratio[a] * dxy + ratio[a] * ratio[b] * dxx;
                    v[a][b] += factor * d;
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                if (present[a] && present[b]) {
                    v[a][b] /= validTotal[a] * validTotal[b];
                    v[b][a] = v[a][b];
                }
            }
        }
        return v;
    }

    /** n·Σab − Σa·Σb, exact. */
    private static long centred(long n, long sumProduct, long sumA, long sumB) {
        return Math.subtractExact(Math.multiplyExact(n, sumProduct), Math.multiplyExact(sumA, sumB));
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
        double value = 0;
        double variance = 0;
        for (int c = 0; c < a.length; c++) {
            if (a[c] == 0 || !present[c]) {
                continue;
            }
            value += a[c] * ratio[c];
            double row = 0;
            for (int d = 0; d < a.length; d++) {
                if (a[d] != 0 && present[d]) {
                    row += covariance[c][d] * a[d];
                }
            }
            variance += a[c] * row;
        }
        double se = Math.sqrt(Math.max(0, variance));
        double pct = 100 * value;
        double sePct = 100 * se;
        return new IndexEstimate(code, level, n, 100 * figure.unweighted(), pct, sePct, pct - Z95 * sePct, pct + Z95 * sePct);
    }
}
