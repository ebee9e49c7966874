package org.sipas.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.UnitScope;
import org.sipas.index.Recounts;
import org.sipas.index.Tallies;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The state of a response and the corrections of its answers: every change audited with who,
 * when, before, after and why, and the tallies told in the same transaction (a rejected response
 * leaves the count; a correction is recounted).
 */
@Service
class Reviews {

    /** A transition not allowed from the response's state. */
    static class NotAllowed extends RuntimeException {
        NotAllowed(ReviewState from, ReviewState to) {
            super("a response " + from + " cannot become " + to + " (allowed: " + from.next() + ")");
        }
    }

    /** A response with its state, flags and history (the API's and the pages' view). */
    record ResponseView(long id, long campaignId, String channel, String interviewer, long unitId, ReviewState state,
                        String reason, Long activeSeconds, Long wallSeconds, boolean counts, List<ReviewState> transitions,
                        List<QualityRepository.FlagRow> flags, List<QualityRepository.Transition> history,
                        List<QualityRepository.Correction> corrections, List<Cleaning.Failure> failures) {
    }

    /** A response of a campaign with its cleaning failures (the supervisors' cleaning page). */
    record Failing(long id, String interviewer, long unitId, ReviewState state, List<Cleaning.Failure> failures) {
    }

    private final QualityRepository repository;
    private final Tallies tallies;
    private final Recounts recounts;
    private final AuditLog audit;
    private final UnitScope scope;
    private final CurrentUsers users;
    private final Cleaning cleaning;

    Reviews(QualityRepository repository, Tallies tallies, Recounts recounts, AuditLog audit, UnitScope scope, CurrentUsers users,
            Cleaning cleaning) {
        this.cleaning = cleaning;
        this.repository = repository;
        this.tallies = tallies;
        this.recounts = recounts;
        this.audit = audit;
        this.scope = scope;
        this.users = users;
    }

    /** A response of a campaign within the caller's scope (by its unit): 404 when there is none, 403 outside. */
    ArrivedResponse inScope(long responseId) {
        ArrivedResponse response = repository.response(responseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        scope.require(response.unitId());
        return response;
    }

    @Transactional(readOnly = true)
    ResponseView view(long responseId) {
        ArrivedResponse response = inScope(responseId);
        QualityRepository.Review review = repository.review(responseId).orElse(null);
        ReviewState state = review == null ? ReviewState.SUBMITTED : review.state();
        return new ResponseView(response.id(), response.campaignId(), response.channel(), response.interviewer(), response.unitId(),
                state, review == null ? null : review.reason(), review == null ? null : review.activeSeconds(),
                review == null ? null : review.wallSeconds(), recounts.counts(responseId), List.copyOf(state.next()),
                repository.flags(responseId), repository.history(responseId), repository.corrections(responseId),
                cleaning.failures(response));
    }

    /** The campaign's undecided responses (not accepted, not rejected) of the caller's scope that fail a cleaning rule. */
    @Transactional(readOnly = true)
    List<Failing> failing(long campaignId) {
        List<ArrivedResponse> responses = repository.responses(campaignId);
        java.util.Set<Long> covered = scope.covered(responses.stream().map(ArrivedResponse::unitId).distinct().toList());
        List<Failing> failing = new java.util.ArrayList<>();
        for (ArrivedResponse r : responses) {
            if (!covered.contains(r.unitId())) {
                continue;
            }
            ReviewState state = repository.review(r.id()).map(QualityRepository.Review::state).orElse(ReviewState.SUBMITTED);
            if (state == ReviewState.ACCEPTED || state == ReviewState.REJECTED) {
                continue;
            }
            List<Cleaning.Failure> failures = cleaning.failures(r);
            if (!failures.isEmpty()) {
                failing.add(new Failing(r.id(), r.interviewer(), r.unitId(), state, failures));
            }
        }
        return failing;
    }

    /** The campaign's flagged responses waiting for a decision, within the caller's scope. */
    @Transactional(readOnly = true)
    List<QualityRepository.Flagged> flagged(long campaignId) {
        return repository.flagged(campaignId, scope.unitId());
    }

    /** Moves a response of the caller's scope to the state named {@code to}, for {@code reason}. */
    @Transactional
    ResponseView move(long responseId, String to, String reason) {
        return move(responseId, to, reason, null);
    }

    /**
     * Moves a response of the caller's scope; accepting one that fails a cleaning rule needs
     * {@code overrideReason}, why it is accepted all the same (audited with its failures).
     */
    @Transactional
    ResponseView move(long responseId, String to, String reason, String overrideReason) {
        ArrivedResponse response = inScope(responseId);
        ReviewState state = ReviewState.named(to);
        acceptingFailures(response, state, overrideReason);
        move(response, state, reason);
        return view(responseId);
    }

    /** Refuses to accept a response with cleaning failures without a reason; with one, audits the failures accepted. */
    private void acceptingFailures(ArrivedResponse response, ReviewState to, String overrideReason) {
        if (to != ReviewState.ACCEPTED) {
            return;
        }
        List<Cleaning.Failure> failures = cleaning.failures(response);
        if (failures.isEmpty()) {
            return;
        }
        if (overrideReason == null || overrideReason.isBlank()) {
            throw new IllegalArgumentException("overrideReason: response " + response.id() + " fails cleaning rules "
                    + failures.stream().map(f -> f.rule() + (f.question() == null ? "" : " " + f.question())).toList()
                    + "; say why it is accepted all the same");
        }
        audit.record("response.accept.failures", "response", Long.toString(response.id()),
                Map.of("failures", failures.stream().map(f -> f.rule() + " " + Objects.toString(f.question(), "") + ": " + f.detail()).toList()),
                null, overrideReason.strip());
    }

    /**
     * Moves a response (scope already checked, or a decision of the system), audited, the tallies
     * told in this transaction. Moving to the state it is in does nothing.
     */
    @Transactional
    void move(ArrivedResponse response, ReviewState to, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: a transition says why");
        }
        QualityRepository.Review review = repository.lockReview(response.id(), response.campaignId());
        ReviewState from = review.state();
        if (from == to) {
            return;
        }
        if (!from.next().contains(to)) {
            throw new NotAllowed(from, to);
        }
        String by = users.actorName();
        repository.setState(response.id(), from, to, reason.strip(), by);
        audit.record("response.state", "response", Long.toString(response.id()), Map.of("state", from.name()),
                Map.of("state", to.name()), reason.strip());
        boolean countUntilDecided = repository.settings(response.campaignId()).countUntilDecided();
        boolean counted = from.counts(countUntilDecided);
        boolean counts = to.counts(countUntilDecided);
        if (counted && !counts) {
            tallies.leaveCount(response.id(), to + ": " + reason.strip(), by);
        } else if (!counted && counts) {
            recounts.enterCount(response.id());
        }
    }

