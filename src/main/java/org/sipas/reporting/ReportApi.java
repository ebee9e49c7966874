package org.sipas.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's report (DOCX, PDF) and tables (XLSX) of its published results; who may is said in {@link Reports}. */
@RestController
@PreAuthorize(SnapshotsApi.READERS)
@Tag(name = "Reports", description = "Báo cáo kết quả (DOCX, PDF) và bảng chỉ số (XLSX) của kết quả đã công bố")
class ReportApi {

    private final Reports reports;

    ReportApi(Reports reports) {
        this.reports = reports;
    }

    @Operation(summary = "The campaign report of the published results, as DOCX",
            description = """
                    The report kind's template (the administrator's, or the shipped one) filled with the snapshot's figures: \
                    Decree 30/2020/NĐ-CP layout (issuing body and national motto, number and date, title, sections, tables, \
                    signature block), scope and method, index tables with 95% CIs, ranking with grades, a chart, open-answer \
                    themes, case statistics (as at the day of the download) and the author's recommendations. For staff whose \
                    scope covers the whole campaign.""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the report",
                            content = @Content(mediaType = ReportTemplate.CONTENT_TYPE)),
                    @ApiResponse(responseCode = "401", description = "not signed in"),
                    @ApiResponse(responseCode = "403", description = "the campaign is not wholly within the caller's scope, or the role reads no results"),
                    @ApiResponse(responseCode = "404", description = "no such campaign, or nothing (no such version) published yet")})
    @GetMapping("/api/v1/campaigns/{id}/report.docx")
    ResponseEntity<byte[]> docx(@PathVariable long id, @RequestParam(name = "snapshot", required = false)
                                @Parameter(description = "the published version (1, 2…); the latest when absent") Integer snapshot) {
        return file(reports.docx(id, snapshot));
    }

    @Operation(summary = "The campaign report of the published results, as PDF",
            description = "The same document as report.docx, drawn from the filled template, with its font (DejaVu Serif) "
                    + "embedded: every Vietnamese letter prints as written on any machine.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the report", content = @Content(mediaType = "application/pdf")),
                    @ApiResponse(responseCode = "401", description = "not signed in"),
                    @ApiResponse(responseCode = "403", description = "the campaign is not wholly within the caller's scope, or the role reads no results"),
                    @ApiResponse(responseCode = "404", description = "no such campaign, or nothing (no such version) published yet")})
    @GetMapping("/api/v1/campaigns/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(name = "snapshot", required = false)
                               @Parameter(description = "the published version (1, 2…); the latest when absent") Integer snapshot) {
        return file(reports.pdf(id, snapshot));
    }

    @Operation(summary = "The published figures as XLSX, one sheet per series and kind of domain",
            description = "A sheet of the version's approval and lineage, one of the strata (N_h, n_h, weight), then one per "
                    + "series and kind of domain frozen (sampled_nation, sampled_unit, counter_unit…): every index node a row, "
                    + "numbers as numbers with every digit of the snapshot, an empty figure an empty cell. No cell is suppressed "
                    + "(the portal's open data suppresses small cells).",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the workbook",
                            content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
                    @ApiResponse(responseCode = "401", description = "not signed in"),
                    @ApiResponse(responseCode = "403", description = "the campaign is outside the caller's scope, or the role reads no results"),
                    @ApiResponse(responseCode = "404", description = "no such campaign, or nothing (no such version) published yet")})
    @GetMapping("/api/v1/campaigns/{id}/estimates.xlsx")
    ResponseEntity<byte[]> estimates(@PathVariable long id, @RequestParam(name = "snapshot", required = false)
                                     @Parameter(description = "the published version (1, 2…); the latest when absent") Integer snapshot) {
        return file(reports.estimates(id, snapshot));
    }

    static ResponseEntity<byte[]> file(Reports.File file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.bytes());
    }
}
