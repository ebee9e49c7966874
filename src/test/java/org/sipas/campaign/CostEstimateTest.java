package org.sipas.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CostEstimateTest {

    @Test
    void theDongNai2020PlanCostsFiveHundredSixtySevenAndAHalfMillion() {
        // 6,000 × 40,000 = 240,000,000 by phone; 8,500 × 15,000 = 127,500,000 face to face;
        // + 150,000,000 software + 10,000,000 report + 40,000,000 tender = 567,500,000 ₫
        CampaignPlan plan = new CampaignPlan("Đồng Nai 2020", "dong-nai-2020", 1, 1, List.of(),
                Period.of(Period.Kind.YEAR, LocalDate.of(2020, 1, 1), null), Period.Schedule.ONE_OFF, 14_500,
                CampaignPlan.Rule.PROPORTIONAL, 60, Map.of(), false, 20,
                List.of(new ChannelPlan(SurveyChannel.PHONE, 6_000, 40_000), new ChannelPlan(SurveyChannel.FACE_TO_FACE, 8_500, 15_000)),
                List.of(new FixedCost("Phần mềm", 150_000_000), new FixedCost("Báo cáo", 10_000_000),
                        new FixedCost("Đấu thầu", 40_000_000)));

        CostEstimate cost = CostEstimate.of(plan, 14_500);

        assertThat(cost.channels()).extracting(CostEstimate.ChannelCost::questionnaires).containsExactly(6_000, 8_500);
        assertThat(cost.total()).isEqualTo(567_500_000L);
        assertThat(CostEstimate.vnd(cost.total())).isEqualTo("567.500.000 ₫");
    }
}
