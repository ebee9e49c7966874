package org.sipas.planning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import org.sipas.feedback.JobLock;
import org.sipas.feedback.Notifications;
import org.sipas.feedback.WorkingDays;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.sipas.web.Formats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds a task's lead unit of its deadline, once per task and deadline, {@code reminder-days}
 * working days before the end (the holiday calendar is feedback's): each enabled UNIT_MANAGER or
 * PROVINCE_ADMIN whose scope is exactly the lead unit gets an inbox message and, when they gave an
 * address, a mail (feedback's outbox sends it). Under feedback's job lock, so with several nodes a
 * reminder goes once; the reminder's row and its messages are written in one transaction.
 * Only issued plans remind: a draft is not yet anyone's duty.
 */
@Component
class PlanReminders {

    private static final Logger log = LoggerFactory.getLogger(PlanReminders.class);
    static final String JOB = "plan-reminders";

    private final PlanRepository repository;
    private final JobLock lock;
    private final WorkingDays workingDays;
    private final Notifications notifications;
    private final StaffAccounts accounts;
    private final Clock clock;
    private final int days;

    PlanReminders(PlanRepository repository, JobLock lock, WorkingDays workingDays, Notifications notifications, StaffAccounts accounts,
                  Clock clock, @Value("${sipas.planning.reminder-days:3}") int days) {
        this.repository = repository;
        this.lock = lock;
        this.workingDays = workingDays;
        this.notifications = notifications;
        this.accounts = accounts;
        this.clock = clock;
        this.days = days;
    }

    @Scheduled(fixedDelayString = "${sipas.planning.reminder-interval:3600000}", initialDelayString = "${sipas.planning.reminder-interval:3600000}")
    void runQuietly() {
        try {
            send(clock.instant());
        } catch (RuntimeException e) {
            log.warn("plan reminders failed, retried at the next run: {}", e.toString());
        }
    }

    /** Sends the reminders due at {@code now}; the number of tasks reminded (0 when another node runs the job). */
    int send(Instant now) {
        return lock.exclusively(JOB, now, 0, () -> {
            LocalDate today = LocalDate.ofInstant(now, Formats.ZONE);
            // N working days are at most N + weekends + a Tết's holidays: look that far, then count exactly
            LocalDate horizon = today.plusDays(days * 3L + 14);
            int sent = 0;
            for (PlanRepository.DueRow row : repository.unreminded(today, horizon)) {
                PlanRepository.TaskRow task = row.task();
                Instant end = task.time().end().atStartOfDay(Formats.ZONE).toInstant();
                if (workingDays.between(now, end) > days || !repository.reminded(task.id(), task.time().end(), now)) {
                    continue;
                }
                tell(row, now);
                sent++;
            }
            return sent;
        });
    }

    private void tell(PlanRepository.DueRow row, Instant now) {
        PlanRepository.TaskRow task = row.task();
        String subject = "[sipas] Nhiệm vụ đến hạn %s: %s".formatted(Formats.DATE.format(task.time().end()), task.content());
        String body = """
                Nhiệm vụ sắp đến hạn / A task is due soon.
                Kế hoạch / plan: %s
                Nhiệm vụ / task: %s
                Thời gian / time: %s
                Hạn / due: %s
                Cơ quan chủ trì / lead unit: %s
                Sản phẩm / deliverable: %s
                """.formatted(row.planTitle(), task.content(), task.time().text(), Formats.DATE.format(task.time().end()),
                task.leadUnitName(), task.deliverable() == null ? "–" : task.deliverable());
        Set<String> people = new LinkedHashSet<>();
        for (Role role : new Role[] {Role.UNIT_MANAGER, Role.PROVINCE_ADMIN}) {
            accounts.enabledWith(role).stream().filter(m -> m.scopeUnitId() == task.leadUnitId())
                    .forEach(m -> people.add(m.username()));
        }
        for (String username : people) {
            notifications.tell(username, null, subject, body, "/plans/" + task.planId() + "/tasks/" + task.id(), now);
        }
    }
}
