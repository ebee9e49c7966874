package org.sipas.campaign;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.sipas.frame.SamplingFrame;
import org.sipas.frame.SamplingFrame.Contact;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The check of a drawn sample by the level above (kiểm tra, thông qua kết quả chọn mẫu), before
 * fieldwork starts. The approver ({@link ApprovalLevels}) sees the allocation, each stratum's
 * N_h, n_h, reserve and contact coverage, and a random extract, and approves or returns the draw
 * with comments. A decision is about one draw (its seed): a returned sample is drawn again with a
 * new seed, which needs a decision of its own. Four eyes: whoever drew the sample does not decide
 * on it. Every decision is in the audit log, in the transaction that records it.
 */
@Service
public class SampleReviews {

    /** Members in the random extract the approver reads. */
    static final int EXTRACT = 20;

    /** Where a campaign's sample stands on its way to the field. */
    enum Standing {
        /** the campaign goes to the field without the step (campaigns sampled before it existed, or waived) */
        NOT_REQUIRED,
        NOT_DRAWN,
        AWAITING,
        APPROVED,
        RETURNED;

        public boolean mayStart() {
            return this == NOT_REQUIRED || this == APPROVED;
        }
    }

    /** One stratum as the approver reads it: N_h, n_h, the reserve, and the share of sampled people with a phone. */
    record StratumSummary(String unitCode, String unitName, String procedureCode, long frameSize, int n, int drawn, int reserve,
                          int withContact) {

        /** Percent of the drawn sample that can be called or written to, 0 when nothing was drawn. */
        public double contactCoverage() {
            return drawn == 0 ? 0 : 100.0 * withContact / drawn;
        }
    }

    /** A sampled person in the extract: the stratum's unit, rank and channel, and the contact masked. */
    record ExtractRow(String unitName, int rank, SurveyChannel channel, Contact contact) {
    }

    /** What the approver's page shows. */
    record Review(Campaign campaign, ApprovalLevels.Level level, Standing standing, List<StratumSummary> strata,
                  List<ExtractRow> extract, List<SampleReview> decisions, boolean isApprover, boolean drewIt) {

        public boolean mayDecide() {
            return isApprover && !drewIt && campaign.status() == CampaignStatus.SAMPLED;
        }

        public int sampled() {
            return strata.stream().mapToInt(StratumSummary::drawn).sum();
        }

        public int reserve() {
            return strata.stream().mapToInt(StratumSummary::reserve).sum();
        }

        public double contactCoverage() {
            int drawn = sampled();
            return drawn == 0 ? 0 : 100.0 * strata.stream().mapToInt(StratumSummary::withContact).sum() / drawn;
        }
    }

    private final CampaignRepository campaigns;
    private final SampleReviewRepository reviews;
    private final Campaigns service;
    private final ApprovalLevels levels;
    private final SamplingFrame frame;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    SampleReviews(CampaignRepository campaigns, SampleReviewRepository reviews, Campaigns service, ApprovalLevels levels,
                  SamplingFrame frame, CurrentUsers users, AuditLog audit) {
        this.campaigns = campaigns;
        this.reviews = reviews;
        this.service = service;
        this.levels = levels;
        this.frame = frame;
        this.users = users;
        this.audit = audit;
    }

