package org.sipas.collection.paper;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sipas.campaign.CampaignScope;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The hand-out and return of paper questionnaires for the API: the batches, one batch with its
 * numbers, a new batch, the state of one number, and the reconciliation per unit and recipient.
 * Every call goes through {@link PaperHandouts}, as the page's forms do, so the same roles, scope,
 * all-or-nothing checks and audit hold. A refusal is a 422 problem naming the field (and the list
 * item, for numbers) in the caller's language. No applicant's contact is in any answer.
 */
@RestController
@Tag(name = "Paper questionnaires", description = "Phát, thu phiếu giấy: lô phiếu, tình trạng từng số phiếu, đối soát")
class PaperHandoutApi {

    /** The form fields the refusals of {@link PaperHandouts} name, by message key. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("paper.handout.unit", "unit"), Map.entry("paper.handout.kind", "kind"),
            Map.entry("paper.handout.recipient.required", "recipient"), Map.entry("paper.handout.officerUnknown", "recipient"),
            Map.entry("paper.handout.due", "dueWorkingDays"), Map.entry("paper.handout.date", "handedOn"),
            Map.entry("paper.handout.future", "handedOn"), Map.entry("paper.handout.state", "state"));

    /**
     * A hand-out as sent.
     *
     * @param kind           PARTNER (an organisation, by name; a registered one's staff then see these cases) or COUNTER (an officer's username)
     * @param numbers        serials, ranges of serials or printed numbers, separated by commas: "1-40, 45, 12 00047 3"
     * @param handedOn       the day handed out, yyyy-MM-dd or dd/MM/yyyy; today when absent
     * @param dueWorkingDays working days until the batch is due back, 1 to 60; 5 when absent
     */
    record HandOutRequest(Long unit, String kind, String recipient, String numbers, String handedOn, Integer dueWorkingDays) {
    }

    /** A change of state of one number: DELIVERED, RETURNED_FILLED, RETURNED_BLANK, SPOILED or LOST. */
    record StateRequest(String state) {
    }

    /** A line of the reconciliation with its derived figures. */
    record ReconciliationLine(long unitId, String unitName, PaperBatches.RecipientKind kind, String recipient, int handed,
                              int returned, int returnedFilled, int keyed, int spoiled, int lost, int outstanding, int missing,
                              int awaitingEntry, int workingDays, boolean overdue) {

        static ReconciliationLine of(PaperHandouts.Line l) {
            return new ReconciliationLine(l.unitId(), l.unitName(), l.kind(), l.recipient(), l.handed(), l.returned(),
                    l.returnedFilled(), l.keyed(), l.spoiled(), l.lost(), l.outstanding(), l.missing(), l.awaitingEntry(),
                    l.workingDays(), l.overdue());
        }
    }

    private final PaperHandouts handouts;
    private final CampaignScope campaigns;
    private final MessageSource messages;

    PaperHandoutApi(PaperHandouts handouts, CampaignScope campaigns, MessageSource messages) {
        this.handouts = handouts;
        this.campaigns = campaigns;
        this.messages = messages;
    }

    @Operation(summary = "The campaign's hand-out batches within the caller's scope, newest first, with counts by state",
            description = "Each batch with its working days since the hand-out, its due time, whether it is overdue, and "
                    + "the serials still out as ranges (stillOut).",
            responses = {@ApiResponse(responseCode = "200"),
                    @ApiResponse(responseCode = "403", description = "the campaign lies outside the caller's scope"),
                    @ApiResponse(responseCode = "404", description = "no such campaign")})
    @GetMapping("/api/v1/campaigns/{id}/paper-batches")
    @PreAuthorize(PaperPrintPages.READERS)
    List<PaperHandouts.BatchLine> batches(@PathVariable long id) {
        return handouts.batches(id, Instant.now());
    }

