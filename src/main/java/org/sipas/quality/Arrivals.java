package org.sipas.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;

import org.sipas.catalog.ProvinceOutlines;
import org.sipas.collection.ResponseSubmitted;
import org.sipas.index.Tallies;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks every response on arrival, from the outbox {@code quality_arrival} the response's own
 * insert fills: its active time, its flags, its first state. One node at a time (the worker row,
 * locked with SKIP LOCKED: a second node skips); an arrival is taken out of the outbox in the
 * transaction that checks it, so a failed check is retried and none is checked twice.
 */
@Service
class Arrivals {

    private static final Logger log = LoggerFactory.getLogger(Arrivals.class);
    static final int BATCH = 500;

    private final QualityRepository repository;
    private final Methodologies methodologies;
    private final Tallies tallies;
    private final ProvinceOutlines outlines;
    private final TransactionTemplate transactions;
    private final ReentrantLock checking = new ReentrantLock();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService soon = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "quality-arrivals");
        thread.setDaemon(true);
        return thread;
    });

    Arrivals(QualityRepository repository, Methodologies methodologies, Tallies tallies, ProvinceOutlines outlines,
             PlatformTransactionManager transactions) {
        this.repository = repository;
        this.outlines = outlines;
        this.methodologies = methodologies;
        this.tallies = tallies;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** A committed response is checked at once (in the worker's thread, not the respondent's). */
    @TransactionalEventListener(fallbackExecution = true)
    void submitted(ResponseSubmitted submitted) {
        if (submitted.campaignId() != null && queued.compareAndSet(false, true)) {
            soon.execute(() -> {
                queued.set(false);
                checkQuietly();
            });
        }
    }

    @Scheduled(fixedDelayString = "${sipas.quality.check-interval:2000}", initialDelayString = "${sipas.quality.check-interval:2000}")
    void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            // the outbox keeps the arrivals: the next run takes them again
            log.warn("quality check of arrivals failed, retried at the next run: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        soon.shutdownNow();
    }

    /** Checks the outbox until it is empty, unless another node is checking; the arrivals this call checked. */
    int check() {
        checking.lock();
        try {
            int total = 0;
            int checked;
            do {
                checked = transactions.execute(status -> batch());
                total += checked;
            } while (checked == BATCH);
            return total;
        } finally {
            checking.unlock();
        }
    }

    private int batch() {
        if (!repository.lockWorkerOrSkip()) {
            return 0;
        }
        List<Long> arrived = repository.takeArrivals(BATCH);
        for (long id : arrived) {
            repository.response(id).ifPresent(this::checkOne);
        }
        repository.countChecked(arrived.size());
        return arrived.size();
    }

    private void checkOne(ArrivedResponse response) {
        QualitySettings settings = repository.settings(response.campaignId());
        ActiveTime.Measured time = activeTime(response, settings);
        Methodology methodology = methodologies.find(response.methodologyCode(), response.methodologyVersion()).orElseThrow();
        Flags.Context context = new Flags.Context(time.activeSeconds(), repository.sameDossier(response), repository.samePhone(response),
                response.interviewer() == null ? 0 : repository.interviewsThatDay(response), kmOutsideProvince(response));
        List<Flags.Flag> flags = Flags.of(response, methodology, settings, context);
        flags.forEach(flag -> repository.flag(response.id(), flag));
        ReviewState first = flags.isEmpty() ? ReviewState.SUBMITTED : ReviewState.FLAGGED;
        String reason = flags.isEmpty() ? null : flags.stream().map(f -> f.kind().name()).toList().toString();
        if (!repository.firstReview(response.id(), response.campaignId(), first, reason, time.activeSeconds(), time.wallSeconds())) {
            // decided by hand before the check came: the flags and the time are added, the state stays
            repository.measured(response.id(), time.activeSeconds(), time.wallSeconds());
        } else if (!settings.countUntilDecided()) {
            tallies.leaveCount(response.id(), "not decided yet (the campaign counts accepted responses only)", "system");
        }
    }

    /**
     * How far a face-to-face interview's position lies outside its unit's province. The catalog holds
     * province boundaries only (the communes' are not published as open data), so an interview in the
     * wrong commune of the right province is not caught here; one tens of kilometres into another
     * province, or at the interviewer's home in the city, is.
     */
    private Double kmOutsideProvince(ArrivedResponse response) {
        if (!"CAPI".equals(response.channel()) || response.latitude() == null || response.longitude() == null) {
            return null;
        }
        OptionalDouble km = outlines.kmOutsideProvinceOf(response.unitId(), response.latitude(), response.longitude());
        return km.isPresent() ? km.getAsDouble() : null;
    }

    /** The response's start, the server's time of each step of its sitting, its end. */
    ActiveTime.Measured activeTime(ArrivedResponse response, QualitySettings settings) {
        List<Instant> moments = new ArrayList<>(repository.stepTimes(response.token()));
        moments.add(response.startedAt());
        moments.add(response.endedAt());
        return ActiveTime.of(moments, Duration.ofSeconds(settings.idleGapSeconds()));
    }

    long pending() {
        return repository.pendingArrivals();
    }
}
