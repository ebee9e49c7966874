package org.sipas.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipas.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every import offers its file to fill in: the dossier template's columns are the ones the import
 * reads, its example row is accepted by the import as downloaded, and its XLSX lists the allowed
 * values under each coded column and explains every column; the catalog's lists do the same.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportTemplateTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    FrameCatalog catalog;

    @BeforeEach
    void catalog() {
        catalog = new FrameCatalog(jdbc, "FTP");
    }

    private RequestPostProcessor manager() {
        return Callers.as("manager-ftp", Role.UNIT_MANAGER, catalog.unitId("C1"));
    }

    @Test
    void theDossierTemplateAsDownloadedIsAcceptedByTheImport() throws Exception {
        byte[] csv = mvc.perform(get("/dossiers/template.csv").with(manager()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF" + String.join(",", DossierField.COLUMNS) + "\r\n");
        assertThat(text).contains("MAU-0001", catalog.code("C1"), "Công dân", "Trực tiếp", "Đã tiếp nhận");
        mvc.perform(post("/api/v1/dossiers/import").contentType("text/csv").content(csv).with(manager()))
                .andExpect(status().isOk());
        assertThat(catalog.dossiers("MAU-0001")).isEqualTo(1);
    }

    @Test
    void theDossierWorkbookOffersTheAllowedValuesAndExplainsEveryColumn() throws Exception {
        byte[] xlsx = mvc.perform(get("/dossiers/template.xlsx").with(manager()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet data = book.getSheet("Dữ liệu");
            assertThat(data.getRow(0).getCell(0).getStringCellValue()).isEqualTo("receipt_code");
            List<String> lists = data.getDataValidations().stream().map(DataValidation::getValidationConstraint)
                    .flatMap(c -> List.of(c.getExplicitListValues()).stream()).toList();
            assertThat(lists).contains("Công dân", "Doanh nghiệp", "Người được ủy quyền", "Trực tuyến", "Bưu chính", "Đã trả kết quả");
            Sheet guide = book.getSheet("Hướng dẫn");
            assertThat(guide.getLastRowNum()).isEqualTo(DossierField.COLUMNS.size());
            assertThat(guide.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Có");
            assertThat(guide.getRow(7).getCell(2).getStringCellValue()).contains("dd/MM/yyyy HH:mm");
        }
        byte[] english = mvc.perform(get("/dossiers/template.xlsx?lang=en").with(manager()))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(english))) {
            assertThat(book.getSheet("Guide").getRow(0).getCell(3).getStringCellValue()).isEqualTo("Allowed values");
        }
    }

    @Test
    void theCatalogListsHaveTheirTemplatesToo() throws Exception {
        RequestPostProcessor admin = Callers.as("padmin-ftp", Role.PROVINCE_ADMIN, catalog.unitId("P1"));
        for (String kind : new String[] {"units", "procedures", "officials"}) {
            String csv = mvc.perform(get("/" + kind + "/template.csv").with(admin)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(csv).as(kind).contains(catalog.code("P1"));
            mvc.perform(get("/" + kind + "/template.xlsx").with(admin)).andExpect(status().isOk());
        }
        mvc.perform(get("/units/template.csv").with(Callers.as("analyst-ftp", Role.ANALYST, catalog.unitId("P1"))))
                .andExpect(status().isForbidden());
    }
}
