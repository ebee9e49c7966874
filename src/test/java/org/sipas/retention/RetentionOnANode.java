package org.sipas.retention;

import java.time.Instant;

import org.springframework.context.ApplicationContext;

/** The retention run as another test (TwoNodesTest) starts it on one node's context. */
public final class RetentionOnANode {

    private RetentionOnANode() {
    }

    /** Runs the erasure in the scope on that node at {@code now}; the contacts it erased, -1 when the other node held the job. */
    public static long erase(ApplicationContext node, long scopeUnitId, Instant now) {
        ContactRetention.Run run = node.getBean(ContactRetention.class).run(scopeUnitId, now, false, null);
        return run.skipped() ? -1 : run.total();
    }
}
