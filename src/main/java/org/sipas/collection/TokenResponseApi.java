package org.sipas.collection;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.FieldCampaigns;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A whole response to a survey token posted at once as JSON, for an app or a page that collects
 * the answers itself. The token is the credential (nothing else is sent, no cookie), so the path
 * needs no CSRF token. A client that did not hear back retries with the same
 * {@code Idempotency-Key} and gets the first result: 201 the first time, 200 on a retry; a key the
 * client already sent for another token is its mistake, refused with 422 (the token stays open).
 * A campaign that has left the field answers 410.
 */
@RestController
class TokenResponseApi {

    /**
     * @param answers   question name → answer as typed (codes; select_multiple codes separated by spaces; dates dd/MM/yyyy)
     * @param startedAt when the respondent began; now when absent
     */
    record Posted(Map<String, String> answers, Instant startedAt) {
    }

    record Accepted(long responseId, Instant submittedAt) {
    }

    private final SurveyTokens tokens;
    private final AnswerChecks checks;
    private final Responses responses;
    private final ResponseStore store;
    private final FieldCampaigns campaigns;
    private final MessageSource messages;

    TokenResponseApi(SurveyTokens tokens, AnswerChecks checks, Responses responses, ResponseStore store,
                     FieldCampaigns campaigns, MessageSource messages) {
        this.tokens = tokens;
        this.checks = checks;
        this.responses = responses;
        this.store = store;
        this.campaigns = campaigns;
        this.messages = messages;
    }

    @Operation(summary = "Submits a citizen's whole questionnaire by its survey token, once: acknowledged only when stored")
    @PostMapping(path = "/s/{token}/response", consumes = "application/json", produces = "application/json")
    ResponseEntity<?> post(@PathVariable String token, @RequestBody Posted posted,
                           @RequestHeader(name = "Idempotency-Key", required = false) String key, Locale locale) {
        Optional<SurveyToken> found = tokens.findAmongOthers(token);
        if (found.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "unknown-token", "No survey token " + token);
        }
        SurveyToken surveyToken = found.get();
        if (key != null && (key.length() < 8 || key.length() > 200)) {
            return problem(HttpStatus.BAD_REQUEST, "bad-idempotency-key", "Idempotency-Key must have 8 to 200 characters");
        }
        Instant now = Instant.now();
        Instant startedAt = posted.startedAt() == null || posted.startedAt().isAfter(now) ? now : posted.startedAt();
        if (surveyToken.isUsed() || surveyToken.isExpired(now)) {
            // a retry of the stored answer is answered as the first time was, before any other check
            return tryStore(surveyToken, Map.of(), startedAt, key, locale);
        }
        AnswerChecks.Checked checked = checks.check(surveyToken.methodologyCode(), surveyToken.methodologyVersion(),
                surveyToken.unitId(), posted.answers() == null ? Map.of() : posted.answers(), locale);
        if (!checked.isValid()) {
            ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            problem.setType(URI.create("urn:sipas:problem:answers-rejected"));
            problem.setTitle("answers rejected");
            problem.setProperty("errors", checked.problems().entrySet().stream()
                    .map(e -> Map.of("question", e.getKey(), "message", e.getValue())).toList());
            return ResponseEntity.unprocessableContent().body(problem);
        }
        return tryStore(surveyToken, checked.stored(), startedAt, key, locale);
    }

    private ResponseEntity<?> tryStore(SurveyToken token, Map<String, String> answers, Instant startedAt, String key,
                                       Locale locale) {
        try {
            ResponseStore.Stored stored = store.submit(responses.submission(token, answers, startedAt, key));
            return ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(new Accepted(stored.responseId(), stored.submittedAt()));
        } catch (AlreadyAnswered answered) {
            return answered.reason() == AlreadyAnswered.Reason.TOKEN_EXPIRED
                    ? problem(HttpStatus.GONE, "token-expired", "The survey link has expired")
                    : problem(HttpStatus.CONFLICT, "already-answered", "This survey link has already been answered");
        } catch (IdempotencyKeyReused reused) {
            ResponseEntity<ProblemDetail> refused = problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    messages.getMessage("survey.refused.keyReused", new Object[] {reused.key()}, locale));
            refused.getBody().setProperty("idempotencyKey", reused.key());
            return refused;
        } catch (CampaignNotInField closed) {
            String name = campaigns.find(closed.campaignId()).map(FieldCampaign::name).orElse(Long.toString(closed.campaignId()));
            ResponseEntity<ProblemDetail> gone = problem(HttpStatus.GONE, "campaign-closed",
                    messages.getMessage("survey.refused.campaignClosed", new Object[] {name}, locale));
            gone.getBody().setProperty("campaignId", closed.campaignId());
            return gone;
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:sipas:problem:" + type));
        return ResponseEntity.status(status).body(problem);
    }
}
