package org.sipas.quality;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCampaign;
import org.sipas.frame.SamplingFrame;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.sipas.identity.UnitScope;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;
import org.sipas.methodology.QuestionType;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Re-check lists (phúc tra): drawn per campaign from a recorded seed ({@link RecheckDraw}), each
 * re-check assigned to a RECHECKER who is not its interviewer and has its unit in scope (the least
 * loaded first); the outcome a re-checker records sets the response's state, and a confirmed
 * fabrication puts every other interview of that interviewer on the list.
 */
@Service
class RecheckLists {

    /** What a re-check can find. */
    enum Outcome {
        NOT_REACHED, CONFIRMED, DISCREPANCIES, DID_NOT_HAPPEN
    }

    /** A draw's result: its seed and how many it put on the list, of which random and flagged. */
    record Drawn(long drawId, long seed, int random, int flagged, int unassigned) {
    }

    /** A re-check opened by its re-checker: the contact to call, the script, the questions to ask again with the answers given. */
    record Opened(RecheckRepository.Recheck recheck, SamplingFrame.Contact contact, List<KeyQuestion> questions) {
    }

    record KeyQuestion(String name, String label, String answer) {
    }

    static final int KEY_QUESTIONS = 5;
    static final String FABRICATION = "fabrication";

    private final RecheckRepository rechecks;
    private final QualityRepository quality;
    private final Reviews reviews;
    private final CampaignScope campaigns;
    private final UnitScope scope;
    private final StaffAccounts accounts;
    private final CurrentUsers users;
    private final SamplingFrame frame;
    private final Methodologies methodologies;
    private final AuditLog audit;
    private final SecureRandom seeds = new SecureRandom();

    RecheckLists(RecheckRepository rechecks, QualityRepository quality, Reviews reviews, CampaignScope campaigns, UnitScope scope,
                 StaffAccounts accounts, CurrentUsers users, SamplingFrame frame, Methodologies methodologies, AuditLog audit) {
        this.rechecks = rechecks;
        this.quality = quality;
        this.reviews = reviews;
        this.campaigns = campaigns;
        this.scope = scope;
        this.accounts = accounts;
        this.users = users;
        this.frame = frame;
        this.methodologies = methodologies;
        this.audit = audit;
    }

    /**
     * Draws a campaign's re-check list: of each interviewer's interviews not listed yet, the
     * campaign's share (at least its minimum), plus every flagged response; null seed: a new one.
     */
    @Transactional
    Drawn draw(long campaignId, Long seed) {
        FieldCampaign campaign = campaigns.within(campaignId);
        rechecks.lockCampaign(campaign.id());
        QualitySettings settings = quality.settings(campaign.id());
        long used = seed == null ? seeds.nextLong() : seed;
        List<RecheckRepository.Candidate> candidates = rechecks.candidates(campaign.id());
        Map<Long, RecheckRepository.Candidate> byId = new LinkedHashMap<>();
        candidates.forEach(c -> byId.put(c.responseId(), c));
        Map<String, List<Long>> byInterviewer = candidates.stream().filter(c -> c.interviewer() != null)
                .collect(Collectors.groupingBy(RecheckRepository.Candidate::interviewer,
                        Collectors.mapping(RecheckRepository.Candidate::responseId, Collectors.toList())));
        Set<Long> flagged = candidates.stream().filter(c -> ReviewState.FLAGGED.name().equals(c.state()))
                .map(RecheckRepository.Candidate::responseId).collect(Collectors.toSet());
        Map<Long, String> picked = RecheckDraw.pick(byInterviewer, flagged, settings.recheckShare(),
                settings.recheckMinPerInterviewer(), used);
        long drawId = rechecks.draw(campaign.id(), used, settings.recheckShare(), settings.recheckMinPerInterviewer(),
                users.actorName());
        Assigner assigner = new Assigner(campaign.id());
        int random = 0;
        int unassigned = 0;
        for (Map.Entry<Long, String> entry : picked.entrySet()) {
            RecheckRepository.Candidate candidate = byId.get(entry.getKey());
            String to = assigner.next(candidate);
            if (to == null) {
                unassigned++;
            }
            put(campaign.id(), drawId, candidate, entry.getValue(), to);
            random += RecheckDraw.RANDOM.equals(entry.getValue()) ? 1 : 0;
        }
        audit.record("recheck.draw", "campaign", Long.toString(campaign.id()), null,
                Map.of("draw", drawId, "seed", used, "random", random, "flagged", picked.size() - random), null);
        return new Drawn(drawId, used, random, picked.size() - random, unassigned);
    }

