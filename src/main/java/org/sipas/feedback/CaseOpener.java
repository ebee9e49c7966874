package org.sipas.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import org.sipas.catalog.OfficialNames;
import org.sipas.collection.ResponseSubmitted;
import org.sipas.frame.DossierOfficials;
import org.sipas.methodology.AlertSeverity;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens the cases: takes the responses of the outbox {@code alert_outbox} (written by the trigger
 * on {@code response} in the transaction that stored them), runs the rules of their methodology
 * version, inserts a case per response and rule set off, tells the owners, and deletes the outbox
 * rows, all in one transaction, with a fixed number of statements a batch (cases, first steps,
 * inbox messages, mails and webhook deliveries each written by one). Rows are taken FOR UPDATE SKIP LOCKED, so two nodes take different
 * responses; a crash rolls the whole batch back into the outbox; the unique (response, rule) is the
 * last guard against a case opened twice.
 */
@Service
class CaseOpener {

    private static final Logger log = LoggerFactory.getLogger(CaseOpener.class);
    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {
    };
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final CaseStore cases;
    private final AlertRules rules;
    private final Methodologies methodologies;
    private final DossierOfficials dossiers;
    private final OfficialNames officials;
    private final WorkingDays workingDays;
    private final Notifications notifications;
    private final ContactConsents consents;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ScheduledExecutorService soon = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "feedback-cases");
                // never holds the JVM open: the outbox keeps what it had not judged
                thread.setDaemon(true);
                return thread;
            });
    private final ReentrantLock thisNode = new ReentrantLock();
    private final AtomicBoolean queued = new AtomicBoolean();
    /** The least time between two drains set off by stored responses, in nanoseconds. */
    private final long gather;
    /** When this node's last drain began ({@link System#nanoTime()}). */
    private volatile long lastDrain;

    CaseOpener(JdbcClient jdbc, CaseStore cases, AlertRules rules, Methodologies methodologies, DossierOfficials dossiers, OfficialNames officials,
               WorkingDays workingDays, Notifications notifications, ContactConsents consents, JsonMapper json, Clock clock,
               PlatformTransactionManager transactions, @Value("${sipas.feedback.outbox-gather}") Duration gather) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.rules = rules;
        this.methodologies = methodologies;
        this.dossiers = dossiers;
        this.officials = officials;
        this.workingDays = workingDays;
        this.notifications = notifications;
        this.consents = consents;
        this.json = json;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
        this.gather = gather.toNanos();
        this.lastDrain = System.nanoTime() - this.gather;
    }

    /**
     * A stored response is judged soon after its commit, in a thread of the opener, never the
     * respondent's (the outbox holds it if this fails): at once when the last drain began at least
     * {@code outbox-gather} ago, else when that much has passed. Under a stream of responses the
     * opener so takes the outbox a few times a second, each batch with the cases of all the
     * responses stored meanwhile, instead of a transaction of its own for every one or two (whose
     * fixed statements and commit cost the respondents' writes the CPU and the WAL flushes).
     */
    @TransactionalEventListener(fallbackExecution = true)
    void submitted(ResponseSubmitted submitted) {
        if (queued.compareAndSet(false, true)) {
            long wait = Math.max(0, lastDrain + gather - System.nanoTime());
            soon.schedule(() -> {
                queued.set(false);
                drainQuietly();
            }, wait, TimeUnit.NANOSECONDS);
        }
    }

    @PreDestroy
    void stop() {
        soon.shutdownNow();
    }

    @Scheduled(fixedDelayString = "${sipas.feedback.outbox-interval}", initialDelayString = "${sipas.feedback.outbox-interval}")
    void drainQuietly() {
        try {
            drain(clock.instant());
        } catch (RuntimeException e) {
            // the outbox keeps the responses: the next drain takes them again
            log.warn("alert outbox drain failed, retried at the next one: {}", e.toString());
        }
    }

    /**
     * Judges the outbox until it is empty (of the rows no other node holds).
     *
     * @param now when the cases open (their SLA counts from here)
     * @return the cases opened
     */
    int drain(Instant now) {
        // this node's threads take turns (once it returns, what was committed before is judged); other nodes skip
        thisNode.lock();
        try {
            lastDrain = System.nanoTime();
            int opened = 0;
            while (true) {
                Integer[] batch = transactions.execute(status -> once(now));
                opened += batch[1];
                if (batch[0] < BATCH) {
                    return opened;
                }
            }
        } finally {
            thisNode.unlock();
        }
    }

    private record Stored(long id, String methodologyCode, int methodologyVersion, Long unitId, Long dossierId, Long campaignId,
                          String channel, String answers) {
    }

    /** One batch in the caller's transaction: {taken, opened}. */
    private Integer[] once(Instant now) {
        // taken and deleted at once: a rollback puts them back, and rows another node holds are skipped
        List<Long> queued = jdbc.sql("""
                        DELETE FROM alert_outbox o
                        USING (SELECT seq FROM alert_outbox ORDER BY seq LIMIT :n FOR UPDATE SKIP LOCKED) taken
                        WHERE o.seq = taken.seq RETURNING o.response_id""")
                .param("n", BATCH).query(Long.class).list();
        if (queued.isEmpty()) {
            return new Integer[] {0, 0};
        }
        List<Long> ids = queued.stream().distinct().toList();
        List<Stored> responses = jdbc.sql("""
                        SELECT id, methodology_code, methodology_version, unit_id, dossier_id, campaign_id, channel, answers::text AS answers
                        FROM response WHERE id = ANY (CAST(:ids AS bigint[])) ORDER BY id""")
                .param("ids", ids.toArray(Long[]::new)).query(Stored.class).list();
        Map<Long, DossierOfficials.Served> served = dossiers.of(responses.stream().map(Stored::dossierId).filter(Objects::nonNull).toList());
        Map<String, List<AlertRule>> rulesByVersion = new HashMap<>();
        Map<String, Optional<Methodology>> versions = new HashMap<>();
        Map<String, Optional<ContactConsents.Consent>> consents = new HashMap<>();

        List<NewCase> found = new ArrayList<>();
        for (Stored r : responses) {
            String version = r.methodologyCode() + "/" + r.methodologyVersion();
            Optional<Methodology> methodology = versions.computeIfAbsent(version,
                    v -> methodologies.find(r.methodologyCode(), r.methodologyVersion()));
            DossierOfficials.Served dossier = r.dossierId() == null ? null : served.get(r.dossierId());
            Long unitId = r.unitId() != null ? r.unitId() : dossier == null ? null : dossier.unitId();
            if (methodology.isEmpty() || unitId == null) {
                // no unit: nobody to own a case (the rule cannot route it)
                continue;
            }
            Map<String, String> answers = json.readValue(r.answers(), ANSWERS);
            boolean consented = consents.computeIfAbsent(version, v -> this.consents.of(r.methodologyCode(), r.methodologyVersion()))
                    .map(c -> c.givenIn(answers)).orElse(false);
            for (AlertRule rule : rulesByVersion.computeIfAbsent(version, v -> rules.of(r.methodologyCode(), r.methodologyVersion()))) {
                RuleCheck.match(rule, methodology.get(), answers, r.channel()).ifPresent(matched ->
                        found.add(new NewCase(r.id(), rule, r.campaignId(), unitId, dossier, answers, matched, consented, r.channel())));
            }
        }
        return new Integer[] {queued.size(), open(found, now)};
    }

    private record NewCase(long responseId, AlertRule rule, Long campaignId, long unitId, DossierOfficials.Served dossier,
                           Map<String, String> answers, String matched, boolean consented, String channel) {
    }

    private int open(List<NewCase> found, Instant now) {
        if (found.isEmpty()) {
            return 0;
        }
        Set<Long> officialIds = new HashSet<>();
        Set<String> named = new HashSet<>();
        for (NewCase c : found) {
            if (c.dossier() != null) {
                if (c.dossier().receivingOfficialId() != null) {
                    officialIds.add(c.dossier().receivingOfficialId());
                }
                if (c.dossier().processingOfficialId() != null) {
                    officialIds.add(c.dossier().processingOfficialId());
                }
            }
            String pick = c.answers().get("official");
            if (pick != null && !pick.isBlank()) {
                named.add(pick.strip());
            }
        }
        Map<Long, OfficialNames.Official> byId = officials.byIds(officialIds);
        Map<String, OfficialNames.Official> byCode = officials.byStaffCodes(named);
        // every case of the batch opens at the same moment: one due time per severity
        Map<AlertSeverity, Instant> dueBy = new EnumMap<>(AlertSeverity.class);
        List<CaseStore.Opening> openings = new ArrayList<>(found.size());
        for (NewCase c : found) {
            DossierOfficials.Served d = c.dossier();
            OfficialNames.Official receiving = d == null || d.receivingOfficialId() == null ? null : byId.get(d.receivingOfficialId());
            OfficialNames.Official processing = d == null || d.processingOfficialId() == null ? null : byId.get(d.processingOfficialId());
            String pick = c.answers().get("official");
            OfficialNames.Official picked = pick == null ? null : byCode.get(pick.strip());
            Instant due = dueBy.computeIfAbsent(c.rule().severity(), severity -> workingDays.add(now, workingDays.slaDays(severity)));
            openings.add(new CaseStore.Opening(c.responseId(), c.rule().id(), c.campaignId(), c.unitId(),
                    d == null ? null : d.dossierId(), d == null ? null : d.receiptCode(), d == null ? null : d.procedureId(),
                    d == null ? null : d.procedureCode(), d == null ? null : d.procedureName(),
                    receiving == null ? null : receiving.id(), label(receiving), processing == null ? null : processing.id(),
                    label(processing), picked == null ? null : picked.id(),
                    picked != null ? label(picked) : pick == null || pick.isBlank() ? null : pick.strip(),
                    c.channel(), c.rule().severity().name(), c.matched(), c.consented(), due, c.rule().label() + ": " + c.matched()));
        }
        List<Long> opened = cases.open(openings, now);
        notifications.casesOpened(opened, now);
        return opened.size();
    }

    private static String label(OfficialNames.Official official) {
        return official == null ? null : official.staffCode() + " · " + official.fullName();
    }
}
