package org.sipas.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.sipas.index.GradeBands;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Ranking;
import org.sipas.methodology.Label;
import org.sipas.web.ImportRejectedException;
import org.springframework.core.io.ClassPathResource;

/**
 * The template mechanism and the two renderings on a content built by hand: placeholders filled
 * across runs, rows repeated, a misspelt placeholder refused with its place, the PDF's text and font.
 */
class ReportRenderingTest {

    static final String TITLE = "Kết quả đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước";

    static ReportContent content() {
        GradeBands bands = new GradeBands(List.of(new GradeBands.Band("tot", Label.of("Tốt", "Good"), 80),
                new GradeBands.Band("kha", Label.of("Khá", "Fair"), 60), new GradeBands.Band("tb", Label.of("Trung bình", "Average"), 0)));
        IndexEstimate a = new IndexEstimate("SIPAS", "overall", 120, 84.2, 85.126, 2.0, 81.205, 89.045);
        IndexEstimate b = new IndexEstimate("SIPAS", "overall", 80, 70.0, 71.5, 3.1, 65.424, 77.576);
        List<ReportContent.UnitRow> units = List.of(new ReportContent.UnitRow("RRT.X1", "Phường Long Khánh", a),
                new ReportContent.UnitRow("RRT.X2", "Xã Xuân Lộc", b));
        List<Ranking.Ranked> ranked = Ranking.among(List.of(new Ranking.Candidate("RRT.X1", "RRT", a),
                new Ranking.Candidate("RRT.X2", "RRT", b)));
        List<ReportContent.RankRow> ranking = new ArrayList<>();
        for (Ranking.Ranked r : ranked) {
            ranking.add(new ReportContent.RankRow(r.unit().equals("RRT.X1") ? "Phường Long Khánh" : "Xã Xuân Lộc", r,
                    bands.grade(r.estimate().estimatePct()).map(x -> x.label().vi()).orElse("—")));
        }
        return new ReportContent(
                new ReportContent.Letterhead("UBND TỈNH ĐỒNG NAI", "SỞ NỘI VỤ", "12/BC-SNV", "Đồng Nai", LocalDate.of(2026, 7, 15),
                        TITLE, "- UBND tỉnh;\n- Lưu: VT.", "GIÁM ĐỐC", "Nguyễn Văn An"),
                new ReportContent.Subject("Khảo sát SIPAS quý II/2026", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30),
                        "Tỉnh Đồng Nai", "sipas-2017", "SIPAS 2017-2020", 1, 1, Instant.parse("2026-07-10T03:00:00Z"), "pheduyet", null),
                new ReportContent.Method(List.of(new ReportContent.Stratum("RRT.X1", "Phường Long Khánh", 1200, 120),
                        new ReportContent.Stratum("RRT.X2", "Xã Xuân Lộc", 800, 80)), 2025L, Instant.parse("2026-04-02T01:00:00Z"),
                        200, 71.4, 190, 6, 4, "12 phiếu được phúc tra: 11 xác nhận, 1 có sai lệch"),
                List.of(new ReportContent.IndexRow("Tiếp cận dịch vụ", new IndexEstimate("E1", "element", 200, 80.0, 80.5, 2.2, 76.2, 84.8)),
                        new ReportContent.IndexRow("Chỉ số hài lòng chung", new IndexEstimate("SIPAS", "overall", 200, 78.5, 79.125, 1.8, 75.597, 82.653))),
                units, ranking, bands,
                List.of(new ReportContent.Theme("thai_do", "Thái độ phục vụ", 14), new ReportContent.Theme("phi", "Phí, lệ phí", 6)),
                List.of(new ReportContent.CaseRow("RRT.X1", "Phường Long Khánh", 5, 3, 2, 1)),
                "Tăng cường hướng dẫn thủ tục.\nRút ngắn thời gian giải quyết hồ sơ.");
    }

    static ReportTemplate shipped() throws IOException {
        try (InputStream in = new ClassPathResource("reporting/templates/campaign-report.docx").getInputStream()) {
            return ReportTemplate.read("campaign-report.docx", in.readAllBytes(), ReportContent.VOCABULARY);
        }
    }

    @Test
    void theContentFillsEveryPlaceholderOfItsVocabulary() {
        assertThat(content().fields().answers(ReportContent.VOCABULARY)).isTrue();
    }

    @Test
    void theShippedTemplateGivesTheAdministrativeLayoutWithTheUnitsTable() throws IOException {
        byte[] docx = DocxReport.render(shipped(), content());
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String text = text(document);
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 12/BC-SNV",
                    "Đồng Nai, ngày 15 tháng 07 năm 2026", TITLE, "Tăng cường hướng dẫn thủ tục.").doesNotContain("${");
            XWPFTable units = document.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals("Đơn vị"))
                    .findFirst().orElseThrow();
            assertThat(units.getRows()).hasSize(3);
            assertThat(units.getRow(1).getCell(0).getText()).isEqualTo("Phường Long Khánh");
            assertThat(units.getRow(1).getCell(3).getText()).isEqualTo("85,13");
            assertThat(units.getRow(2).getCell(4).getText()).isEqualTo("65,42 – 77,58");
            XWPFRun first = document.getParagraphs().stream().flatMap(p -> p.getRuns().stream()).findFirst().orElseThrow();
            assertThat(first.getFontFamily()).isEqualTo("Times New Roman");
            assertThat(document.getAllPictures()).hasSize(1);
            // a recommendation a paragraph, each with the template paragraph's first-line indent
            XWPFParagraph second = document.getParagraphs().stream()
                    .filter(p -> p.getText().equals("Rút ngắn thời gian giải quyết hồ sơ.")).findFirst().orElseThrow();
            assertThat(second.getIndentationFirstLine()).isEqualTo(567);
            assertThat(document.getParagraphs()).anySatisfy(p -> assertThat(p.getText()).isEqualTo("Tăng cường hướng dẫn thủ tục."));
        }
    }

    @Test
    void thePdfHasTheTitleWithItsDiacriticsInAnEmbeddedFont() throws IOException {
        ReportContent content = content();
        byte[] pdf = PdfReport.render(DocxReport.render(shipped(), content), TITLE);
        Files.createDirectories(Path.of("target/reports"));
        Files.write(Path.of("target/reports/rendering.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Phường Long Khánh", "Rút ngắn thời gian giải quyết hồ sơ.");
            assertThat(text).contains(TITLE);
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("DejaVuSerif");
                }
            }
        }
    }

    @Test
    void aMisspeltPlaceholderIsRefusedWithItsPlace() throws IOException {
        byte[] docx;
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(shipped().bytes()))) {
            XWPFParagraph p = document.createParagraph();
            p.createRun().setText("Tên: ${campaign.");
            p.createRun().setText("nmae}");
            XWPFTableRow header = document.getTables().get(1).getRow(0);
            header.getCell(0).getParagraphs().get(0).createRun().setText("${strata.name}");
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.write(out);
            docx = out.toByteArray();
        }
        assertThatThrownBy(() -> ReportTemplate.read("sai.docx", docx, ReportContent.VOCABULARY))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> {
                    assertThat(e.file()).isEqualTo("sai.docx");
                    assertThat(e.errors()).extracting(x -> x.column() + " " + x.code()).containsExactlyInAnyOrder(
                            "${strata.name} report.template.fieldOutsideRow", "${campaign.nmae} report.template.unknown");
                });
    }

    @Test
    void aFileThatIsNoDocxIsRefused() {
        assertThatThrownBy(() -> ReportTemplate.read("notes.docx", "hello".getBytes(), ReportContent.VOCABULARY))
                .isInstanceOfSatisfying(ImportRejectedException.class,
                        e -> assertThat(e.errors()).extracting(x -> x.code()).containsExactly("report.template.unreadable"));
    }

    static String text(XWPFDocument document) {
        StringBuilder out = new StringBuilder();
        document.getBodyElements().forEach(e -> {
            if (e instanceof XWPFParagraph p) {
                out.append(p.getText()).append('\n');
            } else if (e instanceof XWPFTable t) {
                out.append(t.getText()).append('\n');
            }
        });
        return out.toString();
    }
}
