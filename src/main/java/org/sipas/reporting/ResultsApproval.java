package org.sipas.reporting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sipas.campaign.ApprovalLevels;
import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.OpenCampaign;
import org.sipas.campaign.OpenCampaigns;
import org.sipas.catalog.CatalogCodes;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.index.CampaignEstimates;
import org.sipas.index.Domain;
import org.sipas.index.Estimates;
import org.sipas.index.GradeBandStore;
import org.sipas.index.GradeBands;
import org.sipas.index.Series;
import org.sipas.quality.ReviewDecisions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The approval of a campaign's results (phê duyệt kết quả), step by step: prepare (the figures
 * computed from the accepted responses and frozen in a numbered version), submit, then approve
 * (published as a snapshot) or return with comments. Who may do which is {@link Approvers}'s; every
 * step is written in the version's comments and the audit log in the transaction that takes it.
 */
@Service
public class ResultsApproval {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ResultsApproval.class);

    /** What a version freezes: each series with the kinds of domain a report, the portal and the open data show. */
    static final Map<Series, List<Domain>> FROZEN = frozen();
    /**
     * What an open survey's version freezes: its answers are the PORTAL series alone (no frame, no
     * sample), overall, per unit and per respondent type; never a SAMPLED series, so nothing reads
     * them as the probability sample's ({@link Snapshot#ofOpenSurvey}).
     */
    static final Map<Series, List<Domain>> FROZEN_OPEN = Map.of(Series.PORTAL, List.of(Domain.NATION, Domain.UNIT, Domain.RESPONDENT));
    private static final String BY_SETTING = Snapshot.BY_SETTING;

    private final CampaignScope campaigns;
    private final OpenCampaigns openCampaigns;
    private final Approvers approvers;
    private final Estimates estimates;
    private final ReviewDecisions reviews;
    private final GradeBandStore gradeBands;
    private final ResultsRepository results;
    private final SnapshotRepository snapshots;
    private final CatalogCodes catalog;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ResultsApproval(CampaignScope campaigns, OpenCampaigns openCampaigns, Approvers approvers, Estimates estimates,
                    ReviewDecisions reviews, GradeBandStore gradeBands, ResultsRepository results, SnapshotRepository snapshots,
                    CatalogCodes catalog, CurrentUsers users, AuditLog audit, ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.openCampaigns = openCampaigns;
        this.approvers = approvers;
        this.estimates = estimates;
        this.reviews = reviews;
        this.gradeBands = gradeBands;
        this.results = results;
        this.snapshots = snapshots;
        this.catalog = catalog;
        this.users = users;
        this.audit = audit;
        this.events = events;
    }

    private static Map<Series, List<Domain>> frozen() {
        Map<Series, List<Domain>> frozen = new EnumMap<>(Series.class);
        frozen.put(Series.SAMPLED, List.of(Domain.NATION, Domain.PROVINCE, Domain.UNIT, Domain.CHILDREN, Domain.MONTH,
                Domain.PROCEDURE, Domain.CHANNEL, Domain.RESPONDENT));
        frozen.put(Series.COUNTER, List.of(Domain.NATION, Domain.UNIT));
        frozen.put(Series.PORTAL, List.of(Domain.NATION, Domain.UNIT));
        return Map.copyOf(frozen);
    }

    /** What the results page shows of a campaign: the version in the works, all versions, comments, and what the caller may do. */
    record Overview(FieldCampaign campaign, Optional<ResultsVersion> open, List<ResultsVersion> versions,
                           List<SnapshotVersion> published, List<ResultsVersion.Comment> comments,
                           ApprovalLevels.Level approverLevel, boolean mayPrepare, boolean mayApprove, ReviewDecisions.Standing standing) {
    }

    /** A campaign's results as staff in its scope see them (404 without the campaign, 403 outside the scope). */
    @Transactional(readOnly = true)
    Overview overview(long campaignId) {
        FieldCampaign campaign = visible(campaignId);
        CurrentUser me = users.current();
        return new Overview(campaign, results.open(campaignId), results.all(campaignId), snapshots.versions(campaignId),
                results.comments(campaignId), approvers.level(campaign), approvers.mayPrepare(me, campaign),
                approvers.mayApprove(me, campaign), reviews.standing(campaignId));
    }

    /**
     * Prepares the campaign's results: a new version (the next number) or the draft or returned one
     * computed again, from the accepted responses as they stand now. A version waiting for approval
     * is not prepared over (409).
     */
    @Transactional
    public ResultsVersion prepare(long campaignId) {
        FieldCampaign campaign = campaigns.within(campaignId);
        CurrentUser me = users.current();
        if (!approvers.mayPrepare(me, campaign)) {
            throw new AccessDeniedException(me.name() + " does not prepare the results of campaign " + campaignId);
        }
        // before the campaign's lock: the arrival check's worker may be waiting for that lock while holding its own
        reviews.checkArrivals();
        results.lockCampaign(campaignId);
        Optional<ResultsVersion> open = results.lockOpen(campaignId);
        if (open.isPresent() && open.get().state() == ResultsVersion.State.SUBMITTED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "version " + open.get().version() + " is waiting for approval: it is approved or returned first");
        }
        long started = System.nanoTime();
        ResultsRepository.Prepared prepared = compute(campaign);
        long took = (System.nanoTime() - started) / 1_000_000;
        long id;
        int version;
        if (open.isPresent()) {
            id = open.get().id();
            version = open.get().version();
            results.reprepare(id, prepared, me.name());
        } else {
            version = results.nextVersion(campaignId);
            id = results.insert(campaignId, version, prepared, me.name());
        }
        results.comment(id, "PREPARED", me.name(), null);
        log.info("results of campaign {} version {} prepared by {} from {} accepted responses in {} ms", campaignId, version,
                me.name(), prepared.lineage().responsesCounted(), took);
        audit.record("results.prepare", "results_version", Long.toString(id), null,
                Map.of("campaign", campaignId, "version", version, "responsesCounted", prepared.lineage().responsesCounted(),
                        "changed", prepared.changes().size()),
                "campaign " + campaignId + " version " + version);
        return results.open(campaignId).orElseThrow();
    }

    /**
     * Submits the draft (or the returned version) for approval. From version 2 on, {@code whatChanged}
     * says what the correction changed (422 without it).
     */
    @Transactional
    public ResultsVersion submit(long campaignId, String whatChanged) {
        FieldCampaign campaign = campaigns.within(campaignId);
        CurrentUser me = users.current();
        if (!approvers.mayPrepare(me, campaign)) {
            throw new AccessDeniedException(me.name() + " does not submit the results of campaign " + campaignId);
        }
        ResultsVersion open = results.lockOpen(campaignId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "no results prepared: prepare them first"));
        if (open.state() == ResultsVersion.State.SUBMITTED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "version " + open.version() + " is already submitted");
        }
        String note = whatChanged == null || whatChanged.isBlank() ? null : whatChanged.strip();
        if (open.version() > 1 && note == null) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                    "whatChanged: version " + open.version() + " is a correction: say what changed");
        }
        results.submit(open.id(), note, me.name());
        results.comment(open.id(), "SUBMITTED", me.name(), note);
        audit.record("results.submit", "results_version", Long.toString(open.id()), Map.of("state", open.state().name()),
                note == null ? Map.of("state", "SUBMITTED") : Map.of("state", "SUBMITTED", "whatChanged", note),
                "campaign " + campaignId + " version " + open.version());
        return results.open(campaignId).orElseThrow();
    }

    /** Approves the submitted version: its figures become the published snapshot of that number. */
    @Transactional
    public Snapshot approve(long campaignId, String comment) {
        FieldCampaign campaign = visible(campaignId);
        CurrentUser me = users.current();
        ResultsVersion open = decidable(campaign, me);
        CatalogCodes.UnitRef scope = catalog.unit(campaign.scopeUnitId());
        long snapshotId = results.publish(open, campaign, scope.code(), scope.name(), me.name());
        results.decide(open.id(), ResultsVersion.State.APPROVED, me.name());
        String body = comment == null || comment.isBlank() ? null : comment.strip();
        results.comment(open.id(), "APPROVED", me.name(), body);
        audit.record("results.approve", "snapshot", Long.toString(snapshotId), Map.of("state", "SUBMITTED"),
                Map.of("state", "APPROVED", "campaign", campaignId, "version", open.version(), "snapshot", snapshotId),
                body);
        events.publishEvent(new ResultsPublished(campaignId, snapshotId, open.version()));
        return snapshots.byId(snapshotId).orElseThrow();
    }

    /**
     * Publishes an open survey's results without an approver, because the survey's own setting says
     * they publish themselves ({@code publish_results}, chosen when the survey was planned, audited
     * then), when it closes: the figures are prepared as any version is (from the answers not
     * rejected, frozen, the next number, what changed since the last publication) and published as
     * its snapshot at once, the skipped approval written in the version's comments and in the audit
     * log with the setting that skipped it. Without that setting, or for a sampled campaign, nothing
     * is published here: their results go through {@link #prepare}, {@link #submit} and
     * {@link #approve}. A version in the works (an analyst's draft) is left alone, and so is a survey
     * whose latest publication already counts exactly the answers there are (a refresh just before
     * it closed): nothing new was answered, so no new version says the same again.
     *
     * @return the snapshot published, or empty when the survey does not publish itself, has a version in the works or nothing new
     */
    @Transactional
    public Optional<Snapshot> publishBySetting(long campaignId) {
        return publishItself(campaignId, null);
    }

    /**
     * Publishes again, by its setting, the results of an open survey that publishes them also while
     * it takes answers ({@code refresh_hours}): the same path as {@link #publishBySetting}, a new
     * snapshot superseding the last, unless nothing new was answered since the last one (the same
     * answers counted) or nothing at all yet. When a refresh is due is the caller's ({@code
     * OpenSurveyPublication}); a survey that does not publish while open, or does not take answers on
     * {@code today}, is not refreshed here.
     *
     * @return the snapshot published, or empty when there is nothing to refresh
     */
    @Transactional
    public Optional<Snapshot> refreshBySetting(long campaignId, LocalDate today) {
        return publishItself(campaignId, today);
    }

    /** Publishes by the survey's setting: when it closes ({@code refreshOn} null), or while it takes answers on {@code refreshOn}. */
    private Optional<Snapshot> publishItself(long campaignId, LocalDate refreshOn) {
        boolean refresh = refreshOn != null;
        Optional<OpenCampaign> open = openCampaigns.find(campaignId);
        if (open.isEmpty() || !open.get().publishResults()
                || refresh && (!open.get().publishesWhileOpen() || !open.get().takesAnswers(refreshOn))) {
            return Optional.empty();
        }
        FieldCampaign campaign = campaigns.within(campaignId);
        // every answer stored so far has its first state before the counted ones are compared; and
        // before the campaign's lock, which the arrival check's worker may be waiting for while it
        // holds the check's own (the two would wait for each other for ever)
        reviews.checkArrivals();
        results.lockCampaign(campaignId);
        if (results.lockOpen(campaignId).isPresent()) {
            log.info("open survey {}: a version is in the works, its results are not published by the setting", campaignId);
            return Optional.empty();
        }
        List<Long> counting = counted(campaignId, true);
        Optional<String> last = snapshots.latestCountedDigest(campaignId);
        if (last.isPresent() && last.get().equals(digest(counting)) || refresh && counting.isEmpty()) {
            log.info("open survey {}: nothing new answered since its last publication, nothing published", campaignId);
            return Optional.empty();
        }
        ResultsRepository.Prepared prepared = compute(campaign);
        int version = results.nextVersion(campaignId);
        long id = results.insert(campaignId, version, prepared, BY_SETTING);
        results.comment(id, "PREPARED", BY_SETTING, null);
        String note = version == 1 ? null
                : (refresh ? "Cập nhật tự động trong khi đang nhận phiếu: " : "Cập nhật tự động: ") + prepared.lineage().responsesCounted()
                        + " phiếu (" + prepared.changes().size() + " số liệu thay đổi)";
        results.submit(id, note, BY_SETTING);
        ResultsVersion submitted = results.lockOpen(campaignId).orElseThrow();
        CatalogCodes.UnitRef scope = catalog.unit(campaign.scopeUnitId());
        long snapshotId = results.publish(submitted, campaign, scope.code(), scope.name(), BY_SETTING);
        results.decide(id, ResultsVersion.State.APPROVED, BY_SETTING);
        results.comment(id, "APPROVED", BY_SETTING, refresh
                ? "Không qua phê duyệt: khảo sát được thiết lập tự công bố kết quả cả trong khi đang nhận phiếu, mỗi "
                        + open.get().refreshHours() + " giờ (publish_results, refresh_hours)"
                : "Không qua phê duyệt: khảo sát được thiết lập tự công bố kết quả (publish_results)");
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", "APPROVED");
        after.put("campaign", campaignId);
        after.put("version", version);
        after.put("snapshot", snapshotId);
        after.put("responsesCounted", prepared.lineage().responsesCounted());
        after.put("approvalSkippedBy", "open_campaign.publish_results");
        after.put("occasion", refresh ? "REFRESH_WHILE_OPEN" : "CLOSE");
        if (refresh) {
            after.put("refreshHours", open.get().refreshHours());
        }
        audit.record("results.publishBySetting", "snapshot", Long.toString(snapshotId), Map.of("state", "DRAFT"), after,
                "open survey " + campaignId + (refresh ? " publishes its results by its own setting while it takes answers"
                        : " publishes its results by its own setting"));
        log.info("open survey {} version {} published by its setting ({}) from {} answers", campaignId, version,
                refresh ? "refresh while open" : "close", prepared.lineage().responsesCounted());
        events.publishEvent(new ResultsPublished(campaignId, snapshotId, version));
        return snapshots.byId(snapshotId);
    }

    /** Returns the submitted version to its analysts with comments (422 without them). */
    @Transactional
    public ResultsVersion returnWithComments(long campaignId, String comments) {
        FieldCampaign campaign = visible(campaignId);
        CurrentUser me = users.current();
        ResultsVersion open = decidable(campaign, me);
        if (comments == null || comments.isBlank()) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "comments: say why the results go back");
        }
        results.decide(open.id(), ResultsVersion.State.RETURNED, me.name());
        results.comment(open.id(), "RETURNED", me.name(), comments.strip());
        audit.record("results.return", "results_version", Long.toString(open.id()), Map.of("state", "SUBMITTED"),
                Map.of("state", "RETURNED"), comments.strip());
        return results.open(campaignId).orElseThrow();
    }

    /** The submitted version, when the caller is of the approving level and neither prepared nor submitted it. */
    private ResultsVersion decidable(FieldCampaign campaign, CurrentUser me) {
        if (!approvers.mayApprove(me, campaign)) {
            ApprovalLevels.Level level = approvers.level(campaign);
            throw new AccessDeniedException("the results of campaign " + campaign.id() + " are approved by " + level.roles()
                    + " of " + level.unitCode() + ", not " + me.name());
        }
        ResultsVersion open = results.lockOpen(campaign.id())
                .filter(v -> v.state() == ResultsVersion.State.SUBMITTED)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "no results are waiting for approval"));
        if (me.name().equals(open.preparedBy()) || me.name().equals(open.submittedBy())) {
            throw new AccessDeniedException(me.name() + " prepared or submitted version " + open.version()
                    + ": another person approves it");
        }
        return open;
    }

    /** A campaign wholly within the caller's scope: its analysts', and its approvers' above it. */
    private FieldCampaign visible(long campaignId) {
        return campaigns.within(campaignId);
    }

    /** The figures of the accepted responses, their lineage, and what differs from the latest publication. */
    private ResultsRepository.Prepared compute(FieldCampaign campaign) {
        long campaignId = campaign.id();
        boolean openSurvey = openCampaigns.find(campaignId).isPresent();
        // every response stored so far has its first state (the caller checked the arrivals before it locked the campaign)
        Estimates.OfResponses computed = estimates.ofResponses(campaignId, counted(campaignId, openSurvey),
                openSurvey ? FROZEN_OPEN : FROZEN);
        ReviewDecisions.Standing standing = reviews.standing(campaignId);
        CampaignEstimates any = computed.figures().get(openSurvey ? Series.PORTAL : Series.SAMPLED).get(Domain.NATION);
        List<SnapshotLineage.StratumWeight> strata = new ArrayList<>();
        for (Estimates.StratumSize s : computed.strata()) {
            strata.add(new SnapshotLineage.StratumWeight(s.stratumId(), s.unitCode(), s.unitName(), s.procedureCode(),
                    s.frameSize(), s.responses()));
        }
        List<Long> counted = computed.counted();
        SnapshotLineage lineage = new SnapshotLineage(campaign.methodologyCode(), campaign.methodologyVersion(),
                any.lineage().seed(), any.lineage().sampledAt(), Instant.now(), counted.size(), digest(counted),
                standing.accepted(), standing.rejected(), standing.undecided(), reviews.recheckOutcomes(campaignId), strata);
        GradeBands bands = gradeBands.forCampaign(campaignId, campaign.methodologyCode());
        List<FigureChange> changes = snapshots.latest(campaignId)
                .map(previous -> FigureChanges.between(previous.figures(), computed.figures()))
                .orElse(List.of());
        return new ResultsRepository.Prepared(computed.figures(), bands, lineage, changes, counted);
    }

    /**
     * The responses a version counts: a sampled campaign's accepted ones; an open survey's every answer
     * not rejected, since one that publishes itself has nobody accepting its answers one by one before
     * it publishes (a reviewer's rejection, a bot or a duplicate, still takes an answer out).
     */
    private List<Long> counted(long campaignId, boolean openSurvey) {
        if (!openSurvey) {
            return reviews.accepted(campaignId);
        }
        List<Long> ids = new ArrayList<>(reviews.accepted(campaignId));
        ids.addAll(reviews.undecided(campaignId));
        ids.sort(null);
        return ids;
    }

    /** SHA-256 of the ids, ascending, one per line. */
    static String digest(List<Long> ids) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (long id : ids) {
                sha.update((id + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
