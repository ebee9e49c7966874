package org.sipas.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accepted responses for analysts, as CSV and SPSS {@code .sav}, one campaign or several.
 * <p>
 * Who may export: ADMIN, PROVINCE_ADMIN and ANALYST, within their scope. Not UNIT_MANAGER: the
 * rows are pseudonymous, but a unit's manager is among those rated, and a row of a small unit
 * (its date, channel and open answer) can point at the person who rated them (DESIGN §8: nobody who
 * is rated can see who rated them); their unit's figures are on the dashboard. Not the field roles
 * (INTERVIEWER, DATA_ENTRY, RECHECKER): they collect and check answers, they do not analyse them.
 */
@RestController
@PreAuthorize(ResponseExportApi.EXPORTERS)
@Tag(name = "Exports", description = "Xuất phiếu trả lời đã chấp nhận (CSV, SPSS .sav), không có dữ liệu cá nhân")
class ResponseExportApi {

    static final String EXPORTERS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','ANALYST')";
    static final String CSV = "text/csv;charset=UTF-8";
    static final String SAV = "application/x-spss-sav";

    private static final String COLUMNS = """
            A row per response accepted by quality control (not the undecided, not the rejected), of the units within \
            the caller's scope, without personal data: no name, phone, phone hash, contact, token, dossier, interviewer or \
            position; response_id is a pseudonymous number. Columns: response_id, campaign_id, methodology, \
            methodology_version, period_from, period_to, month, unit_code, channel, series (sampled, counter, portal), \
            stratum, stratum_frame_size (N_h), stratum_responses (n_h), design_weight (N_h / n_h as the index weighs the \
            stratum; empty outside the random sample), then one variable per question of the methodology's codebook, \
            its name kept across versions (a scale's 9 no answer and 0 not applicable are answers outside the base).""";

    private final ResponseExports exports;

    ResponseExportApi(ResponseExports exports) {
        this.exports = exports;
    }

    @Operation(summary = "A campaign's accepted responses as CSV (UTF-8 with BOM), without personal data",
            description = COLUMNS + " Dates dd/MM/yyyy; a cell starting with = + - @ is written with a leading quote.",
            responses = {
                    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv")),
                    @ApiResponse(responseCode = "403", description = "the campaign lies outside the caller's scope, or the role may not export",
                            content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "404", description = "no such campaign",
                            content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "422", description = "a question's name is taken by a design variable",
                            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))})
    @GetMapping("/api/v1/campaigns/{id}/responses.csv")
    void campaignCsv(@PathVariable long id, HttpServletResponse response) {
        exports.csv(List.of(id), named(response, CSV), body(response));
    }

    @Operation(summary = "A campaign's accepted responses as an SPSS system file (.sav), without personal data",
            description = COLUMNS + " UTF-8 (character encoding record), uncompressed; variable and value labels in "
                    + "Vietnamese, the scales' excluded codes as user-missing values, the design weight as the file's "
                    + "weight variable, strings longer than 255 bytes kept whole.",
            responses = {
                    @ApiResponse(responseCode = "200", content = @Content(mediaType = SAV)),
                    @ApiResponse(responseCode = "403", description = "the campaign lies outside the caller's scope, or the role may not export",
                            content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "404", description = "no such campaign",
                            content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "422", description = "a question's name is taken by a design variable, or an "
                            + "answer is longer than an SPSS string (32,767 bytes)",
                            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))})
    @GetMapping("/api/v1/campaigns/{id}/responses.sav")
    void campaignSav(@PathVariable long id, HttpServletResponse response) {
        exports.sav(List.of(id), named(response, SAV), body(response));
    }

    @Operation(summary = "Accepted responses of several campaigns as one CSV, every variable any of them used",
            description = COLUMNS + " Across methodology versions the columns are the union of the codebooks: a question "
                    + "dropped by a newer version stays a column, empty for the campaigns that did not ask it.",
            responses = {
                    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv")),
                    @ApiResponse(responseCode = "403", description = "a campaign lies outside the caller's scope, or the role may not export",
                            content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "404", description = "a campaign does not exist",
                            content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "422", description = "more than 50 campaigns, or one variable name with two types",
                            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))})
    @GetMapping("/api/v1/responses.csv")
    void csv(@RequestParam("campaign") @Parameter(description = "a campaign id; repeat for each campaign") List<Long> campaigns,
             HttpServletResponse response) {
        exports.csv(campaigns, named(response, CSV), body(response));
    }

    @Operation(summary = "Accepted responses of several campaigns as one SPSS .sav, every variable any of them used",
            description = COLUMNS + " Across methodology versions the variables are the union of the codebooks: a question "
                    + "dropped by a newer version stays a variable, system-missing for the campaigns that did not ask it.",
            responses = {
                    @ApiResponse(responseCode = "200", content = @Content(mediaType = SAV)),
                    @ApiResponse(responseCode = "403", description = "a campaign lies outside the caller's scope, or the role may not export",
                            content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "404", description = "a campaign does not exist",
                            content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "422", description = "more than 50 campaigns, one variable name with two types, "
                            + "or an answer longer than an SPSS string (32,767 bytes)",
                            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))})
    @GetMapping("/api/v1/responses.sav")
    void sav(@RequestParam("campaign") @Parameter(description = "a campaign id; repeat for each campaign") List<Long> campaigns,
             HttpServletResponse response) {
        exports.sav(campaigns, named(response, SAV), body(response));
    }

    /** The headers of the download, set once the export has passed its checks (an error before is a problem detail). */
    private static Consumer<String> named(HttpServletResponse response, String type) {
        return file -> {
            response.setContentType(type);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        };
    }

    private static Supplier<OutputStream> body(HttpServletResponse response) {
        return () -> {
            try {
                return response.getOutputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
