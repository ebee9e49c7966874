package org.sipas.feedback;

import java.time.Instant;
import java.time.YearMonth;

import org.springframework.context.ApplicationContext;

/** The feedback's work as another test (TwoNodesTest) starts it on one node's context. */
public final class FeedbackOnANode {

    private FeedbackOnANode() {
    }

    /** Judges the alert outbox on that node; the cases it opened. */
    public static int judgeOutbox(ApplicationContext node) {
        return node.getBean(CaseOpener.class).drain(Instant.now());
    }

    /** Escalates the untouched cases due at {@code now} on that node. */
    public static int escalate(ApplicationContext node, Instant now) {
        return node.getBean(Escalations.class).run(now);
    }

    /** The monthly results of {@code month}, under the job's lock, on that node. */
    public static int sendMonthlyResults(ApplicationContext node, YearMonth month, Instant now) {
        return node.getBean(JobLock.class).exclusively("monthly-results", now, 0,
                () -> node.getBean(MonthlyResults.class).send(month, now));
    }
}
