package org.sipas.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.sipas.methodology.Label;

/**
 * Emulation grades (xếp loại thi đua) from bands of an index, highest first: e.g. Xuất sắc ≥ 90,
 * Tốt ≥ 80, Khá ≥ 70, Trung bình ≥ 50, Yếu below. The bands are data a province sets per campaign
 * or per methodology ({@link GradeBandStore}); none are built in. A figure below the lowest band's
 * minimum has no grade, so a lowest band "below 50" is written with minimum 0.
 *
 * @param bands highest minimum first
 */
public record GradeBands(List<Band> bands) {

    /** No bands: nothing is graded. */
    public static final GradeBands NONE = new GradeBands(List.of());

    /** One grade: a figure at or above {@code minimumPct} (and below the next band up) has it. */
    public record Band(String code, Label label, double minimumPct) {

        public Band {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("a grade band needs a code");
            }
            if (label == null) {
                throw new IllegalArgumentException("grade band " + code + " needs a label");
            }
            if (!Double.isFinite(minimumPct)) {
                throw new IllegalArgumentException("grade band " + code + ": minimum must be a number");
            }
        }
    }

    public GradeBands {
        List<Band> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparingDouble(Band::minimumPct).reversed());
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (!codes.add(sorted.get(i).code())) {
                throw new IllegalArgumentException("grade band " + sorted.get(i).code() + " is listed twice");
            }
            if (i > 0 && sorted.get(i).minimumPct() == sorted.get(i - 1).minimumPct()) {
                throw new IllegalArgumentException("grade bands " + sorted.get(i - 1).code() + " and "
                        + sorted.get(i).code() + " have the same minimum");
            }
        }
        bands = List.copyOf(sorted);
    }

    /** The grade of a figure in percent: the highest band whose minimum it reaches. */
    public Optional<Band> grade(Double pct) {
        if (pct == null || pct.isNaN()) {
            return Optional.empty();
        }
        int i = position(pct);
        return i < bands.size() ? Optional.of(bands.get(i)) : Optional.empty();
    }

    /**
     * The grades a figure's 95% interval reaches, highest first: one when the grade is clear of the
     * noise, more when the interval crosses a band's edge.
     */
    public List<Band> within(IndexEstimate estimate) {
        if (estimate == null || estimate.ci95Low() == null || estimate.ci95High() == null) {
            return List.of();
        }
        int top = position(estimate.ci95High());
        int bottom = Math.min(position(estimate.ci95Low()), bands.size() - 1);
        return top >= bands.size() ? List.of() : bands.subList(top, bottom + 1);
    }

    /** The position of a figure's band, or the count of bands when it has none. */
    private int position(double pct) {
        for (int i = 0; i < bands.size(); i++) {
            if (pct >= bands.get(i).minimumPct()) {
                return i;
            }
        }
        return bands.size();
    }
}
