package org.sipas.quality;

/**
 * Pearson's chi-square test of independence on an r×c table of counts, with its p-value from the
 * chi-square distribution (the regularised upper incomplete gamma function Q(df/2, χ²/2), computed
 * by its series or its continued fraction as Numerical Recipes §6.2 does). Columns with no count
 * are left out (they carry no degree of freedom).
 */
final class ChiSquare {

    /** The statistic, its degrees of freedom and the p-value. */
    record Test(double statistic, int degreesOfFreedom, double pValue) {
    }

    private ChiSquare() {
    }

    static Test of(long[][] table) {
        int rows = table.length;
        int columns = table[0].length;
        long[] rowSums = new long[rows];
        long[] columnSums = new long[columns];
        long n = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                rowSums[i] += table[i][j];
                columnSums[j] += table[i][j];
                n += table[i][j];
            }
        }
        int usedRows = 0;
        for (long r : rowSums) {
            usedRows += r > 0 ? 1 : 0;
        }
        int usedColumns = 0;
        for (long c : columnSums) {
            usedColumns += c > 0 ? 1 : 0;
        }
        int df = (usedRows - 1) * (usedColumns - 1);
        if (df <= 0) {
            return new Test(0, 0, 1);
        }
        double statistic = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                if (rowSums[i] == 0 || columnSums[j] == 0) {
                    continue;
                }
                double expected = (double) rowSums[i] * columnSums[j] / n;
                double d = table[i][j] - expected;
                statistic += d * d / expected;
            }
        }
        return new Test(statistic, df, upperTail(statistic, df));
    }

    /** P(X ≥ x) for X chi-square with {@code df} degrees of freedom. */
    static double upperTail(double x, int df) {
        if (x <= 0) {
            return 1;
        }
        double a = df / 2.0;
        double z = x / 2.0;
        return z < a + 1 ? 1 - lowerSeries(a, z) : upperFraction(a, z);
    }

    private static double lowerSeries(double a, double x) {
        double sum = 1 / a;
        double term = sum;
        for (int n = 1; n < 1000; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * 1e-16) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    private static double upperFraction(double a, double x) {
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 1000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** ln Γ(a) by Lanczos' approximation (g = 7, 9 terms), good to about 15 digits. */
    static double logGamma(double a) {
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
                12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
        if (a < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * a))) - logGamma(1 - a);
        }
        double x = a - 1;
        double sum = g[0];
        for (int i = 1; i < 9; i++) {
            sum += g[i] / (x + i);
        }
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
