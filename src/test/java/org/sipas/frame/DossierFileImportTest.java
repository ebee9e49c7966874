package org.sipas.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class DossierFileImportTest {

    private static final String HEADER = "receipt_code,procedure_code,unit_code,applicant_kind,applicant_name,applicant_phone,"
            + "received_at,appointment_at,returned_at,receiving_official,processing_official,channel,status\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    FrameCatalog catalog;

    @BeforeEach
    void catalog() {
        catalog = new FrameCatalog(jdbc, "FFI");
    }

    private String row(String receipt, String unit, String received, String appointment, String phone) {
        return String.join(",", receipt, catalog.code("T1"), catalog.code(unit), "Công dân", "Nguyễn Văn An", phone,
                received, appointment, "", catalog.code("O1"), "", "Trực tiếp", "Đã tiếp nhận") + "\n";
    }

    @Test
    void aFileWithThreeBadRowsIsRejectedWholeNamingExactlyThoseLines() throws Exception {
        String csv = HEADER
                + row("BAD-1", "C1", "02/01/2025 08:00", "09/01/2025", "0912345678")      // line 2
                + row("BAD-2", "NOWHERE", "02/01/2025 08:05", "", "0912345679")          // line 3: unknown unit
                + row("BAD-3", "C2", "02/01/2025", "", "")                               // line 4
                + row("BAD-4", "C1", "31/02/2025 08:00", "", "0912345670")               // line 5: no such date
                + row("BAD-5", "C1", "03/01/2025 10:00", "", "0912 345 671")              // line 6
                + row("BAD-6", "C1", "03/01/2025 10:00", "02/01/2025", "0912345672")      // line 7: appointment before receipt
                + row("BAD-7", "C2", "2025-01-04T09:30:00+07:00", "", "+84912345673");    // line 8

        mvc.perform(multipart("/api/v1/dossiers/import")
                        .file(new MockMultipartFile("file", "ho-so.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[*].line", containsInAnyOrder(3, 5, 7)))
                .andExpect(jsonPath("$.errors[*].column", containsInAnyOrder("unit_code", "received_at", "appointment_at")))
                .andExpect(jsonPath("$.errors[*].code", containsInAnyOrder(
                        "frame.unit.unknown", "frame.date.invalid", "frame.date.beforeReceipt")));

        assertThat(catalog.dossiers("BAD-")).isZero();
    }

    @Test
    void aRepeatedReceiptCodeInOneFileIsRejectedNamingTheLineItRepeats() throws Exception {
        String csv = HEADER
                + row("REP-1", "C1", "02/01/2025 08:00", "", "")
                + row("REP-2", "C1", "02/01/2025 08:00", "", "")
                + row("REP-1", "C2", "02/01/2025 08:00", "", "")   // another unit: not a repeat
                + row("REP-1", "C1", "05/01/2025 08:00", "", "");  // line 5 repeats line 2

        mvc.perform(post("/api/v1/dossiers/import").contentType("text/csv").content(csv)
                        .with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].line").value(5))
                .andExpect(jsonPath("$.errors[0].column").value("receipt_code"))
                .andExpect(jsonPath("$.errors[0].message").value("Trùng với dòng 2 trong cùng tệp."));
        assertThat(catalog.dossiers("REP-")).isZero();
    }

    @Test
    void importingTheSameFileAgainUpdatesInsteadOfDuplicating() throws Exception {
        String first = HEADER + row("AGAIN-1", "C1", "02/01/2025 08:00", "", "") + row("AGAIN-2", "C2", "02/01/2025 09:00", "", "");
        mvc.perform(post("/api/v1/dossiers/import").contentType("text/csv").content(first)
                        .with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(2));

        String second = first.replace("02/01/2025 09:00", "03/01/2025 09:00") + row("AGAIN-3", "C1", "04/01/2025 08:00", "", "");
        mvc.perform(post("/api/v1/dossiers/import").contentType("text/csv").content(second)
                        .with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(3))
                .andExpect(jsonPath("$.inserted").value(1))
                .andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.unchanged").value(1));

        assertThat(catalog.dossiers("AGAIN-")).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'dossier.import' AND detail = 'dossiers.csv'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anXlsxWithExcelDateCellsIsImported() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Hồ sơ");
            CellStyle dateTime = book.createCellStyle();
            dateTime.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            String[] header = HEADER.strip().split(",");
            Row top = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                top.createCell(i).setCellValue(header[i]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("XLSX-1");
            row.createCell(1).setCellValue(catalog.code("T2"));
            row.createCell(2).setCellValue(catalog.code("C2"));
            row.createCell(3).setCellValue("Doanh nghiệp");
            row.createCell(4).setCellValue("Công ty TNHH Ánh Dương");
            row.createCell(5).setCellValue("0283 822 1234");
            row.createCell(6).setCellValue(LocalDateTime.of(2025, 3, 14, 7, 45));
            row.getCell(6).setCellStyle(dateTime);
            row.createCell(7).setCellValue(LocalDateTime.of(2025, 3, 21, 16, 0));
            row.getCell(7).setCellStyle(dateTime);
            row.createCell(10).setCellValue(catalog.code("O2"));
            row.createCell(11).setCellValue("Bưu chính");
            row.createCell(12).setCellValue("Đang xử lý");
            book.write(out);
            xlsx = out.toByteArray();
        }

        mvc.perform(multipart("/api/v1/dossiers/import")
                        .file(new MockMultipartFile("file", "ho-so.xlsx", DossierApi.XLSX, xlsx))
                        .with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(1));

        Instant received = jdbc.sql("SELECT received_at FROM dossier WHERE receipt_code = 'XLSX-1'")
                .query(OffsetDateTime.class).single().toInstant();
        assertThat(received).isEqualTo(Instant.parse("2025-03-14T00:45:00Z"));
        assertThat(jdbc.sql("SELECT channel || ' ' || status || ' ' || applicant_kind FROM dossier WHERE receipt_code = 'XLSX-1'")
                .query(String.class).single()).isEqualTo("POSTAL IN_PROGRESS ENTERPRISE");
    }

    @Test
    void aFileBrokenAfterGoodRowsStoresNothingAndTheNextImportStillWorks() throws Exception {
        // more good rows than DossierWriter's first chunk: dossiers are being written when the broken quote is read
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 20_000; i++) {
            csv.append(row("BROKEN-" + i, "C1", "02/01/2025 08:00", "", "0912345678"));
        }
        csv.append("\"BROKEN-X,unterminated quote\n");
        mvc.perform(post("/api/v1/dossiers/import").contentType("text/csv").content(csv.toString())
                        .with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("import.file.unreadable"));
        assertThat(catalog.dossiers("BROKEN-")).isZero();

        mvc.perform(post("/api/v1/dossiers/import").contentType("text/csv")
                        .content(HEADER + row("AFTER-1", "C1", "02/01/2025 08:00", "", ""))
                        .with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(1));
    }

    @Test
    void anApplicantNameOrPhoneOverItsLimitIsALocatedErrorSayingTheLimit() throws Exception {
        String csv = HEADER
                + row("LONG-1", "C1", "02/01/2025 08:00", "", "0912345678").replace("Nguyễn Văn An", "Ă".repeat(201))
                + row("LONG-2", "C1", "02/01/2025 08:00", "", "0912 345 678 " + "9".repeat(20))
                + row("LONG-" + "3".repeat(100), "C1", "02/01/2025 08:00", "", "");
        mvc.perform(post("/api/v1/dossiers/import").contentType("text/csv").content(csv)
                        .with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("applicant_name"))
                .andExpect(jsonPath("$.errors[0].message").value("Giá trị dài 201 ký tự, quá giới hạn 200 ký tự."))
                .andExpect(jsonPath("$.errors[1].column").value("applicant_phone"))
                .andExpect(jsonPath("$.errors[1].message").value("Giá trị dài 33 ký tự, quá giới hạn 30 ký tự."))
                .andExpect(jsonPath("$.errors[2].column").value("receipt_code"))
                .andExpect(jsonPath("$.errors[2].message").value("Giá trị dài 105 ký tự, quá giới hạn 100 ký tự."));
        assertThat(catalog.dossiers("LONG-")).isZero();
    }

    @Test
    void anAddressOverItsLimitIsAnErrorNamingTheFileTheLineAndTheColumnNotTheAddress() throws Exception {
        String header = HEADER.replace("\n", ",applicant_address\n");
        String address = "Số 12 đường Trần Phú, phường Thành Sen, tỉnh Hà Tĩnh, ";
        String csv = header
                + row("ADDR-1", "C1", "02/01/2025 08:00", "", "0912345678").replace("\n", ",\"" + address + "\"\n")
                + row("ADDR-2", "C1", "02/01/2025 08:00", "", "0912345679").replace("\n", ",\"" + address.repeat(4) + "\"\n");
        int length = address.repeat(4).strip().length();
        mvc.perform(post("/api/v1/dossiers/import").param("name", "dia-chi.csv").contentType("text/csv").content(csv)
                        .with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.file").value("dia-chi.csv"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("applicant_address"))
                .andExpect(jsonPath("$.errors[0].message").value("Giá trị dài " + length + " ký tự, quá giới hạn 200 ký tự."));
        assertThat(catalog.dossiers("ADDR-")).isZero();
    }

    @Test
    void aFileWithoutTheDossierColumnsIsRejectedNamingThem() throws Exception {
        mvc.perform(post("/api/v1/dossiers/import").contentType("text/csv").content("receipt_code,unit_code\nX,Y\n")
                        .with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isUnprocessableContent())
                // every column but the optional address, which a file may leave out
                .andExpect(jsonPath("$.errors", hasSize(11)))
                .andExpect(jsonPath("$.errors[*].column", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("applicant_address"))))
                .andExpect(jsonPath("$.errors[0].code").value("import.column.missing"));
    }
}