    @Operation(summary = "Hands a batch of printed numbers of one unit to a partner organisation or a counter officer: all or nothing, audited",
            responses = {@ApiResponse(responseCode = "201", description = "the batch with its numbers"),
                    @ApiResponse(responseCode = "403", description = "the campaign lies outside the caller's scope, or the role hands no papers out"),
                    @ApiResponse(responseCode = "404", description = "no such campaign"),
                    @ApiResponse(responseCode = "422", description = "a field is wrong (named in field; for numbers, the list item in item)",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))})
    @PostMapping("/api/v1/campaigns/{id}/paper-batches")
    @PreAuthorize(PaperPrintPages.PRINTERS)
    ResponseEntity<PaperHandouts.BatchDetail> hand(@PathVariable long id, @RequestBody(required = false) HandOutRequest request) {
        // the campaign's scope first: a caller outside it learns nothing from the body's checks
        campaigns.overlapping(id);
        HandOutRequest r = request == null ? new HandOutRequest(null, null, null, null, null, null) : request;
        long batch = handouts.hand(id, new PaperHandouts.HandOut(r.unit() == null ? -1 : r.unit(), PaperHandoutPages.parseKind(r.kind()),
                r.recipient(), r.numbers(), PaperHandoutPages.handedAt(r.handedOn()),
                r.dueWorkingDays() == null ? PaperHandouts.DEFAULT_DUE_WORKING_DAYS : r.dueWorkingDays()));
        PaperHandouts.BatchDetail detail = handouts.batch(id, batch, Instant.now()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id + "/paper-batches/" + batch)).body(detail);
    }

    @Operation(summary = "One batch of the campaign with every number, its state, since when and by whom, and whether it is keyed",
            responses = {@ApiResponse(responseCode = "200"),
                    @ApiResponse(responseCode = "403", description = "the campaign or the batch's unit lies outside the caller's scope"),
                    @ApiResponse(responseCode = "404", description = "no such campaign, or no such batch in it")})
    @GetMapping("/api/v1/campaigns/{id}/paper-batches/{batch}")
    @PreAuthorize(PaperPrintPages.READERS)
    PaperHandouts.BatchDetail batch(@PathVariable long id, @PathVariable long batch) {
        return handouts.batch(id, batch, Instant.now()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @Operation(summary = "Records what became of one number of a batch: delivered, returned filled or blank, spoiled or lost; audited",
            description = "A keyed paper can only be recorded as returned filled. The number is a serial (47) or the number "
                    + "as printed or keyed (12 00047 3).",
            responses = {@ApiResponse(responseCode = "200", description = "the batch with its numbers after the change"),
                    @ApiResponse(responseCode = "403", description = "outside the caller's scope, or the role records no returns"),
                    @ApiResponse(responseCode = "404", description = "no such campaign, or no such batch in it"),
                    @ApiResponse(responseCode = "422", description = "unknown state, or a number not of this batch, or keyed (field named)",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))})
    @PostMapping("/api/v1/campaigns/{id}/paper-batches/{batch}/numbers/{number}")
    @PreAuthorize(PaperPrintPages.PRINTERS)
    PaperHandouts.BatchDetail state(@PathVariable long id, @PathVariable long batch,
                                    @PathVariable @Parameter(description = "a serial (47) or the paper number (12000473)") String number,
                                    @RequestBody(required = false) StateRequest request) {
        // the batch must be one of the campaign's within the caller's scope before anything else is read
        batch(id, batch);
        handouts.recordOne(id, batch, number, PaperHandoutPages.parseState(request == null ? null : request.state()));
        return batch(id, batch);
    }

    @Operation(summary = "The campaign's reconciliation per unit and recipient: handed, returned, keyed, missing, awaiting entry, working days, overdue",
            description = "missing = handed − returned (spoiled and lost included); awaitingEntry = returned filled − keyed.",
            responses = {@ApiResponse(responseCode = "200"),
                    @ApiResponse(responseCode = "403", description = "the campaign lies outside the caller's scope"),
                    @ApiResponse(responseCode = "404", description = "no such campaign")})
    @GetMapping("/api/v1/campaigns/{id}/paper-reconciliation")
    @PreAuthorize(PaperPrintPages.READERS)
    List<ReconciliationLine> reconciliation(@PathVariable long id) {
        return handouts.reconcile(id, Instant.now()).stream().map(ReconciliationLine::of).toList();
    }

    @ExceptionHandler(PaperNumbers.Invalid.class)
    ResponseEntity<ProblemDetail> invalidNumbers(PaperNumbers.Invalid e, Locale locale) {
        ProblemDetail problem = problem(e.getMessage(), "numbers", locale, e.item);
        problem.setProperty("item", e.item);
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e, Locale locale) {
        String key = String.valueOf(e.getMessage());
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(key, FIELDS.get(key), locale));
    }

    private ProblemDetail problem(String key, String field, Locale locale, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage(key, args, key, locale));
        problem.setType(URI.create("urn:sipas:problem:bad-input"));
        problem.setProperty("code", key);
        problem.setProperty("field", field);
        return problem;
    }
}