    private void put(long campaignId, Long drawId, RecheckRepository.Candidate candidate, String why, String to) {
        if (rechecks.add(campaignId, drawId, candidate.responseId(), candidate.interviewer(), why, to)) {
            ArrivedResponse response = quality.response(candidate.responseId()).orElseThrow();
            reviews.move(response, ReviewState.IN_RECHECK, "phúc tra (" + why + ")");
        }
    }

    /** Hands re-checks to eligible re-checkers, the least loaded first (ties by name). */
    private final class Assigner {
        private final List<StaffAccounts.StaffMember> recheckers = accounts.enabledWith(Role.RECHECKER);
        private final Map<String, Integer> load;

        Assigner(long campaignId) {
            this.load = new java.util.HashMap<>(rechecks.openLoad(campaignId));
        }

        String next(RecheckRepository.Candidate candidate) {
            String chosen = recheckers.stream().filter(m -> eligible(m, candidate.interviewer(), candidate.unitId()))
                    .min(Comparator.comparing((StaffAccounts.StaffMember m) -> load.getOrDefault(m.username(), 0))
                            .thenComparing(StaffAccounts.StaffMember::username))
                    .map(StaffAccounts.StaffMember::username).orElse(null);
            if (chosen != null) {
                load.merge(chosen, 1, Integer::sum);
            }
            return chosen;
        }
    }

    private boolean eligible(StaffAccounts.StaffMember member, String interviewer, long unitId) {
        return !member.username().equals(interviewer) && !scope.covered(member, List.of(unitId)).isEmpty();
    }

