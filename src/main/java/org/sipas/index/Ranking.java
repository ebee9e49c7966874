package org.sipas.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Units ranked within their parent by any index, with the noise shown beside the rank, so a
 * difference inside the confidence intervals is not read as a ranking.
 * <ul>
 * <li>Competition ranking: units with the same estimate share a rank and the next rank skips
 * ("1, 2, 2, 4"); estimates within {@link #TIE} percentage points are the same (the engine's
 * figures are exact to that, two routes to one figure may differ in the last bit).</li>
 * <li>Each unit carries the ranks it cannot be told apart from: from 1 + the units whose 95%
 * interval lies wholly above its own, to the count less the units whose interval lies wholly
 * below; and the units whose intervals overlap its own. Overlapping intervals is the reading a
 * dashboard can show at a glance; it is cautious (two overlapping intervals may still differ).</li>
 * <li>A unit without a figure (no valid answer) has no rank and comes last.</li>
 * </ul>
 */
public final class Ranking {

    /** Estimates this close, in percentage points, share a rank. */
    static final double TIE = 1e-9;

    private Ranking() {
    }

    /** A unit to rank: its code, its parent's code (the group it is ranked in) and its figure. */
    public record Candidate(String unit, String parent, IndexEstimate estimate) {
    }

    /**
     * A unit's place among its siblings.
     *
     * @param rank            competition rank (1 is the highest estimate), null without a figure
     * @param bestRank        the best rank the unit cannot be told apart from (null without a figure)
     * @param worstRank       the worst rank the unit cannot be told apart from
     * @param overlapping     the siblings whose 95% intervals overlap this unit's, in rank order
     */
    public record Ranked(String unit, String parent, IndexEstimate estimate, Integer rank, Integer bestRank,
                         Integer worstRank, List<String> overlapping) {

        public Ranked {
            overlapping = List.copyOf(overlapping);
        }

        /** True when no sibling's interval overlaps this one: the rank stands out of the noise. */
        public boolean standsApart() {
            return rank != null && overlapping.isEmpty();
        }
    }

    /** Every candidate ranked among those of the same parent; parents in the order they first come. */
    public static List<Ranked> withinParents(List<Candidate> candidates) {
        Map<String, List<Candidate>> byParent = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            byParent.computeIfAbsent(c.parent(), p -> new ArrayList<>()).add(c);
        }
        List<Ranked> out = new ArrayList<>(candidates.size());
        byParent.values().forEach(siblings -> out.addAll(among(siblings)));
        return out;
    }

    /** The candidates ranked among themselves, best first, those without a figure last. */
    public static List<Ranked> among(List<Candidate> siblings) {
        List<Candidate> ranked = new ArrayList<>();
        List<Candidate> unranked = new ArrayList<>();
        for (Candidate c : siblings) {
            (c.estimate() != null && c.estimate().estimatePct() != null ? ranked : unranked).add(c);
        }
        ranked.sort(Comparator.comparingDouble((Candidate c) -> c.estimate().estimatePct()).reversed());
        List<Ranked> out = new ArrayList<>(siblings.size());
        int count = ranked.size();
        int rank = 0;
        for (int i = 0; i < count; i++) {
            IndexEstimate e = ranked.get(i).estimate();
            if (i == 0 || ranked.get(i - 1).estimate().estimatePct() - e.estimatePct() > TIE) {
                rank = i + 1;
            }
            int above = 0;
            int below = 0;
            List<String> overlapping = new ArrayList<>();
            for (int j = 0; j < count; j++) {
                if (j == i) {
                    continue;
                }
                IndexEstimate other = ranked.get(j).estimate();
                if (other.ci95Low() > e.ci95High()) {
                    above++;
                } else if (other.ci95High() < e.ci95Low()) {
                    below++;
                } else {
                    overlapping.add(ranked.get(j).unit());
                }
            }
            Candidate c = ranked.get(i);
            out.add(new Ranked(c.unit(), c.parent(), e, rank, 1 + above, count - below, overlapping));
        }
        for (Candidate c : unranked) {
            out.add(new Ranked(c.unit(), c.parent(), c.estimate(), null, null, null, List.of()));
        }
        return out;
    }
}
