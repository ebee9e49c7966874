package org.sipas.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cohen's kappa, the agreement of two coders beyond chance: κ = (p_o − p_e) / (1 − p_e), p_o the
 * share of items both put in the same category, p_e the share expected from their margins alone.
 * For open answers that take several codes, each code is a yes/no judgement per answer (a 2×2
 * table per code); the overall figure pools those tables.
 */
final class CohenKappa {

    private CohenKappa() {
    }

    /** κ of a square table: {@code table[i][j]} items the first coder put in category i and the second in j. */
    static double of(long[][] table) {
        int k = table.length;
        long n = 0;
        long[] rows = new long[k];
        long[] columns = new long[k];
        long agreed = 0;
        for (int i = 0; i < k; i++) {
            if (table[i].length != k) {
                throw new IllegalArgumentException("the table must be square");
            }
            for (int j = 0; j < k; j++) {
                n += table[i][j];
                rows[i] += table[i][j];
                columns[j] += table[i][j];
            }
            agreed += table[i][i];
        }
        if (n == 0) {
            return Double.NaN;
        }
        double observed = (double) agreed / n;
        double expected = 0;
        for (int i = 0; i < k; i++) {
            expected += (double) rows[i] / n * ((double) columns[i] / n);
        }
        return expected == 1 ? Double.NaN : (observed - expected) / (1 - expected);
    }

    /** Per code and overall (key {@link #OVERALL}), from the two coders' codes of the same answers, in order. */
    static Map<String, Double> perCode(List<Set<String>> first, List<Set<String>> second, List<String> codes) {
        if (first.size() != second.size()) {
            throw new IllegalArgumentException("both coders code the same answers");
        }
        Map<String, Double> kappas = new LinkedHashMap<>();
        long[][] pooled = new long[2][2];
        for (String code : codes) {
            long[][] table = new long[2][2];
            for (int a = 0; a < first.size(); a++) {
                table[first.get(a).contains(code) ? 0 : 1][second.get(a).contains(code) ? 0 : 1]++;
            }
            kappas.put(code, of(table));
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    pooled[i][j] += table[i][j];
                }
            }
        }
        kappas.put(OVERALL, of(pooled));
        return kappas;
    }

    static final String OVERALL = "*";
}
