package org.sipas.collection.paper;

import java.net.URI;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The print pack of a unit for the API: the same PDF as the page, or RFC 9457 problem details. */
@RestController
@Tag(name = "Paper questionnaires", description = "Bộ tài liệu in: thư ngỏ, hướng dẫn điều tra viên, phiếu giấy có số và mã QR, nhãn địa chỉ")
class PrintPackApi {

    private final PrintPacks packs;
    private final MessageSource messages;

    PrintPackApi(PrintPacks packs, MessageSource messages) {
        this.packs = packs;
        this.messages = messages;
    }

    @Operation(summary = "The print pack of a unit for a campaign, as one A4 PDF",
            description = """
                    A cover letter in the administrative layout (issuing body, national motto, number and date, title, body, \
                    signature block), the interviewer's guide generated from the campaign's methodology version (sections, \
                    questions with their variable names and codes, skip rules in words, constraints), the numbered paper \
                    questionnaires issued for the unit (each with the QR code of its entry screen), and address labels \
                    (3 × 8 to an A4 sheet: name, postal address or a line saying there is none, dossier, partner, paper number) \
                    for the sampled cases whose papers were handed to a partner organisation. The font (DejaVu Serif) is embedded; the same \
                    numbers give the same PDF on every run. The response header X-Pages carries the page count.""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the pack", content = @Content(mediaType = "application/pdf")),
                    @ApiResponse(responseCode = "401", description = "not signed in"),
                    @ApiResponse(responseCode = "403", description = "the campaign lies outside the caller's scope, or the role prints no papers"),
                    @ApiResponse(responseCode = "404", description = "no such campaign"),
                    @ApiResponse(responseCode = "422", description = "the unit is not one of the campaign's within the caller's scope, "
                            + "or no numbers are issued for it yet",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    schema = @Schema(implementation = ProblemDetail.class)))})
    @GetMapping(path = "/api/v1/campaigns/{id}/print-pack.pdf", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @PreAuthorize(PaperPrintPages.PRINTERS)
    ResponseEntity<?> pack(@PathVariable long id,
                           @RequestParam(required = false) @Parameter(description = "the unit's id (one of the campaign's strata)") Long unit,
                           Locale locale) {
        try {
            PrintPackPdf.Rendered pack = packs.pdf(id, unit, locale, PrintPackController::entryLink);
            return PrintPackController.file(id, unit, pack);
        } catch (PrintPacks.Refused refused) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    messages.getMessage(refused.getMessage(), null, locale));
            problem.setType(URI.create("urn:sipas:problem:print-pack-" + (refused.getMessage().endsWith("unit") ? "unit" : "no-forms")));
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }
}
