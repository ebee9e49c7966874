package org.sipas.collection;

import java.time.Instant;
import java.util.Map;

import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.springframework.stereotype.Component;

/** The web questionnaire's submit: a token's answers become a response, with its sampled case when it has one. */
@Component
class Responses {

    private final ResponseStore store;
    private final FieldCases cases;

    Responses(ResponseStore store, FieldCases cases) {
        this.store = store;
        this.cases = cases;
    }

    /**
     * Stores the response of {@code token}, closes the token and drops its draft, in one
     * transaction (shared with other respondents' submits of the same moment): the respondent is
     * thanked only after it commits. Not in a transaction of its own, which would commit after.
     *
     * @param idempotencyKey the key of the submit's form, or null: a retry with it gets the first result (true)
     * @return false when the token was used or expired meanwhile (another tab, another node), or its
     *         campaign left the field: nothing is stored, and the closed page says which
     * @throws IdempotencyKeyReused when the form's key is that of another token's submit
     */
    boolean store(SurveyToken token, Map<String, String> answers, Instant startedAt, String idempotencyKey) {
        try {
            store.submit(submission(token, answers, startedAt, idempotencyKey));
            return true;
        } catch (AlreadyAnswered | CampaignNotInField refused) {
            return false;
        }
    }

    /** The submission of a token's answers, attributed to its sampled case and campaign when it has them. */
    Submission submission(SurveyToken token, Map<String, String> answers, Instant startedAt, String idempotencyKey) {
        Submission submission = Submission.of(ResponseChannel.valueOf(token.channel()), token.methodologyCode(),
                        token.methodologyVersion(), token.unitId(), answers, startedAt)
                .withToken(token.token()).withDossier(token.dossierId()).withIdempotencyKey(idempotencyKey)
                .inCampaign(token.campaignId()).withRespondentHash(token.respondentHash());
        if (token.sampleCaseId() == null) {
            return submission;
        }
        FieldCase fieldCase = cases.find(token.sampleCaseId()).orElseThrow();
        return submission.forCase(fieldCase.campaignId(), fieldCase.stratumId(), fieldCase.id(), fieldCase.dossierId());
    }
}
