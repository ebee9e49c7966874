package org.sipas.index;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What quality decisions need of the tallies besides {@link Tallies#leaveCount}: a response
 * entering the count again (a rejection reversed, an acceptance where only accepted responses
 * count), and an answer corrected after it was counted.
 *
 * <p>The fold reads a response's answers when it folds, so a correction must not leave a change of
 * that response in the outbox to be folded with the new answers after the old ones were added:
 * with the fold held off (the watermark locked), the response's changes still in the outbox are
 * folded with the answers as they are, then what the response adds today is taken out, the answers
 * are corrected, and what it adds now is put in, all in one transaction.
 */
@Service
public class Recounts {

    private final Tallies tallies;
    private final TallyRepository repository;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    Recounts(Tallies tallies, TallyRepository repository, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.tallies = tallies;
        this.repository = repository;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * A response that had left the count enters it again (its +1 into the outbox, in the same
     * transaction that drops its exclusion). Entering a response that counts does nothing.
     */
    public void enterCount(long responseId) {
        transactions.executeWithoutResult(status -> {
            int dropped = jdbc.sql("DELETE FROM response_exclusion WHERE response_id = :r").param("r", responseId).update();
            if (dropped == 1) {
                repository.change(responseId, 1);
            }
        });
        tallies.foldSoon();
    }

    /** Whether a response counts today (the rule of {@link TallyRepository#COUNTS}). */
    public boolean counts(long responseId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM response r WHERE r.id = :r AND " + TallyRepository.COUNTS + ")")
                .param("r", responseId).query(Boolean.class).single();
    }

    /**
     * Runs {@code correction} (which changes the response's stored answers) so that the tallies
     * subtract exactly what the response added and add what it adds after: see the class comment.
     */
    public void recount(long responseId, Runnable correction) {
        transactions.executeWithoutResult(status -> {
            repository.lockWatermark();
            List<TallyRepository.Change> pending = jdbc.sql("""
                            DELETE FROM tally_change WHERE response_id = :r RETURNING seq, response_id, sign""")
                    .param("r", responseId)
                    .query((rs, n) -> new TallyRepository.Change(rs.getLong("seq"), rs.getLong("response_id"), rs.getInt("sign")))
                    .list();
            repository.add(tallies.contributions(pending));
            boolean counted = counts(responseId);
            if (counted) {
                repository.add(tallies.contributions(List.of(new TallyRepository.Change(0, responseId, -1))));
            }
            correction.run();
            if (counted) {
                Map<TallyKey, Sums> now = tallies.contributions(List.of(new TallyRepository.Change(0, responseId, 1)));
                repository.add(now);
            }
            if (counted || !pending.isEmpty()) {
                // a fold of its own: the dashboards that wait for the next fold redraw
                repository.advance(pending.size(), pending.isEmpty() ? 0 : pending.get(pending.size() - 1).seq());
            }
        });
    }
}
