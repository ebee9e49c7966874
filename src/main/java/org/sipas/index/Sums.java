package org.sipas.index;

import java.util.Arrays;

/**
 * The running sums of one tally row: its responses and, over K criteria, Σx_k, Σy_k and the
 * row-major K×K cross-sums Σy_k·y_l, Σy_k·x_l, Σx_k·x_l. Mutable: a fold adds responses with sign
 * +1 (entered the count) or −1 (left it).
 */
final class Sums {

    long n;
    final long[] valid;
    final long[] satisfied;
    final long[] satBySat;
    final long[] satByValid;
    final long[] validByValid;

    Sums(int criteria) {
        this(0, new long[criteria], new long[criteria], new long[criteria * criteria], new long[criteria * criteria],
                new long[criteria * criteria]);
    }

    Sums(long n, long[] valid, long[] satisfied, long[] satBySat, long[] satByValid, long[] validByValid) {
        this.n = n;
        this.valid = valid;
        this.satisfied = satisfied;
        this.satBySat = satBySat;
        this.satByValid = satByValid;
        this.validByValid = validByValid;
    }

    int criteria() {
        return valid.length;
    }

    /** Adds one response's indicators (x: valid, y: satisfied) with {@code sign}. */
    void add(boolean[] x, boolean[] y, int sign) {
        int k = valid.length;
        n += sign;
        for (int i = 0; i < k; i++) {
            if (!x[i]) {
                continue;
            }
            valid[i] += sign;
            if (y[i]) {
                satisfied[i] += sign;
            }
            int row = i * k;
            for (int j = 0; j < k; j++) {
                if (x[j]) {
                    validByValid[row + j] += sign;
                    if (y[i]) {
                        satByValid[row + j] += sign;
                        if (y[j]) {
                            satBySat[row + j] += sign;
                        }
                    }
                }
            }
        }
    }

    void add(Sums other) {
        n += other.n;
        addInto(valid, other.valid);
        addInto(satisfied, other.satisfied);
        addInto(satBySat, other.satBySat);
        addInto(satByValid, other.satByValid);
        addInto(validByValid, other.validByValid);
    }

    private static void addInto(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    boolean isZero() {
        return n == 0 && Arrays.stream(valid).allMatch(v -> v == 0) && Arrays.stream(validByValid).allMatch(v -> v == 0);
    }

    /** The engine's record of this stratum in one domain. */
    StratumTotals totals(String stratum, long populationSize, long sampleSize) {
        int k = valid.length;
        return new StratumTotals(stratum, populationSize, sampleSize, n, valid.clone(), satisfied.clone(),
                square(satBySat, k), square(satByValid, k), square(validByValid, k));
    }

    private static long[][] square(long[] flat, int k) {
        long[][] m = new long[k][];
        for (int i = 0; i < k; i++) {
            m[i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sums s && n == s.n && Arrays.equals(valid, s.valid) && Arrays.equals(satisfied, s.satisfied)
                && Arrays.equals(satBySat, s.satBySat) && Arrays.equals(satByValid, s.satByValid)
                && Arrays.equals(validByValid, s.validByValid);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(n) * 31 + Arrays.hashCode(valid);
    }

    @Override
    public String toString() {
        return "Sums[n=" + n + ", valid=" + Arrays.toString(valid) + ", satisfied=" + Arrays.toString(satisfied) + "]";
    }
}
