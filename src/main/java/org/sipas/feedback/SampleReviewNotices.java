package org.sipas.feedback;

import java.time.Instant;
import java.util.Set;

import org.sipas.campaign.ApprovalLevels;
import org.sipas.campaign.SampleAwaitingApproval;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the level above that a drawn sample waits for its check (kiểm tra, thông qua kết quả chọn
 * mẫu): every enabled approver whose scope covers that level, except whoever drew it, gets an inbox
 * message and a mail, in the draw's own transaction (a draw rolled back tells nobody).
 */
@Component
class SampleReviewNotices {

    private final ApprovalLevels levels;
    private final Notifications notifications;

    SampleReviewNotices(ApprovalLevels levels, Notifications notifications) {
        this.levels = levels;
        this.notifications = notifications;
    }

    @EventListener
    void awaiting(SampleAwaitingApproval drawn) {
        ApprovalLevels.Level level = levels.above(drawn.scopeUnitId());
        Set<String> approvers = levels.approvers(drawn.scopeUnitId());
        approvers.remove(drawn.drawnBy());
        String subject = "[sipas] Mẫu chờ thông qua / sample awaiting approval: " + drawn.campaignName();
        String body = """
                %s: mẫu đã được %s chọn%s (hạt giống %d), cần %s kiểm tra, thông qua trước khi bắt đầu khảo sát.
                %s: the sample was drawn%s by %s (seed %d) and needs the approval of %s before fieldwork starts.
                """.formatted(drawn.campaignName(), drawn.drawnBy(), drawn.redrawnAfterReturn() ? " lại sau khi bị trả lại" : "",
                drawn.seed(), level.unitName(), drawn.campaignName(), drawn.redrawnAfterReturn() ? " again after it was returned" : "",
                drawn.drawnBy(), drawn.seed(), level.unitName());
        Instant now = Instant.now();
        String link = "/campaigns/" + drawn.campaignId() + "/sample-review";
        approvers.forEach(username -> notifications.tell(username, null, subject, body, link, now));
    }
}
