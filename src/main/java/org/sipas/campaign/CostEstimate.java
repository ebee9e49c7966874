package org.sipas.campaign;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;

/**
 * A campaign's budget: questionnaires by channel times the channel's unit cost, plus the fixed
 * costs. Seed 003 (Đồng Nai 2020): 6,000 by phone at 40,000 ₫ and 8,500 face to face at 15,000 ₫,
 * software 150,000,000 ₫, report 10,000,000 ₫, tender 40,000,000 ₫: 567,500,000 ₫.
 */
record CostEstimate(List<ChannelCost> channels, List<FixedCost> fixed, long total) {

    /** One channel's line: how many questionnaires, at what cost each. */
    record ChannelCost(SurveyChannel channel, int questionnaires, long unitCost, long amount) {

        public String unitCostText() {
            return vnd(unitCost);
        }

        public String amountText() {
            return vnd(amount);
        }
    }

    /** The budget of {@code questionnaires} split over the plan's channels by their shares (largest remainder). */
    static CostEstimate of(CampaignPlan plan, int questionnaires) {
        int[] split = LargestRemainder.split(questionnaires, plan.channels().stream().mapToDouble(ChannelPlan::share).toArray());
        List<ChannelCost> lines = new ArrayList<>();
        long total = 0;
        for (int c = 0; c < split.length; c++) {
            ChannelPlan channel = plan.channels().get(c);
            long amount = split[c] * channel.unitCost();
            lines.add(new ChannelCost(channel.channel(), split[c], channel.unitCost(), amount));
            total += amount;
        }
        for (FixedCost cost : plan.fixedCosts()) {
            total += cost.amount();
        }
        return new CostEstimate(lines, plan.fixedCosts(), total);
    }

    public String totalText() {
        return vnd(total);
    }

    /** Đồng as Vietnamese write them: {@code 567.500.000 ₫}. */
    static String vnd(long amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setGroupingSeparator('.');
        return new DecimalFormat("#,##0", symbols).format(amount) + " ₫";
    }
}
