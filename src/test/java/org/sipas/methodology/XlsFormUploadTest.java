package org.sipas.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.sipas.identity.SignedIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.UnitDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** XLSForm uploads through the API and the page: stored, answered with their warnings, readable, rendered. */
@SpringBootTest
@AutoConfigureMockMvc
class XlsFormUploadTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UnitDirectory unitDirectory;

    RequestPostProcessor admin() {
        return as(new CurrentUser("methodologist", Set.of(Role.ADMIN), unitDirectory.root().id()));
    }

    private static String code() {
        return "x-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private ResultActions upload(byte[] workbook) throws Exception {
        return mvc.perform(multipart("/api/v1/methodologies")
                .file(new MockMultipartFile("file", "form.xlsx", MethodologyApi.XLSX, workbook)).with(admin()).with(csrf()));
    }

    private static String[][] settings(String code) {
        return new String[][] {{"form_id", "form_title::Deutsch (de)"}, {code, "Bürgerbefragung"}};
    }

    @Test
    void aGermanOnlyFormImportsAndItsQuestionnairePageIsInGerman() throws Exception {
        String code = code();
        upload(XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {
                        {"type", "name", "label::Deutsch (de)", "hint::Deutsch (de)"},
                        {"begin group", "besuch", "Ihr Besuch im Bürgerbüro", ""},
                        {"select_one ja_nein", "besucht", "Waren Sie zufrieden?", "Bitte wählen Sie eine Antwort"},
                        {"end group", "", "", ""},
                },
                "choices", new String[][] {{"list name", "value", "label::Deutsch (de)"}, {"ja_nein", "ja", "Ja, sehr"},
                        {"ja_nein", "nein", "Nein"}},
                "settings", settings(code))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings", hasSize(1)))
                .andExpect(jsonPath("$.warnings[0].code").value("methodology.warning.noVietnamese"))
                .andExpect(jsonPath("$.warnings[0].message").value(org.hamcrest.Matchers.containsString("tiếng Việt")));

        String page = mvc.perform(get("/methodologies/" + code + "/1/preview").with(admin()).session(new MockHttpSession()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("Ihr Besuch im Bürgerbüro", "Waren Sie zufrieden?", "Bitte wählen Sie eine Antwort",
                "Ja, sehr", "lang=\"de\"", ">Deutsch</a>").doesNotContain(">?<");
        mvc.perform(get("/api/v1/methodologies/" + code + "/1").with(admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.title.de").value("Bürgerbefragung"));
        String codebook = mvc.perform(get("/methodologies/" + code + "/1").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(codebook).contains("Nhãn (de)", "<td lang=\"de\">Waren Sie zufrieden?</td>");
    }

    @Test
    void anEmptyGroupAndANotesOnlyGroupAreStoredReadableAndRendered() throws Exception {
        String code = code();
        upload(XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {
                        {"type", "name", "label"},
                        {"begin group", "trong", "Trống"},
                        {"end group", "", ""},
                        {"begin group", "chao", "Lời chào"},
                        {"note", "loi_chao", "Xin cảm ơn Ông/Bà."},
                        {"end group", "", ""},
                        {"integer", "tuoi", "Tuổi"},
                },
                "settings", new String[][] {{"form_id"}, {code}})))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings[0].code").value("methodology.warning.emptyGroup"))
                .andExpect(jsonPath("$.warnings[0].line").value(2));

        mvc.perform(get("/api/v1/methodologies/" + code + "/1").with(admin())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/methodologies/" + code + "/1.xlsx").with(admin())).andExpect(status().isOk());
        mvc.perform(get("/methodologies/" + code + "/1").with(admin())).andExpect(status().isOk());
        String page = mvc.perform(get("/methodologies/" + code + "/1/preview").with(admin()).session(new MockHttpSession()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Xin cảm ơn Ông/Bà.");
    }

    @Test
    void anUnknownColumnIsNamedInTheWarningsOfTheUploadAndOfThePageAndIsExportedBack() throws Exception {
        String code = code();
        byte[] form = XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {{"type", "name", "label", "ma_kobo"}, {"text", "y_kien", "Ý kiến", "K-17"}},
                "settings", new String[][] {{"form_id"}, {code}}));
        upload(form).andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings[0].code").value("methodology.warning.columnKept"))
                .andExpect(jsonPath("$.warnings[0].column").value("ma_kobo"))
                .andExpect(jsonPath("$.warnings[0].file").value("form.xlsx › survey"));

        byte[] exported = mvc.perform(get("/api/v1/methodologies/" + code + "/1.xlsx").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet survey = workbook.getSheet("survey");
            short last = survey.getRow(0).getLastCellNum();
            assertThat(survey.getRow(0).getCell(last - 1).getStringCellValue()).isEqualTo("ma_kobo");
            assertThat(survey.getRow(2).getCell(last - 1).getStringCellValue()).isEqualTo("K-17");
        }

        var flash = mvc.perform(multipart("/methodologies").file(new MockMultipartFile("file", "form.xlsx",
                        MethodologyApi.XLSX, form)).with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("warnings", hasSize(1))).andReturn().getResponse();
        String page = mvc.perform(get("/methodologies").with(admin()).cookie(flash.getCookies()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("ma_kobo", "form.xlsx › survey");
    }

    @Test
    void aRefusedWorkbookNamesTheSheetRowAndColumnOnThePage() throws Exception {
        byte[] form = XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {{"type", "name", "label"}, {"text", "a", "A"}, {"begin repeat", "r", "R"},
                        {"text", "b", "B"}, {"end repeat", "", ""}}));
        upload(form).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(1)));
        var response = mvc.perform(multipart("/methodologies").file(new MockMultipartFile("file", "form.xlsx",
                        MethodologyApi.XLSX, form)).with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse();
        // the flash message lives in the staff session, which is in PostgreSQL and named by its cookie
        String page = mvc.perform(get("/methodologies").with(admin()).cookie(response.getCookies()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("form.xlsx › survey", "begin repeat");
    }

    @Test
    void theExampleXlsFormDownloadsFromThePageThatDocumentsTheIndexSheet() throws Exception {
        byte[] example = mvc.perform(get("/methodologies/example.xlsx").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(MethodologyFiles.isWorkbook(example)).isTrue();
        String page = mvc.perform(get("/methodologies").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("/methodologies/example.xlsx", "satisfied", "excluded", "share_satisfied");
    }

    @Test
    void arabicAndChineseLabelsWithTheirSpacesComeBackByteForByteFromTheStoreTheDownloadAndAReUpload() throws Exception {
        String code = code();
        upload(XlsFormSpecTest.arabicAndChineseWithSpaces(code)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings", hasSize(0)));
        assertStoredWords(code);

        byte[] exported = mvc.perform(get("/api/v1/methodologies/" + code + "/1.xlsx").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            assertThat(XlsFormSpecTest.cellsByHeader(workbook.getSheet("survey"), 2))
                    .containsEntry("label::Arabic (ar)", XlsFormSpecTest.ARABIC_LABEL)
                    .containsEntry("label::Chinese (zh)", XlsFormSpecTest.CHINESE_LABEL)
                    .containsEntry("hint::Chinese (zh)", XlsFormSpecTest.CHINESE_HINT);
            assertThat(XlsFormSpecTest.cellsByHeader(workbook.getSheet("choices"), 1))
                    .containsEntry("label::Arabic (ar)", XlsFormSpecTest.ARABIC_CHOICE)
                    .containsEntry("label::Chinese (zh)", XlsFormSpecTest.CHINESE_CHOICE);
        }

        // the download uploaded again is the same draft, word for word
        upload(exported).andExpect(status().isOk()).andExpect(jsonPath("$.replacedDraft").value(true))
                .andExpect(jsonPath("$.version").value(1));
        assertStoredWords(code);
    }

    private void assertStoredWords(String code) throws Exception {
        mvc.perform(get("/api/v1/methodologies/" + code + "/1").with(admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.sections[0].questions[0].label.ar").value(XlsFormSpecTest.ARABIC_LABEL))
                .andExpect(jsonPath("$.sections[0].questions[0].label.zh").value(XlsFormSpecTest.CHINESE_LABEL))
                .andExpect(jsonPath("$.sections[0].questions[0].hint.ar").value(XlsFormSpecTest.ARABIC_HINT))
                .andExpect(jsonPath("$.sections[0].questions[0].hint.zh").value(XlsFormSpecTest.CHINESE_HINT))
                .andExpect(jsonPath("$.choiceLists[0].choices[0].label.ar").value(XlsFormSpecTest.ARABIC_CHOICE))
                .andExpect(jsonPath("$.choiceLists[0].choices[0].label.zh").value(XlsFormSpecTest.CHINESE_CHOICE));
    }
}
