package org.sipas.demo;

import java.util.List;
import java.util.Set;

import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.UnitDirectory;
import org.sipas.quality.ReviewDecisions;
import org.sipas.reporting.ResultsApproval;
import org.springframework.stereotype.Component;

/**
 * The end of the demo's survey: its responses accepted through quality control's own decisions (as
 * a supervisor's bulk accept, audited), then its results prepared by an analyst of the province and
 * approved by a national administrator (the level above a province-wide campaign), so the portal and
 * the reports have version 1 to show on a fresh start.
 */
@Component
class DemoResults {

    private static final String PROVINCE = "75";

    private final ReviewDecisions reviews;
    private final ResultsApproval approval;
    private final CurrentUsers users;
    private final UnitDirectory units;

    DemoResults(ReviewDecisions reviews, ResultsApproval approval, CurrentUsers users, UnitDirectory units) {
        this.reviews = reviews;
        this.approval = approval;
        this.users = users;
        this.units = units;
    }

    void publish(long campaignId) {
        long province = units.findByCode(PROVINCE).orElseThrow().id();
        CurrentUser supervisor = new CurrentUser("demo-giam-sat", Set.of(Role.PROVINCE_ADMIN), province);
        CurrentUser analyst = new CurrentUser("demo-phan-tich", Set.of(Role.ANALYST), province);
        CurrentUser approver = new CurrentUser("demo-phe-duyet", Set.of(Role.ADMIN), units.root().id());
        users.runAs(supervisor, () -> {
            reviews.checkArrivals();
            List<Long> undecided = reviews.undecided(campaignId);
            if (!undecided.isEmpty()) {
                reviews.decide(campaignId, undecided, "ACCEPTED", "dữ liệu mẫu: phiếu được chấp nhận sau kiểm tra",
                        "dữ liệu mẫu: chấp nhận cả phiếu không qua quy tắc làm sạch");
            }
            return undecided.size();
        });
        users.runAs(analyst, () -> {
            approval.prepare(campaignId);
            return approval.submit(campaignId, null);
        });
        users.runAs(approver, () -> approval.approve(campaignId, "Dữ liệu mẫu: phê duyệt và công bố kết quả"));
    }
}
