package org.sipas.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.sipas.identity.SignedIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.UnitDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Versions are stored, frozen when a campaign uses them, and keep the meaning of every variable. */
@SpringBootTest
@AutoConfigureMockMvc
class MethodologyVersionsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Methodologies methodologies;
    @Autowired
    UnitDirectory unitDirectory;
    @Autowired
    AuditLog audit;

    String code;

    @BeforeEach
    void aNewCode() {
        code = "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    RequestPostProcessor admin() {
        return as(new CurrentUser("methodologist", Set.of(Role.ADMIN), unitDirectory.root().id()));
    }

    RequestPostProcessor analyst() {
        return as(new CurrentUser("analyst", Set.of(Role.ANALYST), unitDirectory.root().id()));
    }

    String form() {
        return MethodologyFileProblemsTest.small().replace("code: small-test", "code: " + code);
    }

    ResultActions upload(String yaml) throws Exception {
        return mvc.perform(post("/api/v1/methodologies").param("name", code + ".yaml").contentType("application/yaml")
                .content(yaml.getBytes(StandardCharsets.UTF_8)).with(admin()).with(csrf()));
    }

    @Test
    void anUploadOfANewCodeIsStoredAndAudited() throws Exception {
        upload(form()).andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/methodologies/" + code + "/1"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.replacedDraft").value(false));

        assertThat(methodologies.latest(code).question("q1")).isPresent();
        assertThat(audit.page("methodology", 50, 0)).anySatisfy(e -> {
            assertThat(e.entityId()).isEqualTo(code + "/1");
            assertThat(e.action()).isEqualTo("methodology.upload");
            assertThat(e.actor()).isEqualTo("methodologist");
        });
    }

    @Test
    void aDraftIsReplacedButAFrozenVersionIsFollowedByTheNext() throws Exception {
        upload(form()).andExpect(status().isCreated());
        upload(form().replace("Câu ba", "Câu ba, sửa lời")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.replacedDraft").value(true));
        assertThat(methodologies.latest(code).question("q3").orElseThrow().label().vi()).isEqualTo("Câu ba, sửa lời");

        methodologies.freeze(code, 1);
        upload(form().replace("Câu ba", "Câu ba, lần hai")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2));

        assertThat(methodologies.isFrozen(code, 1)).isTrue();
        assertThat(methodologies.isFrozen(code, 2)).isFalse();
        assertThat(methodologies.find(code, 1).orElseThrow().question("q3").orElseThrow().label().vi())
                .isEqualTo("Câu ba, sửa lời");
        assertThat(methodologies.latest(code).version()).isEqualTo(2);
        assertThat(methodologies.all()).filteredOn(m -> m.code().equals(code)).extracting(Methodology::version)
                .containsExactly(1, 2);
        assertThat(audit.page("methodology", 50, 0)).anySatisfy(e -> {
            assertThat(e.entityId()).isEqualTo(code + "/1");
            assertThat(e.action()).isEqualTo("methodology.freeze");
        });
    }

    @Test
    void aChangedAnswerCodeUnderTheSameNameIsRejected() throws Exception {
        upload(form()).andExpect(status().isCreated());
        methodologies.freeze(code, 1);

        upload(form().replace("{code: khong, vi: \"Không\"", "{code: khg, vi: \"Không\""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("methodology.error.droppedCodes"))
                .andExpect(jsonPath("$.errors[0].column").value("sections[0].questions[1].type"))
                .andExpect(jsonPath("$.errors[0].line").value(26));
        upload(form().replace("type: integer", "type: text")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("methodology.error.changedType"));
        // a new meaning under a new name is fine, and the dropped q3 stays readable in version 1
        upload(form().replace("name: q3", "name: q3_text").replace("type: integer", "type: text")
                .replace("constraint: . >= 0", "constraint: string-length(.) < 10"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(2));
        assertThat(methodologies.find(code, 1).orElseThrow().question("q3")).isPresent();
    }

    @Test
    void aBrokenUploadAnswersEveryProblemWithItsPlace() throws Exception {
        upload(form().replace("relevant: ${q1} <= 2", "relevant: ${q1} <=").replace("satisfied: [3]", "satisfied: []"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[*].line", hasItem(28)))
                .andExpect(jsonPath("$.errors[*].column", hasItem("sections[0].questions[1].relevant")))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("sai cú pháp"))));
        assertThat(methodologies.find(code, 1)).isEmpty();
    }

    @Test
    void onlyAnAdministratorUploads() throws Exception {
        mvc.perform(post("/api/v1/methodologies").contentType("application/yaml").content(form()).with(analyst())
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/methodologies").with(analyst())).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("sipas-2017")));
        mvc.perform(get("/api/v1/methodologies/mot-cua-2018/1").with(analyst())).andExpect(status().isOk())
                .andExpect(jsonPath("$.index.code").value("HL"))
                .andExpect(jsonPath("$.index.rule").value("SHARE_SATISFIED"));
    }

    @Test
    void aShippedFileChangedWithoutANewVersionReplacesADraftButNeverAFrozenVersion() {
        MethodologyFiles.Read shipped = shipped(form());
        assertThat(methodologies.install(code + ".yaml", shipped)).isEqualTo(Methodologies.ShippedInstall.INSTALLED);
        assertThat(methodologies.install(code + ".yaml", shipped)).isEqualTo(Methodologies.ShippedInstall.UNCHANGED);
        assertThat(methodologies.install(code + ".yaml", shipped(form().replace("Câu ba", "Câu 3"))))
                .isEqualTo(Methodologies.ShippedInstall.REPLACED_DRAFT);

        methodologies.freeze(code, 1);

        assertThatThrownBy(() -> methodologies.install(code + ".yaml", shipped(form().replace("Câu ba", "Câu III"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("version: 2");
        assertThat(methodologies.latest(code).question("q3").orElseThrow().label().vi()).isEqualTo("Câu 3");
    }

    private static MethodologyFiles.Read shipped(String yaml) {
        return MethodologyFiles.read("shipped.yaml", yaml.getBytes(StandardCharsets.UTF_8),
                MethodologyRepository.Origin.SHIPPED);
    }

    @Test
    void anExportedXlsFormUploadsAsTheSameMethodology() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/v1/methodologies/sipas-2017/1.xlsx").with(analyst()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", MethodologyApi.XLSX))
                .andReturn().getResponse().getContentAsByteArray();

        mvc.perform(multipart("/api/v1/methodologies").file(new MockMultipartFile("file", "sipas.xlsx",
                        MethodologyApi.XLSX, withFormId(xlsx, code))).with(admin()).with(csrf()))
                .andExpect(status().isCreated());

        Methodology sipas = methodologies.latest("sipas-2017");
        Methodology uploaded = methodologies.latest(code);
        assertThat(uploaded.sections()).isEqualTo(sipas.sections());
        assertThat(uploaded.scales()).isEqualTo(sipas.scales());
        assertThat(uploaded.choiceLists()).isEqualTo(sipas.choiceLists());
        assertThat(uploaded.index()).isEqualTo(sipas.index());
        assertThat(methodologies.versions()).filteredOn(v -> v.code().equals(code))
                .extracting(MethodologyRepository.StoredVersion::origin).containsExactly(MethodologyRepository.Origin.XLSFORM);
    }

    /** The same workbook under another form_id, as a methodologist copies a form to start a new one. */
    private static byte[] withFormId(byte[] xlsx, String formId) throws java.io.IOException {
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
             var out = new java.io.ByteArrayOutputStream()) {
            workbook.getSheet("settings").getRow(1).getCell(0).setCellValue(formId);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void theCodebookListsEveryVariableWithItsValueLabels() throws Exception {
        mvc.perform(get("/api/v1/methodologies/sipas-2017/1/codebook").with(analyst()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.variables[?(@.name == 'c01')].values[3].countsAsSatisfied").value(true))
                .andExpect(jsonPath("$.variables[?(@.name == 'c01')].values[5].excludedFromBase").value(true))
                .andExpect(jsonPath("$.index.code").value("SIPAS"));
        String csv = mvc.perform(get("/api/v1/methodologies/sipas-2017/1/codebook.csv").with(analyst()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", Codebook.CSV_COLUMNS));
        assertThat(csv).contains("c01,Nơi ngồi chờ giải quyết thủ tục hành chính có đủ chỗ ngồi,"
                + "The waiting area has enough seats,SCALE,4,Hài lòng,Satisfied,false,true");
        assertThat(csv).contains("c01,Nơi ngồi chờ giải quyết thủ tục hành chính có đủ chỗ ngồi,"
                + "The waiting area has enough seats,SCALE,9,Không trả lời,No answer,true,false");
        assertThat(csv).contains("age,Tuổi,Age,INTEGER,,,,,");
        assertThat(csv).contains("e1_expect,");
    }

    @Test
    void pagesListVersionsAndShowTheCodebookInVietnameseAndEnglish() throws Exception {
        mvc.perform(get("/methodologies").with(analyst())).andExpect(status().isOk())
                .andExpect(content().string(
                        allOf(containsString("<h1>Phương pháp</h1>"),
                                containsString("href=\"/methodologies/sipas-2017/1\""),
                                containsString("/api/v1/methodologies/sipas-2017/1.xlsx"),
                                not(containsString("Tải lên phương pháp")))));
        mvc.perform(get("/methodologies").param("lang", "en").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(
                        allOf(containsString("<h1>Methodologies</h1>"),
                                containsString("Upload a methodology"))));
        mvc.perform(get("/methodologies/sipas-2017/1").with(analyst())).andExpect(status().isOk())
                .andExpect(content().string(
                        allOf(containsString("Sổ mã"), containsString("c22"),
                                containsString("${c09} &lt;= 2"), containsString("tỷ lệ hài lòng"),
                                containsString("Rất hài lòng"))));
        mvc.perform(get("/methodologies/dong-nai-2020/1").param("lang", "en").with(analyst()))
                .andExpect(status().isOk())
                .andExpect(content().string(
                        allOf(containsString("Codebook"), containsString("Index tree"),
                                containsString("Đồng Nai satisfaction index"), containsString("share satisfied"))));
        mvc.perform(get("/methodologies/no-such/1").with(analyst())).andExpect(status().isNotFound());
    }

    @Test
    void anUploadThroughThePageShowsItsProblems() throws Exception {
        mvc.perform(multipart("/methodologies").file(new MockMultipartFile("file", "bad.yaml", "application/yaml",
                        form().replace("type: integer", "type: number").getBytes(StandardCharsets.UTF_8)))
                        .with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash()
                        .attribute("errors", hasSize(1)));
        mvc.perform(multipart("/methodologies").file(new MockMultipartFile("file", "ok.yaml", "application/yaml",
                        form().getBytes(StandardCharsets.UTF_8))).with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(methodologies.find(code, 1)).isPresent();
    }
}
