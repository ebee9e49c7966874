package org.sipas.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sipas.SipasApplication;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.UnitDirectory;
import org.sipas.index.Domain;
import org.sipas.index.Series;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The report of the demo campaign, as a newcomer gets it on a first start: the demo loads, its
 * results are approved as version 1, and the DOCX and PDF are made from them. Its own installation
 * (a fresh embedded PostgreSQL): the demo loads only into an empty catalogue. The files are kept
 * in {@code target/reports/} as the test's artifacts.
 */
class DemoReportTest {

    @TempDir
    Path dir;

    @Test
    void theDemoCampaignsReportIsProducedAsDocxAndPdfWithItsVietnameseTitle() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SipasApplication.class).run("--server.port=0",
                "--sipas.demo.enabled=true", "--sipas.demo.dossiers=5000", "--sipas.admin.password=demo-report-password",
                "--sipas.db.embedded.shared-in-jvm=false", "--sipas.db.embedded.shared-buffers=128MB",
                "--sipas.db.embedded.data-dir=" + dir.resolve("pg"), "--sipas.contacts.key-dir=" + dir.resolve("keys"))) {
            List<Snapshot> published = context.getBean(Publications.class).published();
            assertThat(published).as("the demo's results, approved as version 1").hasSize(1);
            Snapshot demo = published.get(0);
            assertThat(demo.version()).isEqualTo(1);
            CurrentUser reader = new CurrentUser("demo-report-test", Set.of(Role.ANALYST),
                    context.getBean(UnitDirectory.class).root().id());
            Reports reports = context.getBean(Reports.class);
            CurrentUsers users = context.getBean(CurrentUsers.class);
            long started = System.nanoTime();
            Reports.File docx = users.runAs(reader, () -> reports.docx(demo.campaignId(), null));
            long docxMs = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            Reports.File pdf = users.runAs(reader, () -> reports.pdf(demo.campaignId(), 1));
            long pdfMs = (System.nanoTime() - started) / 1_000_000;
            started = System.nanoTime();
            Reports.File xlsx = users.runAs(reader, () -> reports.estimates(demo.campaignId(), 1));
            long xlsxMs = (System.nanoTime() - started) / 1_000_000;
            // the figures of the closing report: first call of each, so the first template read and font load are in them
            System.out.printf("demo report: DOCX %d ms %d bytes, PDF %d ms %d bytes, XLSX %d ms %d bytes%n", docxMs,
                    docx.bytes().length, pdfMs, pdf.bytes().length, xlsxMs, xlsx.bytes().length);
            Path out = Files.createDirectories(Path.of("target/reports"));
            Files.write(out.resolve("demo-" + docx.name()), docx.bytes());
            Files.write(out.resolve("demo-" + pdf.name()), pdf.bytes());

            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.bytes()))) {
                String text = ReportRenderingTest.text(document);
                assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                        ReportContents.TITLE, demo.campaignName(), "ngày", "tháng", "năm").doesNotContain("${");
                XWPFTable units = document.getTables().stream()
                        .filter(t -> t.getRow(0).getCell(0).getText().equals("Đơn vị")).findFirst().orElseThrow();
                int demoUnits = demo.figures(Series.SAMPLED, Domain.UNIT).domains().size();
                assertThat(demoUnits).isGreaterThan(1);
                assertThat(units.getRows()).hasSize(1 + demoUnits);
            }
            try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
                String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                assertThat(text).contains(ReportContents.TITLE, "Kết quả đo lường sự hài lòng", demo.campaignName());
                for (PDPage page : document.getPages()) {
                    for (var name : page.getResources().getFontNames()) {
                        PDFont font = page.getResources().getFont(name);
                        assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                    }
                }
            }
        }
    }
}
