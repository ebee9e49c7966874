package org.sipas.campaign;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sipas.catalog.CatalogCodes;
import org.sipas.frame.SamplingFrame;
import org.sipas.frame.SamplingFrame.Eligibility;
import org.sipas.frame.SamplingFrame.Stratum;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.UnitScope;
import org.sipas.methodology.Methodologies;
import org.sipas.web.Formats;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Survey campaigns: planned within the caller's unit subtree, allocated, sampled from the frame,
 * sent to the field and closed. Every change of state and every replacement is in the audit log.
 * ADMIN and PROVINCE_ADMIN manage campaigns; UNIT_MANAGER and ANALYST read them.
 */
@Service
public class Campaigns {

    private static final String ENTITY = "campaign";

    private final CampaignRepository repository;
    private final SampleReviewRepository reviews;
    private final SamplingFrame frame;
    private final SampleDraw sampleDraw;
    private final Methodologies methodologies;
    private final CatalogCodes catalog;
    private final CurrentUsers users;
    private final UnitScope scope;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final SecureRandom seeds = new SecureRandom();

    Campaigns(CampaignRepository repository, SampleReviewRepository reviews, SamplingFrame frame, SampleDraw sampleDraw, Methodologies methodologies,
              CatalogCodes catalog, CurrentUsers users, UnitScope scope, AuditLog audit, ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.reviews = reviews;
        this.frame = frame;
        this.sampleDraw = sampleDraw;
        this.methodologies = methodologies;
        this.catalog = catalog;
        this.users = users;
        this.scope = scope;
        this.audit = audit;
    }

    @Transactional
    long create(CampaignPlan plan) {
        return create(plan, null);
    }

    /**
     * Plans a campaign as the create form or the JSON API send it.
     *
     * @throws IllegalArgumentException naming (as a message code) the first thing wrong in the form
     */
    @Transactional
    public long create(CampaignForm form) {
        return create(form.plan(catalog), null);
    }

    List<Campaign> visible() {
        return repository.within(CatalogCodes.unitWithinScope("c.scope_unit_id", "scope"), scope.unitId());
    }

    /** A campaign the caller may see: 404 when there is none, 403 outside their scope. */
    Campaign get(long id) {
        Campaign campaign = repository.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        scope.require(campaign.plan().scopeUnitId());
        return campaign;
    }

    /**
     * The allocation of the campaign over its strata: from the frame as it is now while the
     * campaign is a draft, from the strata as drawn once it is sampled (the same rule on the
     * same N_h gives the same table).
     */
    Allocation allocation(Campaign campaign) {
        if (campaign.status() == CampaignStatus.DRAFT) {
            return fromFrame(campaign.plan());
        }
        return allocate(campaign.plan(),
                repository.strata(campaign.id()).stream().map(CampaignRepository.StoredStratum::stratum).toList());
    }

    private Allocation fromFrame(CampaignPlan plan) {
        return allocate(plan, frame.strata(eligibility(plan), plan.byProcedure()));
    }

    static Allocation allocate(CampaignPlan plan, List<Stratum> strata) {
        return plan.rule() == CampaignPlan.Rule.QUOTA ? Allocation.quotas(strata, plan.quotas())
                : Allocation.proportional(strata, plan.target(), plan.minimum());
    }

    /** The budget: the sample by channel once drawn, the planned split of the target before. */
    CostEstimate cost(Campaign campaign, Allocation allocation) {
        long questionnaires = campaign.plan().rule() == CampaignPlan.Rule.QUOTA ? allocation.target() : campaign.plan().target();
        return CostEstimate.of(campaign.plan(), (int) questionnaires);
    }

    /**
     * Draws (or draws again, before fieldwork) the campaign's sample with {@code seed}, or a new
     * random seed when null; the seed is recorded.
     *
     * @throws CampaignConflict once fieldwork started, or when the allocation is impossible
     */
    @Transactional
    public DrawSummary draw(long id, Long seed) {
        Campaign campaign = lockManaged(id);
        if (!campaign.status().mayDraw()) {
            throw new CampaignConflict("campaign.draw.locked");
        }
        if (repository.isOpenKind(id)) {
            throw new CampaignConflict("open.draw.none");
        }
        // a redraw allocates afresh: the frame may have grown since the last draw
        Allocation allocation = fromFrame(campaign.plan());
        if (!allocation.possible()) {
            throw new CampaignConflict(allocation.problem().code());
        }
        // a draw after the level above returned the sample says so in the log, next to its new seed
        boolean afterReturn = campaign.seed() != null && reviews.latest(id, campaign.seed())
                .filter(d -> d == SampleReview.Decision.RETURNED).isPresent();
        long used = seed != null ? seed : seeds.nextLong();
        List<DrawnStratum> drawn = sampleDraw.draw(eligibility(campaign.plan()), allocation, campaign.plan().reservePercent(), used);
        repository.saveDraw(id, used, users.current().name(), drawn, campaign.plan().channels());
        repository.status(id, CampaignStatus.SAMPLED, "sampled_at");
        DrawSummary summary = new DrawSummary(used, allocation.allocated(), drawn.stream().mapToInt(DrawnStratum::drawn).sum(),
                drawn.stream().mapToInt(DrawnStratum::reserve).sum(), drawn.size());
        audit.record("campaign.draw", ENTITY, Long.toString(id), Map.of("status", campaign.status(), "seed",
                String.valueOf(campaign.seed())), summary, afterReturn ? "redrawn after the sample was returned" : null);
        if (campaign.sampleApprovalRequired()) {
            events.publishEvent(new SampleAwaitingApproval(id, campaign.plan().name(), campaign.plan().scopeUnitId(), used,
                    users.current().name(), afterReturn));
        }
        return summary;
    }

