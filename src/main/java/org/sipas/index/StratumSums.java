package org.sipas.index;

/**
 * The sums of one stratum (or of the part of a stratum inside a domain) built response by
 * response: what {@link StratumTotals} carries, for data read from a file rather than from the
 * tallies. A response adds O(valid answers²).
 */
final class StratumSums {

    private final int criteria;
    private long count;
    private final long[] valid;
    private final long[] satisfied;
    private final long[][] satisfiedBySatisfied;
    private final long[][] satisfiedByValid;
    private final long[][] validByValid;
    private final int[] validAt;

    StratumSums(int criteria) {
        this.criteria = criteria;
        valid = new long[criteria];
        satisfied = new long[criteria];
        satisfiedBySatisfied = new long[criteria][criteria];
        satisfiedByValid = new long[criteria][criteria];
        validByValid = new long[criteria][criteria];
        validAt = new int[criteria];
    }

    /**
     * Adds one response: {@code answers[k]} is {@link AnswerCodes#SATISFIED},
     * {@link AnswerCodes#VALID} (valid, not satisfied) or {@link AnswerCodes#EXCLUDED}.
     */
    void add(byte[] answers) {
        count++;
        int m = 0;
        for (int k = 0; k < criteria; k++) {
            if (answers[k] != AnswerCodes.EXCLUDED) {
                validAt[m++] = k;
                valid[k]++;
                if (answers[k] == AnswerCodes.SATISFIED) {
                    satisfied[k]++;
                }
            }
        }
        for (int i = 0; i < m; i++) {
            int a = validAt[i];
            boolean ya = answers[a] == AnswerCodes.SATISFIED;
            for (int j = 0; j < m; j++) {
                int b = validAt[j];
                validByValid[a][b]++;
                if (ya) {
                    satisfiedByValid[a][b]++;
                    if (answers[b] == AnswerCodes.SATISFIED) {
                        satisfiedBySatisfied[a][b]++;
                    }
                }
            }
        }
    }

    long count() {
        return count;
    }

    /**
     * The totals of this stratum for a domain: {@code sampleSize} is the whole stratum's n_h,
     * which is this count when the domain takes the stratum whole.
     */
    StratumTotals totals(String stratum, long populationSize, long sampleSize) {
        return new StratumTotals(stratum, populationSize, sampleSize, count, valid.clone(), satisfied.clone(),
                copy(satisfiedBySatisfied), copy(satisfiedByValid), copy(validByValid));
    }

    private static long[][] copy(long[][] m) {
        long[][] c = new long[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
