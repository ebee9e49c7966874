package org.sipas.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.sipas.frame.SamplingFrame.Stratum;

/**
 * How a campaign's target is shared among its strata, with every step shown (the explanation
 * page prints it):
 * <ul>
 * <li><b>proportional with a minimum</b> (Đồng Nai 2020, Hà Tĩnh 2024): n_h in proportion to N_h,
 * never below the minimum and never above N_h (a stratum smaller than the minimum takes all its
 * dossiers). Strata held at the minimum or at N_h are set aside and the rest of the target is
 * shared again in proportion among the others, until none moves; the free quotas are then
 * rounded by largest remainder so that the parts add up exactly to the target;</li>
 * <li><b>fixed quotas</b> (Bình Dương 2018): n per unit of a type, capped at N_h; the target is
 * what they add up to.</li>
 * </ul>
 *
 * @param strata  one line per stratum, in the frame's order
 * @param problem why the target cannot be met (a message code with its arguments), or null
 */
record Allocation(long target, List<StratumAllocation> strata, Problem problem) {

    /** Why an allocation is impossible: a message code and its arguments. */
    record Problem(String code, long... arguments) {
    }

    /** Target exceeds the frame, or minimums alone exceed the target. */
    static Allocation proportional(List<Stratum> strata, int target, int minimum) {
        long frame = strata.stream().mapToLong(Stratum::dossiers).sum();
        long floors = strata.stream().mapToLong(s -> Math.min(minimum, s.dossiers())).sum();
        if (target > frame) {
            return impossible(strata, target, new Problem("campaign.allocation.targetAboveFrame", target, frame));
        }
        if (floors > target) {
            return impossible(strata, target, new Problem("campaign.allocation.minimumsAboveTarget", floors, target,
                    strata.size(), minimum));
        }
        int k = strata.size();
        boolean[] atMinimum = new boolean[k];
        boolean[] atCap = new boolean[k];
        double[] quota = new double[k];
        boolean moved = true;
        while (moved) {
            moved = false;
            long fixed = 0;
            long freeFrame = 0;
            for (int h = 0; h < k; h++) {
                long n = strata.get(h).dossiers();
                if (atMinimum[h]) {
                    fixed += Math.min(minimum, n);
                } else if (atCap[h]) {
                    fixed += n;
                } else {
                    freeFrame += n;
                }
            }
            for (int h = 0; h < k; h++) {
                if (atMinimum[h] || atCap[h]) {
                    continue;
                }
                long n = strata.get(h).dossiers();
                quota[h] = freeFrame == 0 ? 0 : (double) (target - fixed) * n / freeFrame;
                if (quota[h] < Math.min(minimum, n)) {
                    atMinimum[h] = moved = true;
                } else if (quota[h] > n) {
                    atCap[h] = moved = true;
                }
            }
        }
        for (int h = 0; h < k; h++) {
            long n = strata.get(h).dossiers();
            if (atMinimum[h]) {
                quota[h] = Math.min(minimum, n);
            } else if (atCap[h]) {
                quota[h] = n;
            }
        }
        // held strata have whole quotas already, so largest remainder only moves free ones
        int[] parts = LargestRemainder.round(quota, target);
        List<StratumAllocation> lines = new ArrayList<>(k);
        for (int h = 0; h < k; h++) {
            Stratum s = strata.get(h);
            double share = frame == 0 ? 0 : (double) s.dossiers() / frame;
            // "minimum" when the floor lifted it; "cap" when N_h (below the floor, or after the others' floors) held it
            boolean capped = atCap[h] || (atMinimum[h] && s.dossiers() < minimum);
            lines.add(new StratumAllocation(s, share, share * target, atMinimum[h] && !capped, capped, parts[h]));
        }
        return new Allocation(target, lines, null);
    }

    /** The strata with their shares and nothing allocated, so the page still shows every N_h beside the problem. */
    private static Allocation impossible(List<Stratum> strata, int target, Problem problem) {
        long frame = strata.stream().mapToLong(Stratum::dossiers).sum();
        return new Allocation(target, strata.stream().map(s -> {
            double share = frame == 0 ? 0 : (double) s.dossiers() / frame;
            return new StratumAllocation(s, share, share * target, false, false, 0);
        }).toList(), problem);
    }

    /** n per unit of a type ({@code quotas} by the unit's official type), never above N_h. */
    static Allocation quotas(List<Stratum> strata, Map<String, Integer> quotas) {
        long frame = strata.stream().mapToLong(Stratum::dossiers).sum();
        List<StratumAllocation> lines = new ArrayList<>(strata.size());
        long target = 0;
        for (Stratum s : strata) {
            int quota = quotas.getOrDefault(s.unitType() == null ? "" : s.unitType(), 0);
            int n = (int) Math.min(quota, s.dossiers());
            double share = frame == 0 ? 0 : (double) s.dossiers() / frame;
            lines.add(new StratumAllocation(s, share, quota, false, n < quota, n));
            target += n;
        }
        return new Allocation(target, lines, null);
    }

    public boolean possible() {
        return problem == null;
    }

    public long frameSize() {
        return strata.stream().mapToLong(a -> a.stratum().dossiers()).sum();
    }

    public int allocated() {
        return strata.stream().mapToInt(StratumAllocation::n).sum();
    }

    public long strataAtMinimum() {
        return strata.stream().filter(StratumAllocation::minimumApplied).count();
    }

    public long strataAtCap() {
        return strata.stream().filter(StratumAllocation::capApplied).count();
    }
}