    /** What a draw produced: its seed, the allocated and drawn sample, the reserve, the strata. */
    public record DrawSummary(long seed, int allocated, int sampled, int reserve, int strata) implements Serializable {
    }

    /** Where the campaign's sample stands on its way to the field: the latest decision on its current draw. */
    SampleReviews.Standing sampleStanding(Campaign campaign) {
        if (!campaign.sampleApprovalRequired()) {
            return SampleReviews.Standing.NOT_REQUIRED;
        }
        if (campaign.seed() == null || campaign.status() == CampaignStatus.DRAFT) {
            return SampleReviews.Standing.NOT_DRAWN;
        }
        return reviews.latest(campaign.id(), campaign.seed())
                .map(d -> d == SampleReview.Decision.APPROVED ? SampleReviews.Standing.APPROVED : SampleReviews.Standing.RETURNED)
                .orElse(SampleReviews.Standing.AWAITING);
    }

    /**
     * Starts fieldwork: the methodology version is frozen and the sample locked. A campaign that
     * requires it starts only once the level above has approved its current draw.
     *
     * @throws CampaignConflict before a draw, or before the draw is approved (returned: drawn again first)
     */
    @Transactional
    public void startFieldwork(long id) {
        Campaign campaign = lockManaged(id);
        if (campaign.status() != CampaignStatus.SAMPLED) {
            throw new CampaignConflict("campaign.start.notSampled");
        }
        SampleReviews.Standing standing = sampleStanding(campaign);
        if (!standing.mayStart()) {
            throw new CampaignConflict(standing == SampleReviews.Standing.RETURNED ? "campaign.start.sampleReturned"
                    : "campaign.start.notApproved");
        }
        methodologies.freeze(campaign.plan().methodologyCode(), campaign.plan().methodologyVersion());
        transition(campaign, CampaignStatus.IN_FIELD, "fieldwork_at");
        events.publishEvent(new FieldworkStarted(campaign.id()));
    }

    /**
     * Sends an open survey to the field straight from its draft: it has no frame, so nothing is
     * drawn or approved; the methodology version is frozen as for every campaign.
     *
     * @throws CampaignConflict when it is not an open survey, or not a draft
     */
    @Transactional
    void startOpen(long id) {
        Campaign campaign = lockManaged(id);
        if (!repository.isOpenKind(id)) {
            throw new CampaignConflict("open.start.notOpen");
        }
        if (campaign.status() != CampaignStatus.DRAFT) {
            throw new CampaignConflict("open.start.notDraft");
        }
        methodologies.freeze(campaign.plan().methodologyCode(), campaign.plan().methodologyVersion());
        transition(campaign, CampaignStatus.IN_FIELD, "fieldwork_at");
        events.publishEvent(new FieldworkStarted(campaign.id()));
    }

    @Transactional
    void close(long id) {
        Campaign campaign = lockManaged(id);
        if (campaign.status() != CampaignStatus.IN_FIELD) {
            throw new CampaignConflict("campaign.close.notInField");
        }
        transition(campaign, CampaignStatus.CLOSED, "closed_at");
    }

    /**
     * Replaces a sampled person who refused or could not be reached by the first reserve of the
     * same stratum (the next in its random order), who takes over the channel. Audited.
     *
     * @return the member who replaces
     * @throws CampaignConflict when the member is not an active sampled one, the campaign is not
     *                          sampled or in the field, or the stratum's reserve is used up
     */
    @Transactional
    SampleMember replace(long sampleMemberId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("campaign.replace.reasonRequired");
        }
        SampleMember member = repository.member(sampleMemberId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return replace(lockManaged(member.campaignId()), member, reason);
    }

