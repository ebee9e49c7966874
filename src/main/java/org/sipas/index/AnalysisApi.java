package org.sipas.index;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The standalone engine for data collected elsewhere: three files in, the figures of every domain
 * out as CSV. The caller's own data, read and forgotten: nothing is stored and no catalog is read,
 * so the caller's unit scope has nothing to limit.
 */
@RestController
@RequestMapping("/api/v1/analysis")
@Tag(name = "Analysis", description = "Tính chỉ số hài lòng và khoảng tin cậy từ dữ liệu thu thập ở nơi khác")
class AnalysisApi {

    static final String ANALYSTS = "hasAnyRole('ADMIN','PROVINCE_ADMIN','ANALYST')";

    @PostMapping(path = "/estimate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = {EstimateTable.CSV, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @PreAuthorize(ANALYSTS)
    @Operation(summary = "Index estimates with confidence intervals from uploaded responses",
            description = """
                    Ước lượng chỉ số (tiêu chí, yếu tố, chỉ số chung) với sai số chuẩn và khoảng tin cậy 95% \
                    từ ba tệp CSV/XLSX. Exactly as R's survey package: svydesign(ids=~1, strata=~unit, fpc=~N_h), \
                    criteria by svyratio, elements and the overall index as svycontrast of the ratios; a stratum \
                    with one response as under options(survey.lonely.psu = "adjust"). \
                    Files: responses (response_id, unit, province, one column per criterion with answer codes; \
                    an empty cell is no answer), frame_sizes (unit, province, N_h), index_tree (criterion, element, \
                    optional weight of the criterion in its element and element_weight of the element in the \
                    overall index). Answers with the columns domain_kind, domain, level, index, n, unweighted_pct, \
                    estimate_pct, se_pct, ci95_low, ci95_high (NA for a criterion without a valid answer). \
                    Nothing is stored.""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The figures of every domain",
                            content = @Content(mediaType = EstimateTable.CSV)),
                    @ApiResponse(responseCode = "400", description = "An option that is not a list of codes",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "422", description = "A missing file, or a file with errors: the file, and every error "
                            + "with its line and column (problem details)",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    schema = @Schema(implementation = ProblemDetail.class)))})
    // the parts are optional to Spring so that the role check comes first (403, not 400, for a caller
    // without the role) and a missing file is the same 422 naming it as an empty one
    ResponseEntity<byte[]> estimate(
            @RequestPart(name = AnalysisUpload.RESPONSES, required = false) @Parameter(description = "responses.csv: one row per response")
            MultipartFile responses,
            @RequestPart(name = AnalysisUpload.FRAME_SIZES, required = false) @Parameter(description = "frame_sizes.csv: N_h of each unit (stratum)")
            MultipartFile frameSizes,
            @RequestPart(name = AnalysisUpload.INDEX_TREE, required = false) @Parameter(description = "index_tree.csv: the element of each criterion")
            MultipartFile indexTree,
            @RequestParam(required = false) @Parameter(description = "a column of responses whose values are domains "
                    + "cutting across strata (channel, procedure…), estimated as svyby subpopulations; without it the "
                    + "nation, each province and each unit") String by,
            @RequestParam(required = false) @Parameter(description = "rating levels (valid answers), default 1,2,3,4,5")
            String levels,
            @RequestParam(required = false) @Parameter(description = "levels counted as satisfied, default 4,5")
            String satisfied,
            @RequestParam(required = false) @Parameter(description = "codes excluded from the base, default 0,9")
            String excluded,
            @RequestParam(required = false) @Parameter(description = "the overall index's code, default SIPAS")
            String overall) {
        AnalysisSample sample = AnalysisUpload.read(responses, frameSizes, indexTree,
                new AnalysisUpload.Options(by, levels, satisfied, excluded, overall));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(EstimateTable.CSV))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"estimates.csv\"")
                .body(EstimateTable.csv(sample.estimate(), false));
    }
}
