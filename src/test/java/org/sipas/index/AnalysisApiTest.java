package org.sipas.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The standalone engine over HTTP: the API answers R's figures as CSV, bad files get a 422 naming line and column. */
@SpringBootTest
@AutoConfigureMockMvc
class AnalysisApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private RequestPostProcessor as(Role role) {
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        return SignedIn.as(new CurrentUser("test-analysis-" + role.name().toLowerCase(), Set.of(role), nation));
    }

    private static String text(String resource) {
        try (InputStream in = EstimationFixtures.open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockMultipartHttpServletRequestBuilder upload(String path, String folder,
                                                                 UnaryOperator<String> responses,
                                                                 UnaryOperator<String> frame, UnaryOperator<String> tree) {
        return multipart(path)
                .file(part("responses", "responses.csv", responses.apply(text(folder + "/responses.csv"))))
                .file(part("frame_sizes", "frame_sizes.csv", frame.apply(text(folder + "/frame_sizes.csv"))))
                .file(part("index_tree", "index_tree.csv", tree.apply(text(folder + "/index_tree.csv"))));
    }

    private static MockMultipartHttpServletRequestBuilder upload(String folder) {
        return upload("/api/v1/analysis/estimate", folder, UnaryOperator.identity(), UnaryOperator.identity(),
                UnaryOperator.identity());
    }

    private static MockMultipartFile part(String name, String file, String content) {
        return new MockMultipartFile(name, file, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    /** The answer read back as R would read it: NA is empty, numbers as written. */
    private static List<AnalysisSample.DomainEstimate> parse(String csv) throws IOException {
        List<AnalysisSample.DomainEstimate> rows = new ArrayList<>();
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            rows.add(new AnalysisSample.DomainEstimate(r.get("domain_kind"), r.get("domain"), new IndexEstimate(
                    r.get("index"), r.get("level"), Long.parseLong(r.get("n")), number(r.get("unweighted_pct")),
                    number(r.get("estimate_pct")), number(r.get("se_pct")), number(r.get("ci95_low")),
                    number(r.get("ci95_high")))));
        }
        return rows;
    }

    /** The XLSX read back cell by cell: numbers are numeric cells, an empty figure an empty cell. */
    private static List<AnalysisSample.DomainEstimate> readXlsx(byte[] xlsx) throws IOException {
        List<AnalysisSample.DomainEstimate> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(9).getStringCellValue()).isEqualTo("ci95_high");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Double[] figures = new Double[5];
                for (int c = 0; c < 5; c++) {
                    Cell cell = row.getCell(5 + c);
                    figures[c] = cell == null ? null : cell.getNumericCellValue();
                }
                rows.add(new AnalysisSample.DomainEstimate(row.getCell(0).getStringCellValue(),
                        row.getCell(1).getStringCellValue(), new IndexEstimate(row.getCell(3).getStringCellValue(),
                        row.getCell(2).getStringCellValue(), (long) row.getCell(4).getNumericCellValue(), figures[0],
                        figures[1], figures[2], figures[3], figures[4])));
            }
        }
        return rows;
    }

    private static Double number(String cell) {
        return cell.equals("NA") ? null : Double.valueOf(cell);
    }

    @Test
    void theFixtureUploadedByAnAnalystComesBackAsRsFiguresInCsv() throws Exception {
        String csv = mvc.perform(upload("estimation-small").with(as(Role.ANALYST)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(csv).startsWith(String.join(",", EstimateTable.COLUMNS) + "\r\n");
        assertThat(csv).contains("unit,U7502,criterion,c22,40,NA,NA,NA,NA,NA\r\n");
        List<AnalysisSample.DomainEstimate> rows = parse(csv);
        assertThat(rows).hasSize(308);
        assertThat(EstimationFixtures.assertMatches(EstimationFixtures.expected("estimation-small/expected.csv"), rows))
                .isEqualTo(308);
    }

    @Test
    void aCrossStratumDomainIsAskedByNamingItsColumn() throws Exception {
        String csv = mvc.perform(upload("domain").param("by", "channel").with(as(Role.PROVINCE_ADMIN)).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(EstimationFixtures.assertMatches(EstimationFixtures.expected("domain/expected_channel.csv"), parse(csv)))
                .isEqualTo(36);
    }

    @Test
    void aMissingFileIsA422NamingItAndACallerWithoutTheRoleIsRefusedBeforeAnyFileIsLookedAt() throws Exception {
        mvc.perform(multipart("/api/v1/analysis/estimate").with(as(Role.ANALYST)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.file").value("responses"))
                .andExpect(jsonPath("$.errors[0].code").value("import.file.missing"));
        mvc.perform(multipart("/api/v1/analysis/estimate").with(as(Role.INTERVIEWER)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aUnitUnknownToTheFrameIsRejectedWithItsLineAndColumn() throws Exception {
        mvc.perform(upload("/api/v1/analysis/estimate", "estimation-small",
                        r -> r.replace("U7501-0003,U7501,75,", "U7501-0003,U7599,75,"), f -> f, t -> t)
                        .with(as(Role.ANALYST)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.file").value("responses.csv"))
                .andExpect(jsonPath("$.errors[0].line").value(4))
                .andExpect(jsonPath("$.errors[0].column").value("unit"))
                .andExpect(jsonPath("$.errors[0].code").value("analysis.response.unitUnknown"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("U7599")));
    }

    @Test
    void anAnswerOutsideTheScaleAndARepeatedResponseIdAreEachNamed() throws Exception {
        mvc.perform(upload("/api/v1/analysis/estimate", "estimation-small",
                        r -> r.replace("U7501-0002,U7501,75,4,3,", "U7501-0002,U7501,75,4,7,")
                                .replace("U7501-0004,", "U7501-0001,"), f -> f, t -> t)
                        .with(as(Role.ANALYST)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("c02"))
                .andExpect(jsonPath("$.errors[0].code").value("analysis.response.answerOutsideScale"))
                .andExpect(jsonPath("$.errors[1].line").value(5))
                .andExpect(jsonPath("$.errors[1].column").value("response_id"));
    }

    @Test
    void aMissingFrameSizeAndAFrameSmallerThanItsSampleNameTheFrameFile() throws Exception {
        mvc.perform(upload("/api/v1/analysis/estimate", "estimation-small", r -> r,
                        f -> f.replace("U7502,75,40", "U7502,75,"), t -> t)
                        .with(as(Role.ANALYST)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.file").value("frame_sizes.csv"))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("N_h"))
                .andExpect(jsonPath("$.errors[0].code").value("import.value.required"));
        mvc.perform(upload("/api/v1/analysis/estimate", "estimation-small", r -> r,
                        f -> f.replace("U7502,75,40", "U7502,75,39"), t -> t)
                        .with(as(Role.ANALYST)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.file").value("frame_sizes.csv"))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].code").value("analysis.frame.sizeBelowSample"));
    }

    @Test
    void aCriterionOfTheTreeWithoutItsColumnIsRejected() throws Exception {
        mvc.perform(upload("/api/v1/analysis/estimate", "estimation-small", r -> r, f -> f, t -> t + "c23,E5\n")
                        .with(as(Role.ANALYST)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.file").value("responses.csv"))
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].column").value("c23"));
        mvc.perform(upload("/api/v1/analysis/estimate", "estimation-small", r -> r, f -> f, t -> t + "c21,E4\n")
                        .with(as(Role.ANALYST)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.file").value("index_tree.csv"))
                .andExpect(jsonPath("$.errors[0].line").value(24))
                .andExpect(jsonPath("$.errors[0].column").value("criterion"));
    }

    @Test
    void theEndpointIsDocumentedInTheOpenApi() throws Exception {
        mvc.perform(get("/api/v1/openapi"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/analysis/estimate'].post.summary")
                        .value("Index estimates with confidence intervals from uploaded responses"));
    }

    @Test
    void onlyAnalystsAndAdministratorsMayEstimate() throws Exception {
        mvc.perform(upload("estimation-small").with(as(Role.UNIT_MANAGER)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/analysis").with(as(Role.UNIT_MANAGER))).andExpect(status().isForbidden());
    }

    @Test
    void thePageDownloadsTheFiguresAsXlsxAndShowsABadFilesErrors() throws Exception {
        mvc.perform(get("/analysis").with(as(Role.ANALYST)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(
                        Matchers.containsString("Tính chỉ số từ dữ liệu thu thập ở nơi khác"),
                        Matchers.containsString("href=\"/analysis\""))));
        byte[] xlsx = mvc.perform(upload("/analysis", "estimation-small", r -> r, f -> f, t -> t).param("format", "xlsx")
                        .with(as(Role.ADMIN)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.containsString("estimates.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(EstimationFixtures.assertMatches(EstimationFixtures.expected("estimation-small/expected.csv"),
                readXlsx(xlsx))).isEqualTo(308);
        mvc.perform(upload("/analysis", "estimation-small", r -> r, f -> f, t -> t).param("lang", "en")
                        .with(as(Role.ANALYST)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.startsWith("\uFEFFdomain_kind,")));
        mvc.perform(upload("/analysis", "estimation-small",
                        r -> r.replace("U7501-0002,U7501,75,4,3,", "U7501-0002,U7501,75,4,7,"), f -> f, t -> t)
                        .with(as(Role.ANALYST)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("Tệp có lỗi: responses.csv"),
                        Matchers.containsString("c02"),
                        Matchers.containsString("không thuộc thang đánh giá (hợp lệ: 1, 2, 3, 4, 5; bị loại: 0, 9)"))));
    }
}
