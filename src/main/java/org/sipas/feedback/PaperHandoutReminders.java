package org.sipas.feedback;

import java.time.Clock;
import java.time.Instant;

import org.sipas.collection.paper.PaperHandouts;
import org.sipas.web.Formats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds about overdue paper hand-outs (phiếu phát ra quá hạn chưa thu về): a batch with numbers
 * still out past its working days is told, once, to the counter officer who holds it and to whoever
 * handed it out (who chases a partner organisation), through the one inbox and mail outbox. Runs
 * under the job lock, so ten nodes remind once; the batch is marked reminded in the same transaction
 * as its messages.
 */
@Component
public class PaperHandoutReminders {

    static final String JOB = "paper-handout-overdue";
    private static final Logger log = LoggerFactory.getLogger(PaperHandoutReminders.class);

    private final PaperHandouts handouts;
    private final Notifications notifications;
    private final JobLock lock;
    private final Clock clock;

    PaperHandoutReminders(PaperHandouts handouts, Notifications notifications, JobLock lock, Clock clock) {
        this.handouts = handouts;
        this.notifications = notifications;
        this.lock = lock;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${sipas.feedback.job-interval}", initialDelayString = "${sipas.feedback.job-interval}")
    void runQuietly() {
        try {
            remind(clock.instant());
        } catch (RuntimeException e) {
            log.warn("paper hand-out reminders failed, retried at the next run: {}", e.toString());
        }
    }

    /** Reminds every overdue batch not reminded yet; returns how many batches were reminded (0 when another node holds the job). */
    public int remind(Instant now) {
        return lock.exclusively(JOB, now, 0, () -> {
            int reminded = 0;
            for (PaperHandouts.Overdue due : handouts.overdueToRemind(now)) {
                if (!handouts.reminded(due.batchId(), now)) {
                    continue;
                }
                String subject = "[sipas] %d phiếu giấy quá hạn chưa thu về / %d paper questionnaires overdue: %s"
                        .formatted(due.outstanding(), due.outstanding(), due.unitName());
                String body = """
                        Lô phiếu giấy của đợt "%s" (%s) phát cho %s ngày %s đã quá hạn thu về (%s) mà còn %d phiếu chưa thu.
                        The batch of paper questionnaires of "%s" (%s) handed to %s on %s was due back by %s; %d are still out.
                        """.formatted(due.campaignName(), due.unitName(), due.recipient(), Formats.dateTime(due.handedAt()),
                        Formats.dateTime(due.dueAt()), due.outstanding(), due.campaignName(), due.unitName(), due.recipient(),
                        Formats.dateTime(due.handedAt()), Formats.dateTime(due.dueAt()), due.outstanding());
                String link = "/campaigns/" + due.campaignId() + "/paper/handout";
                for (String username : due.tell()) {
                    notifications.tell(username, null, subject, body, link, now);
                }
                reminded++;
            }
            if (reminded > 0) {
                log.info("{} overdue paper hand-out batches reminded", reminded);
            }
            return reminded;
        });
    }
}
