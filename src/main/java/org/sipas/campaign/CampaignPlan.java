package org.sipas.campaign;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.sipas.campaign.Period.Schedule;

/**
 * What a campaign is to do, as its manager sets it: everything but its state.
 *
 * @param procedureIds   the procedures sampled (empty: every procedure)
 * @param minimum        PROPORTIONAL: the least n of a stratum (e.g. 60 a quarter)
 * @param quotas         QUOTA: n per unit of each official unit type (Phường 200, Xã 150…)
 * @param byProcedure    strata are unit × procedure rather than units
 * @param reservePercent the reserve list of a stratum, as a percentage of its n_h (rounded up)
 */
record CampaignPlan(String name, String methodologyCode, int methodologyVersion, long scopeUnitId, List<Long> procedureIds,
                    Period period, Schedule schedule, int target, Rule rule, int minimum, Map<String, Integer> quotas,
                    boolean byProcedure, int reservePercent, List<ChannelPlan> channels, List<FixedCost> fixedCosts) {

    /** How the target is shared among strata (see {@link Allocation}). */
    enum Rule {
        PROPORTIONAL, QUOTA
    }

    CampaignPlan {
        procedureIds = List.copyOf(procedureIds);
        quotas = Map.copyOf(quotas);
        // one order for every plan however it was typed or stored: the order channels are dealt out in
        channels = channels.stream().sorted(Comparator.comparing(ChannelPlan::channel)).toList();
        fixedCosts = List.copyOf(fixedCosts);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("campaign.name.required");
        }
        if (target <= 0 && rule == Rule.PROPORTIONAL) {
            throw new IllegalArgumentException("campaign.target.invalid");
        }
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("campaign.channels.required");
        }
    }

    /** Whether the frame must hold a phone for a dossier to be eligible: some channel calls or visits. */
    public boolean contactRequired() {
        return channels.stream().anyMatch(c -> c.channel().needsContact());
    }

    /** The same plan for another period: how a recurring campaign makes its next one. */
    CampaignPlan forPeriod(String newName, Period newPeriod) {
        return new CampaignPlan(newName, methodologyCode, methodologyVersion, scopeUnitId, procedureIds, newPeriod, schedule,
                target, rule, minimum, quotas, byProcedure, reservePercent, channels, fixedCosts);
    }
}