    /** Gives a re-check to a re-checker by hand: refused for their own interview or a unit outside their scope. */
    @Transactional
    void assign(long recheckId, String username) {
        RecheckRepository.Recheck recheck = supervised(recheckId);
        StaffAccounts.StaffMember member = accounts.enabledWith(Role.RECHECKER).stream().filter(m -> m.username().equals(username))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("assignedTo: no enabled re-checker " + username));
        if (username.equals(recheck.interviewer())) {
            throw new IllegalArgumentException("assignedTo: a re-checker cannot re-check their own interview");
        }
        if (!eligible(member, recheck.interviewer(), recheck.unitId())) {
            throw new IllegalArgumentException("assignedTo: the unit is outside " + username + "'s scope");
        }
        rechecks.assign(recheckId, username);
        audit.record("recheck.assign", "recheck", Long.toString(recheckId), Map.of("assignedTo", String.valueOf(recheck.assignedTo())),
                Map.of("assignedTo", username), null);
    }

    @Transactional(readOnly = true)
    List<RecheckRepository.Recheck> ofCampaign(long campaignId) {
        FieldCampaign campaign = campaigns.overlapping(campaignId);
        return inScope(rechecks.ofCampaign(campaign.id()));
    }

    /** The campaign's re-check report, of the units within the caller's scope. */
    @Transactional(readOnly = true)
    RecheckReport report(long campaignId) {
        FieldCampaign campaign = campaigns.overlapping(campaignId);
        List<RecheckRepository.Recheck> list = inScope(rechecks.ofCampaign(campaign.id()));
        return RecheckReport.of(list, rechecks.interviewsBy(campaign.id(), scope.unitId()),
                quality.settings(campaign.id()).discrepancyTolerance());
    }

    /** Each interviewer's answers against the others' in the same units (units within the caller's scope). */
    @Transactional(readOnly = true)
    List<InterviewerDistributions.Distribution> distributions(long campaignId) {
        FieldCampaign campaign = campaigns.overlapping(campaignId);
        List<ArrivedResponse> responses = quality.responses(campaign.id());
        Set<Long> covered = scope.covered(responses.stream().map(ArrivedResponse::unitId).distinct().toList());
        Methodology methodology = methodologies.find(campaign.methodologyCode(), campaign.methodologyVersion()).orElseThrow();
        return InterviewerDistributions.of(responses.stream().filter(r -> covered.contains(r.unitId())).toList(), methodology,
                quality.settings(campaign.id()).chiSquareAlpha());
    }

    /** Those of the caller's scope, asked in one query. */
    private List<RecheckRepository.Recheck> inScope(List<RecheckRepository.Recheck> list) {
        Set<Long> covered = scope.covered(list.stream().map(RecheckRepository.Recheck::unitId).distinct().toList());
        return list.stream().filter(r -> covered.contains(r.unitId())).toList();
    }

    @Transactional(readOnly = true)
    List<RecheckRepository.Recheck> mine() {
        return rechecks.assignedTo(users.current().name());
    }

    /** A re-check of the caller (its re-checker) or of a supervisor with its unit in scope; 404 / 403 otherwise. */
    private RecheckRepository.Recheck worked(long recheckId) {
        RecheckRepository.Recheck recheck = rechecks.find(recheckId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CurrentUser caller = users.current();
        if (caller.name().equals(recheck.assignedTo())) {
            return recheck;
        }
        return supervised(recheck);
    }

    private RecheckRepository.Recheck supervised(long recheckId) {
        return supervised(rechecks.find(recheckId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private RecheckRepository.Recheck supervised(RecheckRepository.Recheck recheck) {
        CurrentUser caller = users.current();
        if (!caller.hasAny(Role.ADMIN, Role.PROVINCE_ADMIN, Role.UNIT_MANAGER)) {
            throw new AccessDeniedException("re-check " + recheck.id() + " is not " + caller.name() + "'s");
        }
        scope.require(recheck.unitId());
        return recheck;
    }

    /** Opens a re-check: the applicant's contact is read, and the reading is in the audit log. */
    @Transactional
    Opened open(long recheckId) {
        RecheckRepository.Recheck recheck = worked(recheckId);
        SamplingFrame.Contact contact = recheck.dossierId() == null ? null : frame.contacts(List.of(recheck.dossierId())).get(0);
        audit.record("recheck.contact.view", "recheck", Long.toString(recheckId), null, null,
                "response " + recheck.responseId() + ", campaign " + recheck.campaignId());
        return new Opened(recheck, contact, keyQuestions(recheck.responseId()));
    }

    /** The first rated questions the respondent answered: what the re-checker asks again. */
    List<KeyQuestion> keyQuestions(long responseId) {
        ArrivedResponse response = quality.response(responseId).orElseThrow();
        Methodology methodology = methodologies.find(response.methodologyCode(), response.methodologyVersion()).orElseThrow();
        List<KeyQuestion> questions = new ArrayList<>();
        for (Question question : methodology.questions().toList()) {
            String answer = response.answers().get(question.name());
            if (answer != null && (question.type() == QuestionType.SCALE || question.type() == QuestionType.SELECT_ONE)) {
                questions.add(new KeyQuestion(question.name(), question.label().vi(), answer));
            }
            if (questions.size() == KEY_QUESTIONS) {
                break;
            }
        }
        return questions;
    }

    /**
     * Records a re-check's outcome and sets the response's state: confirmed → accepted; the
     * interview did not happen → rejected, and every other interview of its interviewer queued;
     * discrepancies → stays in re-check for a supervisor's decision; not reached → back to where it was.
     */
    @Transactional
    RecheckRepository.Recheck record(long recheckId, String outcome, List<String> asked, List<String> differing, String note) {
        worked(recheckId);
        Outcome named;
        try {
            named = Outcome.valueOf(String.valueOf(outcome).strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("outcome: unknown outcome " + outcome);
        }
        return record(recheckId, named, asked, differing, note);
    }

    @Transactional
    RecheckRepository.Recheck record(long recheckId, Outcome outcome, List<String> asked, List<String> differing, String note) {
        worked(recheckId);
        RecheckRepository.Recheck recheck = rechecks.lock(recheckId).orElseThrow();
        List<String> askedNames = asked == null ? List.of() : List.copyOf(asked);
        List<String> differ = differing == null ? List.of() : List.copyOf(differing);
        if (outcome == Outcome.DISCREPANCIES && differ.isEmpty()) {
            throw new IllegalArgumentException("differing: discrepancies name the answers that differ");
        }
        rechecks.outcome(recheckId, outcome.name(), askedNames, differ, note, users.actorName());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("outcome", outcome.name());
        after.put("differing", differ);
        audit.record("recheck.outcome", "recheck", Long.toString(recheckId),
                recheck.outcome() == null ? null : Map.of("outcome", recheck.outcome()), after, note);
        ArrivedResponse response = quality.response(recheck.responseId()).orElseThrow();
        String why = "phúc tra: " + outcome.name() + (note == null || note.isBlank() ? "" : " — " + note.strip());
        switch (outcome) {
            case CONFIRMED -> reviews.move(response, ReviewState.ACCEPTED, why);
            case DID_NOT_HAPPEN -> {
                reviews.move(response, ReviewState.REJECTED, why);
                if (recheck.interviewer() != null) {
                    queueAllOf(recheck.campaignId(), recheck.interviewer());
                }
            }
            case NOT_REACHED -> reviews.move(response, quality.flags(response.id()).isEmpty() ? ReviewState.SUBMITTED
                    : ReviewState.FLAGGED, why);
            case DISCREPANCIES -> {
                // a supervisor decides; the differing answers are on the re-check
            }
        }
        return rechecks.find(recheckId).orElseThrow();
    }

    /** A confirmed fabrication: every interview of that interviewer in the campaign goes on the list. */
    private void queueAllOf(long campaignId, String interviewer) {
        Assigner assigner = new Assigner(campaignId);
        for (RecheckRepository.Candidate candidate : rechecks.interviewsOf(campaignId, interviewer)) {
            put(campaignId, null, candidate, FABRICATION, assigner.next(candidate));
        }
    }
}
