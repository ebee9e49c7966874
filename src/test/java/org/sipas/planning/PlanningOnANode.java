package org.sipas.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.springframework.context.ApplicationContext;

/** The planning's work as another test (TwoNodesTest) starts it on one node's context. */
public final class PlanningOnANode {

    private PlanningOnANode() {
    }

    /** An issued plan of a new province with one task of its first commune (which has a head) ending on {@code end}; the task's id. */
    public static long issuedTaskEnding(ApplicationContext node, String prefix, LocalDate end) {
        PlanningFixtures.Province place = node.getBean(PlanningFixtures.class).province(prefix);
        Plans plans = node.getBean(Plans.class);
        CurrentUsers users = node.getBean(CurrentUsers.class);
        users.runAs(place.admin(), () -> node.getBean(StaffAccounts.class).create(prefix.toLowerCase() + "-truong", "Trưởng " + prefix,
                place.commune1(), Set.of(Role.UNIT_MANAGER), null));
        long plan = users.runAs(place.admin(), () -> plans.create(new PlanForm("Kế hoạch " + prefix, place.province(), "1/KH-" + prefix,
                end.minusMonths(2), end.getYear(), null, null, null)));
        long task = users.runAs(place.admin(), () -> plans.addTask(plan, null, new TaskForm("Phúc tra " + prefix, place.commune1(), null,
                List.of(), null, TaskTime.dates(end.minusDays(10), end), "Báo cáo", null, null)));
        users.runAs(place.admin(), () -> {
            plans.setStatus(plan, PlanStatus.ISSUED);
            return null;
        });
        return task;
    }

    /** Sends the plan reminders due at {@code now} on that node, under the job's lock; the tasks reminded. */
    public static int remind(ApplicationContext node, Instant now) {
        return node.getBean(PlanReminders.class).send(now);
    }
}
