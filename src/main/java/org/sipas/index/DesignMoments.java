package org.sipas.index;

/**
 * What a domain's estimates need of its strata, in a form that adds up across strata: the counts
 * Σx_k and Σy_k, the weighted totals Σw·x_k and Σw·y_k, and the variance moments
 * S_yy = Σ_h c_h·D_yy,h, S_yx = Σ_h c_h·D_yx,h and S_xx = Σ_h c_h·D_xx,h, where D is a stratum's centred
 * cross-sum (n_h·Σab − Σa·Σb, formed exactly in {@code long}) and c_h = (1 − f_h)·w_h² / (n_h − 1)
 * its variance factor. The linearised variance of criteria k and l is then
 * (S_yy − R_l·S_yx − R_k·S_yxᵀ + R_k·R_l·S_xx)_kl / (X_k·X_l), so a province's moments are the sum of
 * its communes' and the nation's the sum of all: each stratum's moments are made once per read, and
 * every geographic domain that holds the stratum only adds them (see {@link Estimator}).
 *
 * <p>Strata where R's answer is not that formula keep R's rule (see {@link Estimator}): a census
 * stratum adds no variance, a lone response adds its uncentred products with factor (1 − f)·w², a
 * stratum without responses adds nothing.
 */
final class DesignMoments {

    /** R returns no variance for a stratum whose sampling fraction leaves less than this. */
    private static final double CENSUS = 1e-7;

    final int k;
    long domainCount;
    final long[] valid;
    final long[] satisfied;
    final double[] validTotal;
    final double[] satisfiedTotal;
    /** Row-major k × k. */
    final double[] syy;
    final double[] syx;
    final double[] sxx;

    DesignMoments(int k) {
        this.k = k;
        valid = new long[k];
        satisfied = new long[k];
        validTotal = new double[k];
        satisfiedTotal = new double[k];
        syy = new double[k * k];
        syx = new double[k * k];
        sxx = new double[k * k];
    }

    /**
     * One stratum's moments in a domain from its sums there (row-major k × k cross-sums).
     *
     * @param populationSize N_h
     * @param sampleSize     n_h, the stratum's responses that count, in the domain or not
     */
    static DesignMoments ofStratum(long populationSize, long sampleSize, long domainCount, long[] x, long[] y,
                                   long[] yy, long[] yx, long[] xx) {
        if (sampleSize < 0 || populationSize < sampleSize || domainCount > sampleSize) {
            throw new IllegalArgumentException("N_h = " + populationSize + ", n_h = " + sampleSize + ", in the domain " + domainCount);
        }
        int k = x.length;
        DesignMoments m = new DesignMoments(k);
        m.domainCount = domainCount;
        System.arraycopy(x, 0, m.valid, 0, k);
        System.arraycopy(y, 0, m.satisfied, 0, k);
        if (sampleSize == 0) {
            return m;
        }
        double w = (double) populationSize / sampleSize;
        for (int c = 0; c < k; c++) {
            m.validTotal[c] = w * x[c];
            m.satisfiedTotal[c] = w * y[c];
        }
        double unsampled = (double) (populationSize - sampleSize) / populationSize;
        if (domainCount == 0 || unsampled < CENSUS) {
            return m;
        }
        if (sampleSize == 1) {
            // lonely response, survey.lonely.psu = "adjust": its weighted value, uncentred
            double factor = unsampled * w * w;
            for (int a = 0; a < k; a++) {
                int row = a * k;
                for (int b = 0; b < k; b++) {
                    m.syy[row + b] = factor * y[a] * y[b];
                    m.syx[row + b] = factor * y[a] * x[b];
                    m.sxx[row + b] = factor * x[a] * x[b];
                }
            }
            return m;
        }
        // (1 − f)·n/(n − 1)·w²·[Σu² − (Σu)²/n] = (1 − f)·w²/(n − 1)·[n·Σu² − (Σu)²]
        double factor = unsampled * w * w / (sampleSize - 1);
        for (int a = 0; a < k; a++) {
            int row = a * k;
            for (int b = 0; b < k; b++) {
                m.syx[row + b] = factor * centred(sampleSize, yx[row + b], y[a], x[b]);
                if (b >= a) {
                    double dyy = factor * centred(sampleSize, yy[row + b], y[a], y[b]);
                    double dxx = factor * centred(sampleSize, xx[row + b], x[a], x[b]);
                    m.syy[row + b] = dyy;
                    m.syy[b * k + a] = dyy;
                    m.sxx[row + b] = dxx;
                    m.sxx[b * k + a] = dxx;
                }
            }
        }
        return m;
    }

    /** n·Σab − Σa·Σb, exact. */
    private static long centred(long n, long sumProduct, long sumA, long sumB) {
        return Math.subtractExact(Math.multiplyExact(n, sumProduct), Math.multiplyExact(sumA, sumB));
    }

    /** Adds another stratum's (or set of strata's) moments in the same domain. */
    void add(DesignMoments other) {
        domainCount += other.domainCount;
        for (int c = 0; c < k; c++) {
            valid[c] += other.valid[c];
            satisfied[c] += other.satisfied[c];
            validTotal[c] += other.validTotal[c];
            satisfiedTotal[c] += other.satisfiedTotal[c];
        }
        for (int i = 0; i < syy.length; i++) {
            syy[i] += other.syy[i];
            syx[i] += other.syx[i];
            sxx[i] += other.sxx[i];
        }
    }

    /** The sum of several strata's moments; the one itself when there is one (not copied: read only). */
    static DesignMoments sum(int k, Iterable<DesignMoments> strata) {
        DesignMoments first = null;
        DesignMoments sum = null;
        for (DesignMoments m : strata) {
            if (first == null) {
                first = m;
            } else {
                if (sum == null) {
                    sum = new DesignMoments(k);
                    sum.add(first);
                }
                sum.add(m);
            }
        }
        return sum != null ? sum : first != null ? first : new DesignMoments(k);
    }
}
