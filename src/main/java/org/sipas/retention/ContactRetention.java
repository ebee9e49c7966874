package org.sipas.retention;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.sipas.campaign.OpenCampaigns;
import org.sipas.collection.RespondentHashes;
import org.sipas.feedback.JobLock;
import org.sipas.frame.ContactErasure;
import org.sipas.identity.AuditLog;
import org.sipas.web.Formats;
import org.sipas.web.PageOf;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The retention rule for applicants' contacts (DESIGN §8, Decree 13/2023/NĐ-CP), per kind of data:
 * <ul>
 *   <li>a sampled campaign's contacts, drawn and undrawn alike (its whole frame): erased once the
 *       campaign is closed and its re-check window is over, {@code recheck_days} after the close, or
 *       sooner when it drew re-checks and every one has an outcome;</li>
 *   <li>a contact a consented feedback case may call back: kept while the case is open and
 *       {@code case_grace_days} after it is closed (a reopened case holds it again until closed);</li>
 *   <li>a dossier in the frame of several campaigns: kept while any of them still holds it;</li>
 *   <li>a dossier in no campaign's frame: erased {@code unattached_months} after its import (24 by
 *       default: a yearly campaign may still draw last year's dossiers for a comparison).</li>
 * </ul>
 * The keyed phone hash and the contact's fingerprint go with the contact: de-duplication is only
 * needed while a campaign draws and checks its sample, and the erased contact never comes back. The
 * same end of the window forgets a campaign's respondents' keyed hashes (one answer per phone or
 * email on the open portal and open surveys, one-time codes, an open survey's invited list): they
 * only serve while it takes answers.
 * Erasing runs on one node at a time under the job lock, in batches, in one transaction per run that
 * also writes its audit entry (counts per campaign and kind, never a contact).
 */
@Service
class ContactRetention {

    static final String JOB = "contact-retention";
    private static final String SAMPLED = "SAMPLED";

    /** What a run erased (or, dry, would erase) of one campaign and kind; kind is drawn, frame or unattached. */
    record Erased(Long campaignId, String campaignName, String kind, long count) implements Serializable {
    }

    /** A run: skipped when another node held the job. Serializable: the page shows it once after its redirect (a flash attribute). */
    record Run(boolean skipped, boolean dryRun, Instant at, List<Erased> erased) implements Serializable {

        public long total() {
            return erased.stream().mapToLong(Erased::count).sum();
        }
    }

    /** A campaign's standing under the rule: its window, what its frame holds, and why what is held is not erased yet. */
    record CampaignRetention(RetentionRepository.CampaignRow campaign, Instant windowEnds, boolean windowOver,
                             RetentionRepository.Holding holding, List<RetentionRepository.CaseHold> caseHolds, long hashes) {

        /** When the held contacts go, as far as the rule knows now: the window's end, or null while the campaign is open. */
        public String erasedOn() {
            return windowEnds == null ? null : Formats.DATE.format(windowEnds);
        }
    }

    /** Everything the page shows: a page of the campaigns in the caller's scope, the dossiers of no campaign, the settings. */
    record Plan(Instant at, RetentionSettings settings, PageOf<CampaignRetention> campaigns, RetentionRepository.Unattached unattached,
                Instant unattachedCutoff) {
    }

    /** Campaigns a page of the plan shows: each one's holdings are counted live, so only the page's are. */
    static final int CAMPAIGNS_PER_PAGE = 25;

    private final RetentionRepository repository;
    private final ContactErasure erasure;
    private final JobLock lock;
    private final AuditLog audit;
    private final RespondentHashes hashes;
    private final OpenCampaigns openCampaigns;
    private final int batch;
    private final int batchesPerRun;

    ContactRetention(RetentionRepository repository, ContactErasure erasure, JobLock lock, AuditLog audit, RespondentHashes hashes,
                     OpenCampaigns openCampaigns, @Value("${sipas.retention.batch}") int batch, @Value("${sipas.retention.batches-per-run}") int batchesPerRun) {
        this.repository = repository;
        this.erasure = erasure;
        this.lock = lock;
        this.audit = audit;
        this.hashes = hashes;
        this.openCampaigns = openCampaigns;
        this.batch = batch;
        this.batchesPerRun = batchesPerRun;
    }

    /** The whole plan's first page (see {@link #plan(long, Instant, Integer)}). */
    Plan plan(long scopeUnitId, Instant now) {
        return plan(scopeUnitId, now, 1);
    }

    /**
     * The rule's view of the campaigns whose scope lies in {@code scopeUnitId}'s, page {@code page} of
     * them ({@link #CAMPAIGNS_PER_PAGE}), and of the dossiers of no campaign.
     */
    Plan plan(long scopeUnitId, Instant now, Integer page) {
        RetentionSettings settings = repository.settings();
        Instant caseCutoff = now.minus(Duration.ofDays(settings.caseGraceDays()));
        List<Window> windows = windows(settings, now, scopeUnitId);
        List<Long> holding = holding(windows);
        PageOf<Window> shown = PageOf.of(windows.stream().filter(w -> w.campaign().inScope()).toList(),
                page, CAMPAIGNS_PER_PAGE);
        List<CampaignRetention> campaigns = new ArrayList<>();
        for (Window w : shown.items()) {
            List<Long> others = holding.stream().filter(id -> id != w.campaign().id()).toList();
            long id = w.campaign().id();
            boolean sampled = SAMPLED.equals(w.campaign().kind());
            campaigns.add(new CampaignRetention(w.campaign(), w.ends(), w.over(),
                    sampled ? repository.holding(id, others, caseCutoff) : RetentionRepository.Holding.NONE,
                    repository.caseHolds(id, caseCutoff), hashes.held(id) + (sampled ? 0 : openCampaigns.inviteesHeld(id))));
        }
        Instant cutoff = unattachedCutoff(settings, now);
        return new Plan(now, settings, new PageOf<>(campaigns, shown.number(), shown.size(), shown.total()),
                repository.unattached(scopeUnitId, cutoff, caseCutoff), cutoff);
    }

    /**
     * Erases what is due in the scope, at most {@code batch × batches-per-run} contacts (the rest at the
     * next run); dry, only counts it. Returns a skipped run when another node holds the job.
     */
    Run run(long scopeUnitId, Instant now, boolean dryRun, String why) {
        return lock.exclusively(JOB, now, new Run(true, dryRun, now, List.of()), () -> {
            RetentionSettings settings = repository.settings();
            Instant caseCutoff = now.minus(Duration.ofDays(settings.caseGraceDays()));
            List<Window> windows = windows(settings, now, scopeUnitId);
            List<Long> holding = holding(windows);
            List<Erased> erased = new ArrayList<>();
            long budget = (long) batch * batchesPerRun;
            for (Window w : windows) {
                if (!w.over() || budget <= 0 || !w.campaign().inScope()) {
                    continue;
                }
                long drawn = 0;
                long frame = 0;
                long id = w.campaign().id();
                long forgotten = dryRun ? hashes.held(id) : hashes.forget(id).total();
                if (!SAMPLED.equals(w.campaign().kind())) {
                    forgotten += dryRun ? openCampaigns.inviteesHeld(id) : openCampaigns.forgetInvitees(id);
                } else if (dryRun) {
                    RetentionRepository.Holding h = repository.holding(w.campaign().id(), holding, caseCutoff);
                    frame = h.due();
                } else {
                    while (budget > 0) {
                        List<RetentionRepository.Due> due = repository.dueOfCampaign(w.campaign().id(), holding, caseCutoff,
                                (int) Math.min(batch, budget));
                        if (due.isEmpty()) {
                            break;
                        }
                        Set<Long> done = Set.copyOf(erasure.erase(due.stream().map(RetentionRepository.Due::dossierId).toList(), now));
                        for (RetentionRepository.Due d : due) {
                            if (done.contains(d.dossierId())) {
                                if (d.drawn()) {
                                    drawn++;
                                } else {
                                    frame++;
                                }
                            }
                        }
                        budget -= due.size();
                    }
                }
                if (drawn > 0) {
                    erased.add(new Erased(w.campaign().id(), w.campaign().name(), "drawn", drawn));
                }
                if (frame > 0) {
                    erased.add(new Erased(w.campaign().id(), w.campaign().name(), dryRun ? "due" : "frame", frame));
                }
                if (forgotten > 0) {
                    erased.add(new Erased(w.campaign().id(), w.campaign().name(), "hashes", forgotten));
                }
            }
            Instant cutoff = unattachedCutoff(settings, now);
            long unattached = 0;
            if (dryRun) {
                unattached = repository.unattached(scopeUnitId, cutoff, caseCutoff).due();
            } else {
                while (budget > 0) {
                    List<Long> due = repository.dueUnattached(scopeUnitId, cutoff, caseCutoff, (int) Math.min(batch, budget));
                    if (due.isEmpty()) {
                        break;
                    }
                    unattached += erasure.erase(due, now).size();
                    budget -= due.size();
                }
            }
            if (unattached > 0) {
                erased.add(new Erased(null, null, "unattached", unattached));
            }
            Run run = new Run(false, dryRun, now, List.copyOf(erased));
            if (run.total() > 0 || why != null) {
                audit.record(dryRun ? "contacts.retention.preview" : "contacts.retention.erase", "contact_retention",
                        Long.toString(scopeUnitId), null, summary(run), why == null ? "scheduled run" : why);
            }
            return run;
        });
    }

    /** A setting refused, with the message key naming the field and its bounds. */
    static final class Refused extends RuntimeException {
        Refused(String key) {
            super(key);
        }
    }

    /** Changes the settings (one row for the whole country), audited with before and after. */
    RetentionSettings saveSettings(Integer recheckDays, Integer caseGraceDays, Integer unattachedMonths, String by, Instant now) {
        if (recheckDays == null || recheckDays < 0 || recheckDays > RetentionSettings.MAX_DAYS) {
            throw new Refused("retention.settings.recheckDays.invalid");
        }
        if (caseGraceDays == null || caseGraceDays < 0 || caseGraceDays > RetentionSettings.MAX_DAYS) {
            throw new Refused("retention.settings.caseGraceDays.invalid");
        }
        if (unattachedMonths == null || unattachedMonths < 1 || unattachedMonths > RetentionSettings.MAX_MONTHS) {
            throw new Refused("retention.settings.unattachedMonths.invalid");
        }
        RetentionSettings before = repository.settings();
        repository.saveSettings(recheckDays, caseGraceDays, unattachedMonths, by, now);
        RetentionSettings after = repository.settings();
        audit.record("contacts.retention.settings", "contact_retention_setting", "1",
                Map.of("recheckDays", before.recheckDays(), "caseGraceDays", before.caseGraceDays(), "unattachedMonths", before.unattachedMonths()),
                Map.of("recheckDays", after.recheckDays(), "caseGraceDays", after.caseGraceDays(), "unattachedMonths", after.unattachedMonths()),
                null);
        return after;
    }

    /** The audit entry's record: counts per campaign and kind, never a contact. */
    private static Map<String, Object> summary(Run run) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("dryRun", run.dryRun());
        after.put("total", run.total());
        after.put("erased", run.erased().stream().map(e -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("campaign", e.campaignId());
            one.put("kind", e.kind());
            one.put("count", e.count());
            return one;
        }).collect(Collectors.toList()));
        return after;
    }

    /** A campaign's re-check window: null end while it is open. */
    private record Window(RetentionRepository.CampaignRow campaign, Instant ends, boolean over) {
    }

    private List<Window> windows(RetentionSettings settings, Instant now, long scopeUnitId) {
        return repository.campaigns(scopeUnitId).stream().map(c -> {
            Instant ends = windowEnds(c, settings);
            return new Window(c, ends, ends != null && !ends.isAfter(now));
        }).toList();
    }

    /**
     * N days after the close; sooner when the campaign drew re-checks and every one has its outcome
     * (the list is done), but never before the close itself.
     */
    static Instant windowEnds(RetentionRepository.CampaignRow c, RetentionSettings settings) {
        if (!"CLOSED".equals(c.status()) || c.closedAt() == null) {
            return null;
        }
        Instant latest = c.closedAt().plus(Duration.ofDays(settings.recheckDays()));
        if (c.rechecks() > 0 && c.rechecksPending() == 0) {
            Instant listDone = c.lastRecheckAt() == null || c.lastRecheckAt().isBefore(c.closedAt()) ? c.closedAt() : c.lastRecheckAt();
            return listDone.isBefore(latest) ? listDone : latest;
        }
        return latest;
    }

    /** The sampled campaigns still holding their frames' contacts: open, or closed within their window (open surveys have no frame). */
    private static List<Long> holding(List<Window> windows) {
        return windows.stream().filter(w -> !w.over() && SAMPLED.equals(w.campaign().kind())).map(w -> w.campaign().id()).toList();
    }

    /** Dossiers of no campaign imported before this are due: the settings' months back, counted on Vietnamese days. */
    private static Instant unattachedCutoff(RetentionSettings settings, Instant now) {
        return now.atZone(Formats.ZONE).minusMonths(settings.unattachedMonths()).toInstant();
    }
}
