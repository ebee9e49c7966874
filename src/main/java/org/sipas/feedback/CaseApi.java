package org.sipas.feedback;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sipas.web.PageOf;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cases (vụ việc) as JSON, scoped like the pages, never with who complained. */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "Vụ việc phản ánh tiêu cực: danh sách, chi tiết, các bước xử lý (không bao giờ có danh tính người đánh giá)")
class CaseApi {

    static final String READERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER','ANALYST','INTEGRATION')";
    static final String HANDLERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','UNIT_MANAGER')";

    private final Cases cases;
    private final CaseLifecycle lifecycle;

    CaseApi(Cases cases, CaseLifecycle lifecycle) {
        this.cases = cases;
        this.lifecycle = lifecycle;
    }

    /** A case with its history and owners (the heads of the owning unit). */
    record Detail(CaseView caseView, List<CaseStore.Step> steps, List<String> owners) {
    }

    /** A step asked for: {@code to} one of ACKNOWLEDGED, INVESTIGATING, RESOLVED, CLOSED. */
    record Transition(String to, String rootCause, String actionTaken, String note) {
    }

    @Operation(summary = "Cases of units within the caller's scope, newest first",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401"), @ApiResponse(responseCode = "403"),
                    @ApiResponse(responseCode = "422", description = "an unknown unit code or state")})
    @GetMapping
    @PreAuthorize(READERS)
    PageOf<CaseView> list(@RequestParam(required = false) @Parameter(description = "a campaign's id") Long campaign,
                          @RequestParam(required = false) @Parameter(description = "a unit's code: its subtree") String unit,
                          @RequestParam(required = false) @Parameter(description = "NEW, ACKNOWLEDGED, INVESTIGATING, RESOLVED, CLOSED") String state,
                          @RequestParam(required = false) @Parameter(description = "true: open past their due time") Boolean overdue,
                          @RequestParam(required = false) @Parameter(description = "HIGH, MEDIUM, LOW") String severity,
                          @RequestParam(required = false) @Parameter(description = "an official's id") Long official,
                          @RequestParam(required = false) Integer page) {
        return cases.list(new CaseFilter(campaign, unit, official, severity, state, overdue), PageOf.number(page), 50);
    }

    @Operation(summary = "One case with its history",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401"),
                    @ApiResponse(responseCode = "403", description = "the case's unit is outside the caller's scope"),
                    @ApiResponse(responseCode = "404")})
    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    Detail get(@PathVariable long id) {
        CaseView c = cases.get(id);
        return new Detail(c, cases.steps(id), cases.owners(c).stream().map(UnitHeads.Head::username).toList());
    }

    @Operation(summary = "Moves a case a step: acknowledge, investigate, resolve (root cause and action required), close, reopen",
            responses = {@ApiResponse(responseCode = "200"), @ApiResponse(responseCode = "401"), @ApiResponse(responseCode = "403"),
                    @ApiResponse(responseCode = "404"),
                    @ApiResponse(responseCode = "409", description = "the step is not allowed from the case's state"),
                    @ApiResponse(responseCode = "422", description = "an unknown state or root cause, or a resolution without them")})
    @PostMapping("/{id}/transitions")
    @PreAuthorize(HANDLERS)
    Detail transition(@PathVariable long id, @RequestBody Transition transition) {
        cases.get(id);
        CaseState to;
        try {
            to = CaseState.valueOf(String.valueOf(transition.to()).strip());
        } catch (IllegalArgumentException e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                    "unknown state (to) " + transition.to());
        }
        lifecycle.move(id, new CaseLifecycle.Step(to, transition.rootCause(), transition.actionTaken(), transition.note()));
        return get(id);
    }

    @Operation(summary = "Root causes a resolution picks from", responses = {@ApiResponse(responseCode = "200"),
            @ApiResponse(responseCode = "401"), @ApiResponse(responseCode = "403")})
    @GetMapping("/root-causes")
    @PreAuthorize(READERS)
    List<CaseStore.RootCause> rootCauses() {
        return lifecycle.rootCauses();
    }
}
