package org.sipas.campaign;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sipas.identity.CurrentUsers;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The check of a drawn sample by the level above, for the API: what the approver's page shows
 * (standing, allocation, each stratum's N_h, n_h, reserve and contact coverage, a random extract,
 * the decisions) and the decision itself, through the same {@link SampleReviews} as the page, so
 * the same four eyes and scope hold. The extract names dossiers, never applicants: no name or
 * phone leaves by this API, masked or not.
 */
@RestController
@Tag(name = "Campaigns", description = "Đợt khảo sát: phân bổ, chọn mẫu, kiểm tra và thông qua mẫu")
class SampleReviewApi {

    /** A decision as sent: {@code approve} or {@code return}, with comments (required to return). */
    record DecisionRequest(String decision, String comments) {
    }

    /** A sampled dossier of the extract: its stratum's unit, rank, channel and the dossier, without the applicant. */
    record ExtractDossier(String unitName, int rank, SurveyChannel channel, String receiptCode, String procedureCode,
                          LocalDate receivedOn) {
    }

    /** The approver's view of a campaign's sample. */
    record ReviewView(long campaignId, String campaignName, CampaignStatus status, SampleReviews.Standing standing, Long seed,
                      String sampleDrawnBy, Instant sampledAt, ApprovalLevels.Level approvedBy, boolean mayDecide, int sampled,
                      int reserve, double contactCoverage, Allocation allocation, List<SampleReviews.StratumSummary> strata,
                      List<ExtractDossier> extract, List<SampleReview> decisions) {
    }

    private final SampleReviews reviews;
    private final Campaigns campaigns;
    private final CurrentUsers users;
    private final MessageSource messages;

    SampleReviewApi(SampleReviews reviews, Campaigns campaigns, CurrentUsers users, MessageSource messages) {
        this.reviews = reviews;
        this.campaigns = campaigns;
        this.users = users;
        this.messages = messages;
    }

    @Operation(summary = "A drawn sample as its approver reads it: standing, allocation, strata, a random extract and the decisions",
            description = """
                    The level above the campaign's scope (ApprovalLevels) approves or returns a drawn sample before fieldwork. \
                    strata gives N_h (frameSize), n_h, the drawn and reserve sizes and how many drawn have a phone \
                    (contactCoverage in percent); extract is a fresh random choice of 20 sampled dossiers at each call, \
                    without the applicants' names or phones; decisions are latest first, each about one draw (its seed). \
                    mayDecide says whether the caller may decide now (of the level above, did not draw it, campaign SAMPLED).""",
            responses = {@ApiResponse(responseCode = "200"),
                    @ApiResponse(responseCode = "403", description = "the campaign lies outside the caller's scope"),
                    @ApiResponse(responseCode = "404", description = "no such campaign")})
    @GetMapping("/api/v1/campaigns/{id}/sample-review")
    @PreAuthorize(CampaignApi.READERS)
    ReviewView review(@PathVariable long id) {
        SampleReviews.Review review = reviews.review(id);
        Campaign campaign = review.campaign();
        List<ExtractDossier> extract = review.extract().stream()
                .map(r -> new ExtractDossier(r.unitName(), r.rank(), r.channel(), r.contact() == null ? null : r.contact().receiptCode(),
                        r.contact() == null ? null : r.contact().procedureCode(), r.contact() == null ? null : r.contact().receivedOn()))
                .toList();
        return new ReviewView(campaign.id(), campaign.plan().name(), campaign.status(), review.standing(), campaign.seed(),
                campaign.sampleDrawnBy(), campaign.sampledAt(), review.level(), review.mayDecide(), review.sampled(), review.reserve(),
                review.contactCoverage(), campaigns.allocation(campaign), review.strata(), extract, review.decisions());
    }

    @Operation(summary = "Approves or returns the campaign's drawn sample, with comments (required to return); audited",
            description = """
                    The same rule as the page: only the level above the campaign's scope decides, and not whoever drew the \
                    sample (four eyes). An approved sample lets fieldwork start; a returned one is drawn again with a new seed, \
                    which needs a decision of its own.""",
            responses = {@ApiResponse(responseCode = "201", description = "the decision recorded"),
                    @ApiResponse(responseCode = "403", description = "outside the caller's scope, not of the level above, or the caller drew the sample",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "404", description = "no such campaign"),
                    @ApiResponse(responseCode = "409", description = "the campaign is not sampled (a draft, or already in the field)",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "422", description = "decision missing or unknown, or a return without comments (field named)",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))})
    @PostMapping("/api/v1/campaigns/{id}/sample-review")
    @PreAuthorize(CampaignApi.MANAGERS)
    ResponseEntity<?> decide(@PathVariable long id, @RequestBody(required = false) DecisionRequest request, Locale locale) {
        // outside the caller's scope: 403 (404 without the campaign) before the body is read, as the page answers
        Campaign campaign = campaigns.get(id);
        String decision = request == null || request.decision() == null ? "" : request.decision().strip();
        String comments = request == null ? null : request.comments();
        try {
            SampleReview decided = switch (decision) {
                case "approve" -> reviews.approve(id, comments);
                case "return" -> reviews.returnSample(id, comments);
                default -> throw new Invalid("decision", "campaign.review.api.decision");
            };
            return ResponseEntity.status(HttpStatus.CREATED).body(decided);
        } catch (Invalid e) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "bad-input", e.key, e.field, locale);
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "bad-input", e.getMessage(), "comments", locale);
        } catch (CampaignConflict e) {
            return problem(HttpStatus.CONFLICT, "sample-not-reviewable", e.getMessage(), null, locale);
        } catch (AccessDeniedException e) {
            boolean drewIt = users.current().name().equals(campaign.sampleDrawnBy());
            return problem(HttpStatus.FORBIDDEN, drewIt ? "own-draw" : "not-approver",
                    drewIt ? "campaign.review.ownDraw" : "campaign.review.notApprover", null, locale);
        }
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String key, String field, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, null, key, locale));
        problem.setType(URI.create("urn:sipas:problem:" + type));
        problem.setProperty("code", key);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A field of the request that is wrong, and the message key saying why. */
    private static final class Invalid extends RuntimeException {
        final String field;
        final String key;

        Invalid(String field, String key) {
            super(field + ": " + key);
            this.field = field;
            this.key = key;
        }
    }
}
