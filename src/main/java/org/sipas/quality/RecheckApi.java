package org.sipas.quality;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's re-check list with its outcomes; draws and outcomes. */
@RestController
@Tag(name = "Quality", description = "Kiểm tra chất lượng phiếu trả lời: trạng thái, cờ cảnh báo, phúc tra, hiệu đính")
class RecheckApi {

    /** A draw asked for: a seed to draw again with, or none for a new one. */
    record DrawRequest(Long seed) {
    }

    /** An outcome: NOT_REACHED, CONFIRMED, DISCREPANCIES (naming the answers that differ) or DID_NOT_HAPPEN. */
    record OutcomeRequest(String outcome, List<String> asked, List<String> differing, String note) {
    }

    private final RecheckLists lists;

    RecheckApi(RecheckLists lists) {
        this.lists = lists;
    }

    @Operation(summary = "A campaign's re-check list (phúc tra) with each re-check's reason, re-checker, outcome and the response's state",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "403", description = "outside the caller's scope"),
                    @ApiResponse(responseCode = "404", description = "no such campaign")})
    @GetMapping("/api/v1/campaigns/{id}/rechecks")
    @PreAuthorize(ResponseApi.SUPERVISORS)
    List<RecheckRepository.Recheck> list(@PathVariable long id) {
        return lists.ofCampaign(id);
    }

    @Operation(summary = "Draws re-checks: the campaign's share of each interviewer's interviews (at least its minimum) and every flagged response",
            description = "The seed is recorded; drawing the same campaign's interviews with the same seed gives the same list.",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "403", description = "outside the caller's scope"),
                    @ApiResponse(responseCode = "404", description = "no such campaign")})
    @PostMapping("/api/v1/campaigns/{id}/rechecks")
    @PreAuthorize(ResponseApi.SUPERVISORS)
    RecheckLists.Drawn draw(@PathVariable long id, @RequestBody(required = false) DrawRequest request) {
        return lists.draw(id, request == null ? null : request.seed());
    }

    @Operation(summary = "Records a re-check's outcome; it sets the response's state (a fabrication queues all the interviewer's interviews)",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "403", description = "not the caller's re-check"),
                    @ApiResponse(responseCode = "404", description = "no such re-check"),
                    @ApiResponse(responseCode = "422", description = "unknown outcome, or discrepancies without the answers that differ")})
    @PostMapping("/api/v1/rechecks/{recheckId}/outcome")
    @PreAuthorize("hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','RECHECKER')")
    RecheckRepository.Recheck outcome(@PathVariable long recheckId, @RequestBody OutcomeRequest request) {
        return lists.record(recheckId, request.outcome(), request.asked(), request.differing(), request.note());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException e) {
        return ResponseApi.badInputProblem(e);
    }
}
