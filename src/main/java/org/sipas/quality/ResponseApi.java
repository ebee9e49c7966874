package org.sipas.quality;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sipas.campaign.CampaignScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A response's quality state, flags and history; its transitions and corrections. */
@RestController
@Tag(name = "Quality", description = "Kiểm tra chất lượng phiếu trả lời: trạng thái, cờ cảnh báo, phúc tra, hiệu đính")
class ResponseApi {

    static final String READERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','RECHECKER')";
    static final String SUPERVISORS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER')";

    /** A transition asked for: the state to move to and why. */
    record TransitionRequest(String to, String reason, String overrideReason) {
    }

    /** Many responses of a campaign moved at once, with one reason. */
    record BulkRequest(java.util.List<Long> responseIds, String to, String reason, String overrideReason) {
    }

    /** How many responses a bulk decision moved. */
    record BulkResult(int moved) {
    }

    /** A correction of one answer (value null or blank: the answer removed) and why. */
    record CorrectionRequest(String question, String value, String reason) {
    }

    private final Reviews reviews;
    private final CampaignScope campaigns;

    ResponseApi(Reviews reviews, CampaignScope campaigns) {
        this.reviews = reviews;
        this.campaigns = campaigns;
    }

    @Operation(summary = "A response's quality state, its flags, the history of its states, the corrections of its answers and its cleaning failures",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "403", description = "outside the caller's scope"),
                    @ApiResponse(responseCode = "404", description = "no such response in a campaign")})
    @GetMapping("/api/v1/responses/{responseId}")
    @PreAuthorize(READERS)
    Reviews.ResponseView response(@PathVariable long responseId) {
        return reviews.view(responseId);
    }

    @Operation(summary = "Moves a response to another state (FLAGGED, IN_RECHECK, ACCEPTED, REJECTED, SUBMITTED), with a reason",
            description = "A REJECTED response leaves the tallies and every index as if it had never been stored; reversed, it enters again.",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "403", description = "outside the caller's scope"),
                    @ApiResponse(responseCode = "404", description = "no such response"),
                    @ApiResponse(responseCode = "409", description = "not allowed from the response's state"),
                    @ApiResponse(responseCode = "422", description = "unknown state, no reason, or accepting a response with cleaning failures without overrideReason")})
    @PostMapping("/api/v1/responses/{responseId}/transitions")
    @PreAuthorize(SUPERVISORS)
    Reviews.ResponseView transition(@PathVariable long responseId, @RequestBody TransitionRequest request) {
        return reviews.move(responseId, request.to(), request.reason(), request.overrideReason());
    }

    @Operation(summary = "Corrects one answer of a response, keeping the original; audited with before and after",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "403", description = "outside the caller's scope"),
                    @ApiResponse(responseCode = "404", description = "no such response"),
                    @ApiResponse(responseCode = "422", description = "no question or no reason")})
    @PostMapping("/api/v1/responses/{responseId}/corrections")
    @PreAuthorize(SUPERVISORS)
    Reviews.ResponseView correct(@PathVariable long responseId, @RequestBody CorrectionRequest request) {
        return reviews.correct(responseId, request.question(), request.value(), request.reason());
    }

    @Operation(summary = "Accepts or rejects many responses of a campaign at once, with one reason (all or none), each audited",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "403", description = "a response outside the caller's scope"),
                    @ApiResponse(responseCode = "404", description = "no such response"),
                    @ApiResponse(responseCode = "409", description = "a response not allowed to move from its state"),
                    @ApiResponse(responseCode = "422", description = "no responses, unknown state, no reason, a response of another campaign, or accepting one with cleaning failures without overrideReason")})
    @PostMapping("/api/v1/campaigns/{id}/decisions")
    @PreAuthorize(SUPERVISORS)
    BulkResult decide(@PathVariable long id, @RequestBody BulkRequest request) {
        campaigns.within(id);
        return new BulkResult(reviews.moveAll(id, request.responseIds(), request.to(), request.reason(), request.overrideReason()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException e) {
        return badInputProblem(e);
    }

    /** Bad input: 422 naming the field (the message starts with it), for every API of quality control. */
    static ProblemDetail badInputProblem(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setType(URI.create("urn:sipas:problem:bad-input"));
        String message = String.valueOf(e.getMessage());
        problem.setProperty("field", message.contains(":") ? message.substring(0, message.indexOf(':')) : null);
        return problem;
    }

    @ExceptionHandler(Reviews.NotAllowed.class)
    ProblemDetail notAllowed(Reviews.NotAllowed e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create("urn:sipas:problem:transition-not-allowed"));
        return problem;
    }
}
