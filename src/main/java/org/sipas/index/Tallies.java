package org.sipas.index;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;

import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.FieldCampaigns;
import org.sipas.collection.ResponseSubmitted;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live tallies (DESIGN §6). Every stored response writes a +1 into the outbox
 * ({@code tally_change}) in its own transaction; one worker at a time (the watermark row, locked
 * with SKIP LOCKED, so a second node skips instead of folding twice) folds the outbox into the
 * tallies every second, and at once after a response is committed. A read adds the changes not
 * folded yet, so a figure is never staler than the last commit.
 */
@Service
public class Tallies {

    private static final Logger log = LoggerFactory.getLogger(Tallies.class);
    /** Changes folded in one transaction; a fold that takes this many goes on with the next batch. */
    static final int BATCH = 5_000;

    private final TallyRepository repository;
    private final FieldCampaigns campaigns;
    private final Methodologies methodologies;
    private final List<String> respondentQuestions;
    private final TransactionTemplate transactions;
    private final TransactionTemplate snapshots;
    private final Map<Long, Scoring> scorings = new ConcurrentHashMap<>();
    private final ReentrantLock folding = new ReentrantLock();
    private final AtomicBoolean foldQueued = new AtomicBoolean();
    private final ExecutorService soon = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "tally-fold");
        thread.setDaemon(true);
        return thread;
    });

    Tallies(TallyRepository repository, FieldCampaigns campaigns, Methodologies methodologies,
            @Value("${sipas.index.respondent-questions}") List<String> respondentQuestions, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.methodologies = methodologies;
        this.respondentQuestions = List.copyOf(respondentQuestions);
        this.transactions = new TransactionTemplate(transactions);
        this.snapshots = new TransactionTemplate(transactions);
        this.snapshots.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshots.setReadOnly(true);
    }

    /** A committed response is folded at once (in a thread of the tallies, not the respondent's). */
    @TransactionalEventListener(fallbackExecution = true)
    void submitted(ResponseSubmitted submitted) {
        if (submitted.campaignId() != null) {
            foldSoon();
        }
    }

    void foldSoon() {
        if (foldQueued.compareAndSet(false, true)) {
            soon.execute(() -> {
                foldQueued.set(false);
                foldQuietly();
            });
        }
    }

    @Scheduled(fixedDelayString = "${sipas.index.fold-interval}", initialDelayString = "${sipas.index.fold-interval}")
    void foldQuietly() {
        try {
            fold();
        } catch (RuntimeException e) {
            // the outbox keeps the changes: the next fold takes them again
            log.warn("tally fold failed, retried at the next one: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        soon.shutdownNow();
    }

    /** How far the tallies are behind the stored responses, for the public status page. */
    public FoldLag lag() {
        return repository.lag();
    }

    /**
     * Folds the outbox into the tallies until it is empty, unless another node is folding (this
     * node's other threads are waited for: once it returns, what was committed before is folded).
     *
     * @return the changes this call folded
     */
    public int fold() {
        folding.lock();
        try {
            int total = 0;
            int folded;
            do {
                folded = transactions.execute(status -> foldBatch());
                total += folded;
            } while (folded == BATCH);
            return total;
        } finally {
            folding.unlock();
        }
    }

    private int foldBatch() {
        if (repository.lockWatermarkOrSkip().isEmpty()) {
            return 0;
        }
        List<TallyRepository.Change> changes = repository.takeChanges(BATCH);
        if (changes.isEmpty()) {
            return 0;
        }
        repository.add(contributions(changes));
        repository.advance(changes.size(), changes.get(changes.size() - 1).seq());
        return changes.size();
    }

    /** What the changes add to the tallies (a −1 subtracts the response's sums). */
    Map<TallyKey, Sums> contributions(List<TallyRepository.Change> changes) {
        Set<Long> ids = new LinkedHashSet<>();
        changes.forEach(c -> ids.add(c.responseId()));
        Map<Long, CountedResponse> responses = repository.responses(ids);
        Map<TallyKey, Sums> deltas = new HashMap<>();
        for (TallyRepository.Change change : changes) {
            CountedResponse response = responses.get(change.responseId());
            if (response != null) {
                add(deltas, response, change.sign());
            }
        }
        return deltas;
    }

    /** Adds what a response adds to its rows; false when it is in no series (an unsampled web link) and adds nothing. */
    private boolean add(Map<TallyKey, Sums> into, CountedResponse response, int sign) {
        Series series = Series.of(response.sampled(), response.channel());
        if (series == null) {
            return false;
        }
        Scoring scoring = scoring(response.campaignId());
        Scoring.Indicators indicators = scoring.score(response.answers());
        for (TallyKey key : response.keys(series, scoring)) {
            into.computeIfAbsent(key, k -> new Sums(scoring.size())).add(indicators.valid(), indicators.satisfied(), sign);
        }
        return true;
    }

    /**
     * Counts a campaign's tallies again from its responses that count, in one transaction (folds
     * wait meanwhile): what the fold keeps up to date must equal this.
     */
    public void rebuild(long campaignId) {
        folding.lock();
        try {
            transactions.executeWithoutResult(status -> {
                repository.lockWatermark();
                repository.clear(campaignId);
                Map<TallyKey, Sums> sums = new HashMap<>();
                repository.eachCounted(campaignId, response -> add(sums, response, 1));
                repository.add(sums);
                // a rebuild is a fold too: the campaign's dashboards hear of it, and the next fold is counted after it
                repository.advance(0, 0);
            });
        } finally {
            folding.unlock();
        }
    }

    /**
     * A response leaves the count (a quality decision): from the next fold on, the tallies are as if
     * it had never been stored. Excluding an excluded response does nothing.
     */
    public void leaveCount(long responseId, String reason, String decidedBy) {
        transactions.executeWithoutResult(status -> {
            if (repository.exclude(responseId, reason, decidedBy)) {
                repository.change(responseId, -1);
            }
        });
        foldSoon();
    }

    /**
     * The tallies of a campaign's series and kinds as the caller may see them, in one read,
     * together with the tail not folded yet.
     */
    Read read(long campaignId, Collection<Series> series, Collection<String> kinds, long scopeUnitId, Long subtreeUnitId) {
        return snapshots.execute(status -> {
            Map<TallyKey, Sums> rows = repository.rows(campaignId, series, kinds, scopeUnitId, subtreeUnitId);
            List<TallyRepository.Change> tail = repository.pending(campaignId);
            if (!tail.isEmpty()) {
                Set<Long> visible = new HashSet<>();
                rows.keySet().forEach(k -> visible.add(k.unitId()));
                Map<Long, Boolean> within = new HashMap<>();
                contributions(tail).forEach((key, delta) -> {
                    if (series.contains(key.series()) && kinds.contains(key.domainKind()) && (visible.contains(key.unitId())
                            || within.computeIfAbsent(key.unitId(), u -> repository.unitWithin(u, scopeUnitId, subtreeUnitId)))) {
                        rows.computeIfAbsent(key, k -> new Sums(delta.criteria())).add(delta);
                    }
                });
                rows.values().removeIf(Sums::isZero);
            }
            return new Read(rows, repository.watermark(), tail.size());
        });
    }

    /**
     * The sums the named responses of a campaign add, those of them that count, computed from the
     * responses as a rebuild counts them (the tallies themselves are not read): the figures of a
     * chosen set of responses, such as the accepted ones of approved results.
     */
    Counted readResponses(long campaignId, Collection<Long> responseIds, Collection<Series> series, Collection<String> kinds) {
        return snapshots.execute(status -> {
            Map<TallyKey, Sums> rows = new HashMap<>();
            List<Long> counted = new java.util.ArrayList<>();
            repository.eachCounted(campaignId, responseIds, response -> {
                if (add(rows, response, 1)) {
                    counted.add(response.id());
                }
            });
            rows.keySet().removeIf(key -> !series.contains(key.series()) || !kinds.contains(key.domainKind()));
            return new Counted(new Read(rows, repository.watermark(), 0), List.copyOf(counted));
        });
    }

    /**
     * The sums of a campaign's counted responses within a subtree, computed from the responses with
     * their answers as first submitted (corrections undone): what the figures would be had nobody
     * corrected an answer. The tallies are not read.
     */
    Read readAsSubmitted(long campaignId, Collection<Series> series, Collection<String> kinds, long scopeUnitId, Long subtreeUnitId) {
        return snapshots.execute(status -> {
            Map<TallyKey, Sums> rows = new HashMap<>();
            repository.eachCountedAsSubmitted(campaignId, response -> add(rows, response, 1));
            Set<Long> units = new HashSet<>();
            rows.keySet().forEach(key -> units.add(key.unitId()));
            Set<Long> within = repository.unitsWithin(units, scopeUnitId, subtreeUnitId);
            rows.keySet().removeIf(key -> !series.contains(key.series()) || !kinds.contains(key.domainKind())
                    || !within.contains(key.unitId()));
            return new Read(rows, repository.watermark(), 0);
        });
    }

    /** The sums of named responses, and which of them counted (in a series, not excluded), ascending. */
    record Counted(Read read, List<Long> responseIds) {
    }

    /** Tallies read in one snapshot: rows (tail included), the watermark they were folded to, and the tail's size. */
    record Read(Map<TallyKey, Sums> rows, TallyRepository.Watermark watermark, int tail) {
    }

    /** The criteria of a campaign's index tree, in the order of its tallies' arrays. */
    Scoring scoring(long campaignId) {
        return scorings.computeIfAbsent(campaignId, id -> {
            FieldCampaign campaign = campaigns.find(id).orElseThrow();
            Methodology methodology = methodologies.find(campaign.methodologyCode(), campaign.methodologyVersion()).orElseThrow();
            return Scoring.of(methodology, IndexTree.of(methodology.index()).criteria(), respondentQuestions);
        });
    }
}