    /**
     * The same replacement asked by the interviewer who holds the case, not by a manager: the
     * caller ({@link FieldCases}) has checked that the case is theirs.
     */
    @Transactional
    SampleMember replaceHeld(long sampleMemberId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("campaign.replace.reasonRequired");
        }
        SampleMember member = repository.member(sampleMemberId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return replace(repository.lock(member.campaignId()).orElseThrow(), member, reason);
    }

    private SampleMember replace(Campaign campaign, SampleMember member, String reason) {
        if (campaign.status() != CampaignStatus.SAMPLED && campaign.status() != CampaignStatus.IN_FIELD) {
            throw new CampaignConflict("campaign.replace.notOpen");
        }
        if (member.role() != SampleMember.Role.SAMPLE || member.state() != SampleMember.State.ACTIVE) {
            throw new CampaignConflict("campaign.replace.notSampled");
        }
        SampleMember reserve = repository.nextReserve(member.stratumId())
                .orElseThrow(() -> new CampaignConflict("campaign.replace.noReserve"));
        repository.markReplaced(member.id(), reason.strip());
        repository.promote(reserve.id(), member.id(), member.channel());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("replacedBy", reserve.id());
        after.put("reason", reason.strip());
        audit.record("campaign.replace", "sample_member", Long.toString(member.id()), Map.of("state", member.state()), after,
                "campaign " + campaign.id());
        return repository.member(reserve.id()).orElseThrow();
    }

    /** The next campaign of a recurring one, and whether this call made it (false: it was made before). */
    record Next(long id, boolean created) {
    }

    /**
     * The next period's campaign of a recurring one, made once: a draft with the same rules the
     * first time, the same campaign (whatever its state since) every time after. Two calls at once
     * queue on the campaign's row lock, so the second finds the first one's draft; the unique
     * template of V16 is the last guard.
     */
    @Transactional
    Next next(long id) {
        Campaign campaign = lockManaged(id);
        if (campaign.plan().schedule() == Period.Schedule.ONE_OFF) {
            throw new CampaignConflict("campaign.next.oneOff");
        }
        Optional<Long> made = repository.nextOf(id);
        if (made.isPresent()) {
            return new Next(made.get(), false);
        }
        Period period = campaign.plan().period().next(campaign.plan().schedule());
        String name = campaign.plan().name() + " (" + Formats.DATE.format(period.from().atStartOfDay(Formats.ZONE)) + ")";
        return new Next(create(campaign.plan().forPeriod(name, period), campaign.id()), true);
    }

    /** Sample members of a campaign the caller may see. */
    List<SampleMember> members(Campaign campaign, SampleMember.Role role, SurveyChannel channel) {
        return repository.members(campaign.id(), role, channel);
    }

    List<CampaignRepository.StoredStratum> strata(Campaign campaign) {
        return repository.strata(campaign.id());
    }

    Map<SurveyChannel, Integer> sampleByChannel(Campaign campaign) {
        return repository.sampleByChannel(campaign.id());
    }

    boolean mayManage() {
        return users.find().filter(u -> u.hasAny(Role.ADMIN, Role.PROVINCE_ADMIN)).isPresent();
    }

    /**
     * Whether the caller may open the applicants' contacts of a whole campaign: those who call or
     * visit, and the administrators. Not a partner organisation's staff: they see the contacts of
     * the cases handed to their organisation only, on their own page.
     */
    boolean maySeeContacts() {
        return users.find().filter(u -> u.hasAny(Role.ADMIN, Role.PROVINCE_ADMIN, Role.INTERVIEWER) && !u.isPartner()).isPresent();
    }

    static Eligibility eligibility(CampaignPlan plan) {
        return new Eligibility(plan.scopeUnitId(), plan.procedureIds(), plan.period().from(), plan.period().to(),
                plan.contactRequired());
    }

    private long create(CampaignPlan plan, Long templateId) {
        requireManager();
        scope.require(plan.scopeUnitId());
        if (methodologies.find(plan.methodologyCode(), plan.methodologyVersion()).isEmpty()) {
            throw new IllegalArgumentException("campaign.methodology.unknown");
        }
        long id = repository.insert(plan, users.current().name(), templateId);
        audit.record("campaign.create", ENTITY, Long.toString(id), null, Map.of("name", plan.name(), "status",
                CampaignStatus.DRAFT), templateId == null ? null : "next period of campaign " + templateId);
        return id;
    }

    private Campaign lockManaged(long id) {
        requireManager();
        Campaign campaign = repository.lock(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        scope.require(campaign.plan().scopeUnitId());
        return campaign;
    }

    private void transition(Campaign campaign, CampaignStatus to, String stamp) {
        repository.status(campaign.id(), to, stamp);
        audit.record("campaign.status", ENTITY, Long.toString(campaign.id()), Map.of("status", campaign.status()),
                Map.of("status", to), null);
    }

    private void requireManager() {
        if (!mayManage()) {
            throw new AccessDeniedException("only administrators manage campaigns");
        }
    }
}