    /**
     * Moves many responses of one campaign at once (a supervisor's bulk accept or reject), all or
     * none: one response outside the caller's scope, of another campaign, or not allowed to move
     * refuses the whole batch. Each move is audited on its own.
     */
    @Transactional
    int moveAll(long campaignId, List<Long> responseIds, String to, String reason) {
        return moveAll(campaignId, responseIds, to, reason, null);
    }

    /** As {@link #moveAll(long, List, String, String)}; accepting responses with cleaning failures needs {@code overrideReason}. */
    @Transactional
    int moveAll(long campaignId, List<Long> responseIds, String to, String reason, String overrideReason) {
        if (responseIds == null || responseIds.isEmpty()) {
            throw new IllegalArgumentException("responseIds: name the responses to decide");
        }
        ReviewState state = ReviewState.named(to);
        for (long id : new java.util.TreeSet<>(responseIds)) {
            ArrivedResponse response = inScope(id);
            if (response.campaignId() != campaignId) {
                throw new IllegalArgumentException("responseIds: response " + id + " is not of campaign " + campaignId);
            }
            acceptingFailures(response, state, overrideReason);
            move(response, state, reason);
        }
        return new java.util.TreeSet<>(responseIds).size();
    }

    /**
     * Corrects one answer of a response of the caller's scope (null or blank removes it): the
     * original answers are kept, the correction audited with before and after, and the tallies
     * recounted with the corrected answers.
     */
    @Transactional
    ResponseView correct(long responseId, String question, String value, String reason) {
        ArrivedResponse response = inScope(responseId);
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("question: which answer is corrected");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: a correction says why");
        }
        String after = value == null || value.isBlank() ? null : value.strip();
        String before = response.answers().get(question);
        if (java.util.Objects.equals(before, after)) {
            return view(responseId);
        }
        String by = users.actorName();
        recounts.recount(responseId, () -> {
            repository.keepOriginal(responseId);
            repository.setAnswer(responseId, question, after);
        });
        repository.correction(responseId, question, before, after, reason.strip(), by);
        Map<String, String> was = new LinkedHashMap<>();
        was.put(question, before);
        Map<String, String> now = new LinkedHashMap<>();
        now.put(question, after);
        audit.record("response.answer", "response", Long.toString(responseId), was, now, reason.strip());
        return view(responseId);
    }
}
