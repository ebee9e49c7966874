package org.sipas.feedback;

import org.sipas.methodology.AlertSeverity;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sipas.identity.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An untouched case (still NEW) past its due time goes to the head of the nearest unit above its
 * owner, with a new due time of its severity's working days from now; one node at a time
 * ({@link JobLock}), and each case's row is changed only if it is still untouched and due.
 */
@Service
class Escalations {

    private final JdbcClient jdbc;
    private final JobLock lock;
    private final UnitHeads heads;
    private final WorkingDays workingDays;
    private final CaseStore cases;
    private final Notifications notifications;
    private final AuditLog audit;

    Escalations(JdbcClient jdbc, JobLock lock, UnitHeads heads, WorkingDays workingDays, CaseStore cases,
                Notifications notifications, AuditLog audit) {
        this.jdbc = jdbc;
        this.lock = lock;
        this.heads = heads;
        this.workingDays = workingDays;
        this.cases = cases;
        this.notifications = notifications;
        this.audit = audit;
    }

    private record Due(long id, long ownerUnitId, String severity) {
    }

    /** Escalates every untouched case due by {@code now}; returns how many. */
    int run(Instant now) {
        return lock.exclusively("escalation", now, 0, () -> {
            List<Due> due = jdbc.sql("""
                            SELECT id, owner_unit_id, severity FROM feedback_case
                            WHERE state = 'NEW' AND due_at <= :now ORDER BY due_at FOR UPDATE SKIP LOCKED""")
                    .param("now", Timestamp.from(now)).query(Due.class).list();
            int escalated = 0;
            for (Due c : due) {
                Optional<Long> above = heads.escalationUnit(c.ownerUnitId());
                if (above.isEmpty()) {
                    // the nation's own cases have nobody above: they stay overdue in the lists
                    continue;
                }
                Instant newDue = workingDays.add(now, workingDays.slaDays(AlertSeverity.valueOf(c.severity())));
                jdbc.sql("""
                                UPDATE feedback_case SET owner_unit_id = :owner, escalations = escalations + 1, due_at = :due,
                                    updated_at = :now WHERE id = :id AND state = 'NEW'""")
                        .param("owner", above.get()).param("due", Timestamp.from(newDue)).param("now", Timestamp.from(now))
                        .param("id", c.id()).update();
                cases.step(c.id(), now, "system", "ESCALATED", null);
                audit.record("case.escalated", "feedback_case", Long.toString(c.id()), Map.of("ownerUnitId", c.ownerUnitId()),
                        Map.of("ownerUnitId", above.get(), "dueAt", newDue.toString()), null);
                notifications.caseEscalated(c.id(), now);
                escalated++;
            }
            return escalated;
        });
    }
}
