package org.sipas.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.sipas.index.Tallies;
import org.sipas.quality.ReviewDecisions;
import org.sipas.reporting.ResultsApproval;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

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

    /**
     * A province's campaign published on that node whose improvement-plan tasks were lost (their plan
     * deleted, as if the delivery after the commit had failed); the campaign's id.
     */
    public static long publishedWithoutItsTasks(ApplicationContext node, String prefix) {
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        PublishedForPlanning p = new PublishedForPlanning(node.getBean(FieldworkFixtures.class), node.getBean(ResponseStore.class), jdbc,
                node.getBean(ReviewDecisions.class), node.getBean(ResultsApproval.class), node.getBean(Tallies.class),
                node.getBean(CurrentUsers.class), prefix, 5);
        jdbc.sql("DELETE FROM plan WHERE id = (SELECT plan_id FROM improvement_round WHERE campaign_id = :c)").param("c", p.id()).update();
        return p.id();
    }

    /** The improvement-plan sweep over recent publications on that node, under the job's lock; the tasks created. */
    public static int sweepPublications(ApplicationContext node, Instant now) {
        return node.getBean(AfterPublication.class).sweep(now);
    }
}
