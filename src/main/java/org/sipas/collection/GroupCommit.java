package org.sipas.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Submissions that arrive while others are being written are stored together, in one statement
 * and one commit, so that they share one WAL flush instead of waiting for one each (DESIGN §9).
 * Nobody waits on purpose: a batch is whatever queued up while the writers were busy, so a lone
 * respondent is written at once and a crowd in batches that grow with it. Each caller returns only
 * after its batch has committed: acknowledged means durable.
 */
final class GroupCommit<T> implements AutoCloseable {

    /** What became of one submission: stored (or found stored by its idempotency key), or refused. */
    record Outcome(ResponseStore.Stored stored, RuntimeException refusal) {

        static Outcome of(ResponseStore.Stored stored) {
            return new Outcome(stored, null);
        }

        static Outcome refused(RuntimeException refusal) {
            return new Outcome(null, refusal);
        }

        ResponseStore.Stored storedOrThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return stored;
        }
    }

    private record Pending<T>(T submission, CompletableFuture<Outcome> outcome) {
    }

    /** A submission that waited this long was not written: the database is down or stuck. */
    private static final long PATIENCE_SECONDS = 60;

    private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private final Function<List<T>, List<Outcome>> write;
    private final int largestBatch;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean open = true;

    /**
     * @param write        stores a batch in one transaction, one outcome per submission in the same order
     * @param writers      how many batches may be written at once (each holds a connection while it writes)
     * @param largestBatch the most submissions in one statement
     */
    GroupCommit(Function<List<T>, List<Outcome>> write, int writers, int largestBatch) {
        this.write = write;
        this.largestBatch = largestBatch;
        for (int i = 0; i < writers; i++) {
            Thread writer = new Thread(this::writeWhileOpen, "response-writer-" + (i + 1));
            writer.setDaemon(true);
            this.writers.add(writer);
            writer.start();
        }
    }

    /** Queues a submission and waits until its batch has committed. */
    Outcome submit(T submission) {
        if (!open) {
            throw new IllegalStateException("the response store is shutting down");
        }
        Pending<T> pending = new Pending<>(submission, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.outcome().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the response was being stored", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the response was not stored within " + PATIENCE_SECONDS + " s", e);
        }
    }

    private void writeWhileOpen() {
        List<Pending<T>> batch = new ArrayList<>(largestBatch);
        while (open || !queue.isEmpty()) {
            try {
                Pending<T> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, largestBatch - 1);
                writeOut(batch);
            } catch (InterruptedException e) {
                if (!open) {
                    Thread.currentThread().interrupt();
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void writeOut(List<Pending<T>> batch) {
        try {
            List<Outcome> outcomes = write.apply(batch.stream().map(Pending::submission).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).outcome().complete(outcomes.get(i));
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(p -> p.outcome().completeExceptionally(e));
        }
    }

    /** Stops taking submissions, writes what is queued and waits for the writers to finish. */
    @Override
    public void close() {
        open = false;
        for (Thread writer : writers) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
