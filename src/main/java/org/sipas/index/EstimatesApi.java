package org.sipas.index;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.sipas.web.CsvWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A campaign's live estimates as JSON, or as CSV with the columns of the estimation fixture's
 * {@code expected.csv} followed by the lineage of every figure.
 */
@RestController
@PreAuthorize(DashboardController.RESULT_READERS)
@Tag(name = "Estimates", description = "Chỉ số hài lòng của một đợt khảo sát, trực tiếp từ bảng kiểm đếm, với khoảng tin cậy")
class EstimatesApi {

    static final String CSV = "text/csv;charset=UTF-8";
    static final List<String> CSV_HEADER = List.of("domain_kind", "domain", "level", "index", "n", "unweighted_pct",
            "estimate_pct", "se_pct", "ci95_low", "ci95_high", "series", "random_sample", "methodology_code",
            "methodology_version", "sample_seed", "sampled_at", "tally_fold", "tally_folded_at", "unfolded_changes",
            "series_n");

    private final Estimates estimates;

    EstimatesApi(Estimates estimates) {
        this.estimates = estimates;
    }

    @Operation(summary = "Estimates of a campaign by domain, with 95% confidence intervals and their lineage",
            description = """
                    Read from the live tallies (never staler than the last committed response). The sampled series is \
                    estimated as R's survey computes svydesign(ids=~1, strata=~stratum, fpc=~N_h): criteria by svyratio, \
                    elements and the overall index as means of their children (svycontrast); domains that cut across strata \
                    (procedure, channel, respondent, official, month) as svyby subpopulations. The counter and portal series \
                    are plain percentages of non-random samples (không phải mẫu ngẫu nhiên / not a random sample): \
                    no estimate, SE or CI. Answers text/csv with Accept: text/csv or at …/estimates.csv.""",
            responses = @ApiResponse(responseCode = "200", content = {
                    @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignEstimates.class)),
                    @Content(mediaType = "text/csv")}))
    @GetMapping(path = "/api/v1/campaigns/{id}/estimates", produces = MediaType.APPLICATION_JSON_VALUE)
    CampaignEstimates json(@PathVariable long id,
                           @RequestParam(defaultValue = "nation") @Parameter(description =
                                   "nation, province, unit, children (of the subtree's root), procedure, channel, respondent, official, month")
                           String domain,
                           @RequestParam(required = false) @Parameter(description = "a unit's code: the figures of its subtree only")
                           String unit,
                           @RequestParam(defaultValue = "sampled") @Parameter(description = "sampled, counter or portal") String series,
                           @RequestParam(defaultValue = CURRENT) @Parameter(description = ANSWERS) String answers) {
        return figures(id, domain, unit, series, answers);
    }

    private static final String CURRENT = "current";
    private static final String ANSWERS = "current: the answers as they stand, corrections applied (from the live tallies); "
            + "submitted: as the respondents first gave them, every correction undone (computed from the responses)";

    private CampaignEstimates figures(long id, String domain, String unit, String series, String answers) {
        return switch (answers) {
            case CURRENT -> estimates.of(id, Domain.ofCode(domain), unit, Series.ofCode(series));
            case "submitted" -> estimates.asSubmitted(id, Domain.ofCode(domain), unit, Series.ofCode(series));
            default -> throw new IllegalArgumentException("answers: current or submitted, not " + answers);
        };
    }

    @Operation(summary = "The live estimates as CSV (Accept: text/csv)")
    @GetMapping(path = "/api/v1/campaigns/{id}/estimates", produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable long id, @RequestParam(defaultValue = "nation") String domain,
                               @RequestParam(required = false) String unit, @RequestParam(defaultValue = "sampled") String series,
                               @RequestParam(defaultValue = CURRENT) @Parameter(description = ANSWERS) String answers) {
        CampaignEstimates found = figures(id, domain, unit, series, answers);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CSV))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"estimates-" + id + "-" + domain + ".csv\"")
                .body(csv(found));
    }

    @Operation(summary = "The live estimates as CSV")
    @GetMapping(path = "/api/v1/campaigns/{id}/estimates.csv")
    ResponseEntity<String> csvFile(@PathVariable long id, @RequestParam(defaultValue = "nation") String domain,
                                   @RequestParam(required = false) String unit,
                                   @RequestParam(defaultValue = "sampled") String series,
                                   @RequestParam(defaultValue = CURRENT) @Parameter(description = ANSWERS) String answers) {
        return csv(id, domain, unit, series, answers);
    }

    /** An unknown domain or series: 400 naming the parameter's value. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badParameter(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
    }

    /** One line per domain and index node; NA for an empty figure, as R writes it. */
    static String csv(CampaignEstimates estimates) {
        Lineage lineage = estimates.lineage();
        List<List<Object>> rows = new ArrayList<>();
        for (DomainEstimate domain : estimates.domains()) {
            for (IndexEstimate e : domain.figures()) {
                List<Object> row = new ArrayList<>(List.of(domain.domain(), domain.code(), e.level(), e.index(), e.n()));
                row.add(na(e.unweightedPct()));
                row.add(na(e.estimatePct()));
                row.add(na(e.sePct()));
                row.add(na(e.ci95Low()));
                row.add(na(e.ci95High()));
                row.add(estimates.series().code());
                row.add(estimates.isRandomSample());
                row.add(lineage.methodologyCode());
                row.add(lineage.methodologyVersion());
                row.add(lineage.seed() == null ? "" : lineage.seed());
                row.add(lineage.sampledAt() == null ? "" : lineage.sampledAt());
                row.add(lineage.fold());
                row.add(lineage.foldedAt() == null ? "" : lineage.foldedAt());
                row.add(lineage.unfolded());
                row.add(lineage.n());
                rows.add(row);
            }
        }
        return new String(CsvWriter.table(CSV_HEADER, rows, false), StandardCharsets.UTF_8);
    }

    private static Object na(Double value) {
        return value == null ? "NA" : value;
    }
}