    /** The approver's page of a campaign the caller may see (404 without it, 403 outside their scope). */
    @Transactional(readOnly = true)
    Review review(long campaignId) {
        Campaign campaign = service.get(campaignId);
        CurrentUser me = users.current();
        List<SampleMember> sample = campaigns.members(campaignId, SampleMember.Role.SAMPLE, null);
        Map<Long, Contact> contacts = frame.maskedContacts(sample.stream().map(SampleMember::dossierId).toList()).stream()
                .collect(Collectors.toMap(Contact::dossierId, c -> c));
        Map<Long, Integer> withContact = new LinkedHashMap<>();
        for (SampleMember m : sample) {
            Contact c = contacts.get(m.dossierId());
            if (c != null && c.phone() != null && !c.phone().isBlank()) {
                withContact.merge(m.stratumId(), 1, Integer::sum);
            }
        }
        Map<Long, String> unitOfStratum = new LinkedHashMap<>();
        List<StratumSummary> strata = new ArrayList<>();
        for (CampaignRepository.StoredStratum s : campaigns.strata(campaignId)) {
            unitOfStratum.put(s.id(), s.stratum().unitName());
            strata.add(new StratumSummary(s.stratum().unitCode(), s.stratum().unitName(), s.stratum().procedureCode(),
                    s.stratum().dossiers(), s.n(), s.drawn(), s.reserve(), withContact.getOrDefault(s.id(), 0)));
        }
        // a fresh random extract at each look: the drawer cannot know beforehand which members are read
        List<SampleMember> shuffled = new ArrayList<>(sample);
        Collections.shuffle(shuffled, random);
        List<ExtractRow> extract = shuffled.subList(0, Math.min(EXTRACT, shuffled.size())).stream()
                .map(m -> new ExtractRow(unitOfStratum.get(m.stratumId()), m.rank(), m.channel(), contacts.get(m.dossierId())))
                .toList();
        return new Review(campaign, levels.above(campaign.plan().scopeUnitId()), service.sampleStanding(campaign), strata, extract,
                reviews.of(campaignId), levels.isApprover(me, campaign.plan().scopeUnitId()),
                me.name().equals(campaign.sampleDrawnBy()));
    }

    /** The decisions on the campaign's draws, latest first. */
    public List<SampleReview> decisions(long campaignId) {
        service.get(campaignId);
        return reviews.of(campaignId);
    }

    /**
     * Approves the campaign's current draw, so that fieldwork may start.
     *
     * @throws AccessDeniedException when the caller is not of the level above, or drew the sample
     * @throws CampaignConflict      when the campaign is not sampled (a draft, or already in the field)
     */
    @Transactional
    public SampleReview approve(long campaignId, String comments) {
        return decide(campaignId, SampleReview.Decision.APPROVED, comments);
    }

    /**
     * Returns the campaign's current draw with the reasons, so that it is drawn again.
     *
     * @throws IllegalArgumentException without comments ({@code campaign.review.commentsRequired})
     */
    @Transactional
    public SampleReview returnSample(long campaignId, String comments) {
        if (comments == null || comments.isBlank()) {
            throw new IllegalArgumentException("campaign.review.commentsRequired");
        }
        return decide(campaignId, SampleReview.Decision.RETURNED, comments);
    }

    private SampleReview decide(long campaignId, SampleReview.Decision decision, String comments) {
        CurrentUser me = users.current();
        Campaign campaign = campaigns.lock(campaignId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        long scopeUnit = campaign.plan().scopeUnitId();
        if (!levels.isApprover(me, scopeUnit)) {
            ApprovalLevels.Level level = levels.above(scopeUnit);
            throw new AccessDeniedException("the sample of campaign " + campaignId + " is approved by " + level.roles() + " of "
                    + level.unitCode() + ", not " + me.name());
        }
        if (me.name().equals(campaign.sampleDrawnBy())) {
            throw new AccessDeniedException(me.name() + " drew the sample of campaign " + campaignId + ": another person approves it");
        }
        if (campaign.status() != CampaignStatus.SAMPLED || campaign.seed() == null) {
            throw new CampaignConflict("campaign.review.notSampled");
        }
        Standing before = service.sampleStanding(campaign);
        String said = comments == null || comments.isBlank() ? null : comments.strip();
        long id = reviews.insert(campaignId, campaign.seed(), decision, said, me.name(), Instant.now());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("decision", decision);
        after.put("seed", campaign.seed());
        after.put("comments", said);
        audit.record(decision == SampleReview.Decision.APPROVED ? "campaign.sample.approve" : "campaign.sample.return",
                "sample_review", Long.toString(id), Map.of("standing", before, "seed", campaign.seed()), after,
                "campaign " + campaignId);
        return reviews.of(campaignId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }
}
