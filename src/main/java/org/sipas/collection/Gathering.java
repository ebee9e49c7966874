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
 * Calls that arrive while earlier ones are being served are served together, by one statement:
 * respondents' submits committed together share one WAL flush instead of waiting for one each
 * (group commit, DESIGN §9), and the token reads of the same moment are one query. Nobody waits on
 * purpose: a batch is whatever queued up while the workers were busy, so a lone call is served at
 * once and a crowd in batches that grow with it. Each caller returns only after its batch has been
 * served; for a write, after it has committed.
 *
 * @param <T> what a caller hands in
 * @param <R> what it gets back
 */
final class Gathering<T, R> implements AutoCloseable {

    private record Pending<T, R>(T call, CompletableFuture<R> result) {
    }

    /** A call that waited this long was not served: the database is down or stuck. */
    private static final long PATIENCE_SECONDS = 60;

    private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final Function<List<T>, List<R>> serve;
    private final int largestBatch;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean open = true;

    /**
     * @param name         the workers' thread name
     * @param serve        serves a batch, one result per call in the same order
     * @param workers      how many batches may be served at once (each holds a connection meanwhile)
     * @param largestBatch the most calls in one batch
     */
    Gathering(String name, Function<List<T>, List<R>> serve, int workers, int largestBatch) {
        this.serve = serve;
        this.largestBatch = largestBatch;
        for (int i = 0; i < workers; i++) {
            Thread worker = new Thread(this::serveWhileOpen, name + "-" + (i + 1));
            worker.setDaemon(true);
            this.workers.add(worker);
            worker.start();
        }
    }

    /** Queues a call and waits until its batch has been served. */
    R call(T call) {
        if (!open) {
            throw new IllegalStateException("shutting down");
        }
        Pending<T, R> pending = new Pending<>(call, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.result().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the batch", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("not served within " + PATIENCE_SECONDS + " s", e);
        }
    }

    private void serveWhileOpen() {
        List<Pending<T, R>> batch = new ArrayList<>(largestBatch);
        while (open || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, largestBatch - 1);
                serve(batch);
            } catch (InterruptedException e) {
                if (!open) {
                    Thread.currentThread().interrupt();
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void serve(List<Pending<T, R>> batch) {
        try {
            List<R> results = serve.apply(batch.stream().map(Pending::call).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(p -> p.result().completeExceptionally(e));
        }
    }

    /** Stops taking calls, serves what is queued and waits for the workers to finish. */
    @Override
    public void close() {
        open = false;
        for (Thread worker : workers) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
