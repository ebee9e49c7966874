package org.sipas.campaign;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Rounds real quotas to whole numbers that add up exactly to their total (Hamilton's method):
 * every part gets the whole part of its quota, and the units left over go one each to the parts
 * with the largest remainders; ties go to the earlier part, so the result never depends on luck.
 */
final class LargestRemainder {

    private LargestRemainder() {
    }

    /** Whole parts of {@code quotas}, whose sum must be the whole number {@code total}. */
    static int[] round(double[] quotas, int total) {
        int[] parts = new int[quotas.length];
        int given = 0;
        for (int i = 0; i < quotas.length; i++) {
            // a hair of tolerance: 14500 × 6000 / 14500 must give 6000, not 5999.999…
            parts[i] = (int) Math.floor(quotas[i] + 1e-9);
            given += parts[i];
        }
        Integer[] byRemainder = IntStream.range(0, quotas.length).boxed().toArray(Integer[]::new);
        Arrays.sort(byRemainder, Comparator.comparingDouble((Integer i) -> parts[i] - quotas[i]).thenComparing(i -> i));
        for (int k = 0; given < total && k < byRemainder.length; k++, given++) {
            parts[byRemainder[k]]++;
        }
        return parts;
    }

    /** {@code total} split over {@code weights} in proportion. */
    static int[] split(int total, double[] weights) {
        double sum = Arrays.stream(weights).sum();
        return round(Arrays.stream(weights).map(w -> sum == 0 ? 0 : total * w / sum).toArray(), total);
    }
}
