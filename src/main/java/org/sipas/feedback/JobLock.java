package org.sipas.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a feedback job on one node at a time: the job's row of {@code feedback_job} is locked FOR
 * UPDATE SKIP LOCKED for the job's transaction, so a second node finds it taken and skips (as the
 * tally fold does with its watermark row). Public: any timed job of a package above feedback (plans'
 * reminders, paper hand-out reminders) takes its own row here (inserted by its migration) instead of
 * a second lock of its own.
 */
@Component
public class JobLock {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    JobLock(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** The job's result, or {@code skipped} when another node holds the job. */
    public <T> T exclusively(String job, Instant now, T skipped, Supplier<T> work) {
        return transactions.execute(status -> {
            boolean mine = jdbc.sql("SELECT name FROM feedback_job WHERE name = :n FOR UPDATE SKIP LOCKED").param("n", job)
                    .query(String.class).optional().isPresent();
            if (!mine) {
                return skipped;
            }
            T result = work.get();
            jdbc.sql("UPDATE feedback_job SET last_run = :now WHERE name = :n").param("n", job).param("now", Timestamp.from(now)).update();
            return result;
        });
    }
}
