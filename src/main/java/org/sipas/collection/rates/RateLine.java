package org.sipas.collection.rates;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

import org.sipas.collection.Disposition.Category;

/**
 * The sampled cases of one cell (the campaign, a unit, a channel) counted by AAPOR category, with
 * the two rates the AAPOR Standard Definitions call RR1 and COOP1.
 *
 * <p>Every case ever sampled counts, including one replaced after a refusal: a replacement adds a
 * case, it does not erase the refusal (AAPOR's rule for substitutions). A case never worked, or an
 * online link nothing came back from, is of unknown eligibility (AAPOR 3.11, 3.19): in RR1's base,
 * not in COOP1's.
 *
 * @param label the unit's or the channel's name; "" for the campaign
 */
public record RateLine(String label, Map<Category, Long> counts) {

    public RateLine {
        counts = new EnumMap<>(counts.isEmpty() ? Map.of(Category.I, 0L) : counts);
    }

    public long count(Category category) {
        return counts.getOrDefault(category, 0L);
    }

    /** Every case in the cell, the not eligible ones too. */
    public long cases() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** RR1 = I / ((I + P) + (R + NC + O) + (UH + UO)). */
    public OptionalDouble responseRate() {
        long base = count(Category.I) + count(Category.P) + count(Category.R) + count(Category.NC) + count(Category.O)
                + count(Category.UO);
        return base == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count(Category.I) / base);
    }

    /** COOP1 = I / ((I + P) + R + O): of the eligible people reached, the share who completed. */
    public OptionalDouble cooperationRate() {
        long base = count(Category.I) + count(Category.P) + count(Category.R) + count(Category.O);
        return base == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count(Category.I) / base);
    }
}
