package org.sipas.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.web.ImportErrors;
import org.sipas.index.Domain;
import org.sipas.index.DomainEstimate;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Percent;
import org.sipas.index.Series;
import org.sipas.index.Tallies;
import org.sipas.quality.ReviewDecisions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The report paths on a published campaign: the DOCX read back with POI (motto, title, the units
 * table with the snapshot's figures), the PDF's text and embedded font, the XLSX numbers equal to
 * the snapshot's, an uploaded template used, a wrong one refused with its place, the author's
 * recommendations in the report, and 404 with a problem while nothing is published.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportsTest {

    private static final Percent VI = new Percent(java.util.Locale.forLanguageTag("vi"));

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Tallies tallies;
    @Autowired
    ReviewDecisions reviews;
    @Autowired
    ResultsApproval approval;
    @Autowired
    CurrentUsers users;
    @Autowired
    AuditLog audit;
    @Autowired
    MockMvc mvc;

    private ResultsCampaign published(String prefix, int interviews) {
        ResultsCampaign campaign = new ResultsCampaign(fixtures, store, jdbc, prefix, 20, prefix.hashCode());
        for (int i = 0; i < interviews; i++) {
            campaign.interview();
        }
        users.runAs(campaign.provinceAdmin, () -> {
            reviews.checkArrivals();
            return reviews.decide(campaign.id(), campaign.responses, "ACCEPTED", "đạt yêu cầu", "phiếu thử: chấp nhận");
        });
        tallies.fold();
        users.runAs(campaign.analyst, () -> {
            approval.prepare(campaign.id());
            return approval.submit(campaign.id(), null);
        });
        users.runAs(campaign.nationalAdmin, () -> approval.approve(campaign.id(), "Đồng ý công bố"));
        return campaign;
    }

    private Snapshot snapshot(ResultsCampaign campaign) {
        return users.runAs(campaign.nationalAdmin, () -> approval.overview(campaign.id())).published().isEmpty() ? null
                : publicationsLatest(campaign);
    }

    @Autowired
    Publications publications;

    private Snapshot publicationsLatest(ResultsCampaign campaign) {
        return publications.latest(campaign.id()).orElseThrow();
    }

    private byte[] download(String path, long id, CurrentUser who) throws Exception {
        return mvc.perform(get(path, id).with(SignedIn.as(who))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void theReportOfAPublishedCampaignHasTheMottoTitleAndTheUnitsWithTheirFigures() throws Exception {
        ResultsCampaign campaign = published("RPA", 16);
        Snapshot snapshot = publicationsLatest(campaign);
        mvc.perform(post("/campaigns/{id}/report", campaign.id()).with(SignedIn.as(campaign.analyst)).with(csrf())
                        .param("snapshot", "1").param("number", "07/BC-RPA").param("issuer", "SỞ NỘI VỤ").param("place", "Đồng Nai")
                        .param("date", "15/07/2026").param("signerTitle", "GIÁM ĐỐC").param("signerName", "Trần Thị Bình")
                        .param("recommendations", "Rút ngắn thời gian trả kết quả.\nNiêm yết công khai phí, lệ phí."))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "reports.draft.saved"));
        assertThat(audit.page("report_draft", 10, 0)).anySatisfy(e -> assertThat(e.entityId()).isEqualTo(campaign.id() + "/1"));

        mvc.perform(get("/campaigns/{id}/report", campaign.id()).with(SignedIn.as(campaign.analyst)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("Trần Thị Bình"),
                        org.hamcrest.Matchers.containsString("15/07/2026"),
                        org.hamcrest.Matchers.containsString("/api/v1/campaigns/" + campaign.id() + "/report.pdf?snapshot=1"))));

        byte[] docx = download("/api/v1/campaigns/{id}/report.docx", campaign.id(), campaign.analyst);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = ReportRenderingTest.text(document);
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 07/BC-RPA",
                    "Đồng Nai, ngày 15 tháng 07 năm 2026", ReportContents.TITLE, snapshot.campaignName(),
                    "Niêm yết công khai phí, lệ phí.", "Trần Thị Bình").doesNotContain("${");
            XWPFTable units = document.getTables().stream()
                    .filter(t -> t.getRow(0).getCell(0).getText().equals("Đơn vị")).findFirst().orElseThrow();
            List<DomainEstimate> expected = snapshot.figures(Series.SAMPLED, Domain.UNIT).domains();
            assertThat(units.getRows()).hasSize(1 + expected.size());
            for (int i = 0; i < expected.size(); i++) {
                IndexEstimate overall = expected.get(i).overall();
                assertThat(units.getRow(i + 1).getCell(0).getText()).isEqualTo(expected.get(i).name());
                assertThat(units.getRow(i + 1).getCell(1).getText()).isEqualTo(String.valueOf(overall.n()));
                assertThat(units.getRow(i + 1).getCell(3).getText()).isEqualTo(VI.number(overall.estimatePct()));
                assertThat(units.getRow(i + 1).getCell(4).getText()).isEqualTo(ReportContent.ci(overall));
            }
        }

        mvc.perform(get("/api/v1/campaigns/{id}/report.docx?snapshot=5", campaign.id()).with(SignedIn.as(campaign.analyst)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("phiên bản kết quả đã công bố số 5")));

        byte[] pdf = download("/api/v1/campaigns/{id}/report.pdf", campaign.id(), campaign.analyst);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(ReportContents.TITLE, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Trần Thị Bình");
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                }
            }
        }
    }

    @Test
    void theReportFilesOfASnapshotAreUnchangedAfterAResponseItCountedIsRejectedAndAnotherCleaned() throws Exception {
        ResultsCampaign campaign = published("RPF", 16);
        Snapshot first = publicationsLatest(campaign);
        Files before = files(campaign, "?snapshot=1");
        assertThat(before.docx()).contains("16");
        assertThat(before.pdf()).contains(ReportContents.TITLE);

        // quality control rejects a response the snapshot counted and cleans another's answer: the live figures move
        users.runAs(campaign.provinceAdmin, () -> reviews.decide(campaign.id(), List.of(campaign.responses.get(0)), "REJECTED",
                "phúc tra: phỏng vấn không diễn ra", "phiếu thử: loại sau phúc tra"));
        mvc.perform(post("/api/v1/responses/{id}/corrections", campaign.responses.get(1)).with(SignedIn.as(campaign.provinceAdmin))
                        .contentType("application/json")
                        .content("{\"question\":\"c01\",\"value\":\"1\",\"reason\":\"làm sạch: người trả lời đọc nhầm thang đo\"}"))
                .andExpect(status().isOk());
        tallies.fold();

        // the report of the published version is the same, word for word, chart for chart, cell for cell
        Files after = files(campaign, "?snapshot=1");
        assertThat(after.docx()).isEqualTo(before.docx());
        assertThat(after.charts()).isEqualTo(before.charts());
        assertThat(after.pdf()).isEqualTo(before.pdf());
        assertThat(after.xlsx()).isEqualTo(before.xlsx());
        assertThat(files(campaign, "").docx()).isEqualTo(before.docx());

        // a correction is another report: version 2 with 15 responses, version 1's still as it was
        users.runAs(campaign.analyst, () -> {
            approval.prepare(campaign.id());
            return approval.submit(campaign.id(), "Loại một phiếu sau phúc tra");
        });
        Snapshot second = users.runAs(campaign.nationalAdmin, () -> approval.approve(campaign.id(), "Đồng ý công bố bản đính chính"));
        assertThat(second.overall().domains().get(0).n()).isEqualTo(15);
        Files corrected = files(campaign, "");
        assertThat(corrected.docx()).isNotEqualTo(before.docx()).contains("Loại một phiếu sau phúc tra");
        assertThat(corrected.xlsx()).isNotEqualTo(before.xlsx());
        assertThat(files(campaign, "?snapshot=1").docx()).isEqualTo(before.docx());
        assertThat(first.overall().domains().get(0).n()).isEqualTo(16);
    }

    /** What a reader finds in the three files: the DOCX's text and chart images, the PDF's text, every XLSX cell. */
    record Files(String docx, List<String> charts, String pdf, List<String> xlsx) {
    }

    private Files files(ResultsCampaign campaign, String query) throws Exception {
        byte[] docx = download("/api/v1/campaigns/{id}/report.docx" + query, campaign.id(), campaign.analyst);
        String text;
        List<String> charts = new java.util.ArrayList<>();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            text = ReportRenderingTest.text(document);
            document.getAllPictures().forEach(p -> charts.add(java.util.HexFormat.of().formatHex(p.getData())));
        }
        String pdfText;
        try (PDDocument document = Loader.loadPDF(download("/api/v1/campaigns/{id}/report.pdf" + query, campaign.id(), campaign.analyst))) {
            pdfText = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        List<String> cells = new java.util.ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                download("/api/v1/campaigns/{id}/estimates.xlsx" + query, campaign.id(), campaign.analyst)))) {
            org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT);
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + format.formatCellValue(cell)
                                + (cell.getCellType() == CellType.NUMERIC ? "|" + cell.getNumericCellValue() : ""));
                    }
                }
            }
        }
        return new Files(text, charts, pdfText, cells);
    }

    @Test
    void theWorkbookNumbersAreTheSnapshotsOwn() throws Exception {
        ResultsCampaign campaign = published("RPB", 14);
        Snapshot snapshot = publicationsLatest(campaign);
        byte[] xlsx = download("/api/v1/campaigns/{id}/estimates.xlsx?snapshot=1", campaign.id(), campaign.analyst);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Map.Entry<Series, Map<Domain, org.sipas.index.CampaignEstimates>> series : snapshot.figures().entrySet()) {
                for (Map.Entry<Domain, org.sipas.index.CampaignEstimates> domain : series.getValue().entrySet()) {
                    Sheet sheet = book.getSheet(EstimatesWorkbook.sheetName(series.getKey(), domain.getKey()));
                    assertThat(sheet).as(series.getKey() + " " + domain.getKey()).isNotNull();
                    Map<String, Row> rows = new HashMap<>();
                    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                        Row row = sheet.getRow(r);
                        rows.put(row.getCell(1).getStringCellValue() + "|" + row.getCell(4).getStringCellValue(), row);
                    }
                    int count = 0;
                    for (DomainEstimate d : domain.getValue().domains()) {
                        for (IndexEstimate e : d.figures()) {
                            Row row = rows.get(d.code() + "|" + e.index());
                            assertThat(row).as(d.code() + " " + e.index()).isNotNull();
                            assertThat(row.getCell(6).getNumericCellValue()).isEqualTo((double) e.n());
                            number(row.getCell(7), e.unweightedPct());
                            number(row.getCell(8), e.estimatePct());
                            number(row.getCell(9), e.sePct());
                            number(row.getCell(10), e.ci95Low());
                            number(row.getCell(11), e.ci95High());
                            count++;
                        }
                    }
                    assertThat(rows).hasSize(count);
                }
            }
            Sheet strata = book.getSheet("strata");
            assertThat(strata.getLastRowNum()).isEqualTo(snapshot.lineage().strata().size());
            assertThat(strata.getRow(1).getCell(3).getNumericCellValue()).isEqualTo((double) snapshot.lineage().strata().get(0).frameSize());
        }
    }

    private static void number(Cell cell, Double expected) {
        if (expected == null) {
            assertThat(cell == null || cell.getCellType() == CellType.BLANK).isTrue();
        } else {
            assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(cell.getNumericCellValue()).isEqualTo(expected);
        }
    }

    @Test
    void nothingPublishedIsA404WithAProblemSayingSo() throws Exception {
        ResultsCampaign campaign = new ResultsCampaign(fixtures, store, jdbc, "RPC", 20, 3);
        for (String path : List.of("report.docx", "report.pdf", "estimates.xlsx")) {
            mvc.perform(get("/api/v1/campaigns/{id}/" + path, campaign.id()).with(SignedIn.as(campaign.analyst)))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("urn:sipas:problem:not-published"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("chưa có kết quả")));
        }
    }

    @Test
    void anUploadedTemplateIsUsedAndAWrongOneIsRefusedWithItsPlace() throws Exception {
        ResultsCampaign campaign = published("RPD", 10);
        CurrentUser admin = campaign.nationalAdmin;
        byte[] shipped = mvc.perform(get("/admin/report-templates/campaign/template.docx").with(SignedIn.as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try {
            byte[] own = withParagraph(shipped, "Mẫu riêng của tỉnh cho ", "${campaign.name}", " (phiên bản ${snapshot.version})");
            mvc.perform(multipart("/admin/report-templates/campaign")
                            .file(new MockMultipartFile("file", "mau-tinh.docx", ReportTemplate.CONTENT_TYPE, own))
                            .with(SignedIn.as(admin)).with(csrf()))
                    .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("done", "reports.templates.uploaded"));
            byte[] docx = download("/api/v1/campaigns/{id}/report.docx", campaign.id(), campaign.analyst);
            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
                assertThat(ReportRenderingTest.text(document))
                        .contains("Mẫu riêng của tỉnh cho " + publicationsLatest(campaign).campaignName() + " (phiên bản 1)");
            }

            byte[] wrong = withParagraph(shipped, "Tên đợt: ", "${campaign.nmae}", "");
            Object errors = mvc.perform(multipart("/admin/report-templates/campaign")
                            .file(new MockMultipartFile("file", "mau-sai.docx", ReportTemplate.CONTENT_TYPE, wrong))
                            .with(SignedIn.as(admin)).with(csrf()))
                    .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("errors");
            assertThat(errors).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(ImportErrors.Shown.class))
                    .singleElement().satisfies(e -> {
                        assertThat(e.file()).isEqualTo("mau-sai.docx");
                        assertThat(e.column()).isEqualTo("${campaign.nmae}");
                        assertThat(e.code()).isEqualTo("report.template.unknown");
                        assertThat(e.message()).isEqualTo("${campaign.nmae}: loại báo cáo này không có trường đó.");
                    });
            mvc.perform(get("/admin/report-templates").with(SignedIn.as(admin)).flashAttr("errors", List.of()))
                    .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("mau-tinh.docx")));
            assertThat(audit.page("report_template", 10, 0)).anySatisfy(e -> assertThat(e.action()).isEqualTo("report.template.upload"));
        } finally {
            mvc.perform(post("/admin/report-templates/campaign/reset").with(SignedIn.as(admin)).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        byte[] docx = download("/api/v1/campaigns/{id}/report.docx", campaign.id(), campaign.analyst);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(ReportRenderingTest.text(document)).doesNotContain("Mẫu riêng của tỉnh");
        }
    }

    @Test
    void aCommuneManagerGetsTheTablesButNotTheProvincesReport() throws Exception {
        ResultsCampaign campaign = published("RPE", 8);
        CurrentUser commune = new CurrentUser("rpe-xa", Set.of(Role.UNIT_MANAGER), campaign.field.commune1());
        mvc.perform(get("/api/v1/campaigns/{id}/estimates.xlsx", campaign.id()).with(SignedIn.as(commune))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/campaigns/{id}/report.docx", campaign.id()).with(SignedIn.as(commune))).andExpect(status().isForbidden());
    }

    /** The DOCX with one paragraph more at its end, its text in three runs (as Word splits a typed placeholder). */
    static byte[] withParagraph(byte[] docx, String... runs) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var paragraph = document.createParagraph();
            for (String run : runs) {
                String text = run;
                // split each placeholder itself in two runs
                int half = text.length() / 2;
                paragraph.createRun().setText(text.substring(0, half));
                paragraph.createRun().setText(text.substring(half));
            }
            document.write(out);
            return out.toByteArray();
        }
    }
}
