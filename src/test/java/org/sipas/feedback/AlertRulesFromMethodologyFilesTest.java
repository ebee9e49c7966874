package org.sipas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.sipas.identity.SignedIn.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.UnitDirectory;
import org.sipas.methodology.AlertKind;
import org.sipas.methodology.AlertSeverity;
import org.sipas.methodology.Methodologies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The alert rules a methodology file declares become the version's rules when it is stored; a next
 * version without rules of its own keeps those that still read its questions; a download carries
 * the rules as edited since, so a form moved to another installation alerts the same.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AlertRulesFromMethodologyFilesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UnitDirectory units;
    @Autowired
    AlertRules rules;
    @Autowired
    Methodologies methodologies;
    @Autowired
    JdbcClient jdbc;

    String code;

    @BeforeEach
    void aNewCode() {
        code = "al-" + UUID.randomUUID().toString().substring(0, 8);
    }

    RequestPostProcessor admin() {
        return as(new CurrentUser("rule-author", Set.of(Role.ADMIN), units.root().id()));
    }

    static String form() {
        try (InputStream in = AlertRulesFromMethodologyFilesTest.class.getResourceAsStream("/methodology/forms/small-alerts.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    ResultActions upload(String name, String contentType, byte[] content) throws Exception {
        return mvc.perform(post("/api/v1/methodologies").param("name", name).contentType(contentType).content(content)
                .with(admin()).with(csrf()));
    }

    ResultActions uploadYaml(String yaml) throws Exception {
        return upload(code + ".yaml", "application/yaml", yaml.replace("code: small-alerts", "code: " + code).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theRulesAFileDeclaresAreTheVersionsRulesAndTheirAdditionIsAudited() throws Exception {
        uploadYaml(form()).andExpect(status().isCreated());

        List<AlertRule> stored = rules.of(code, 1);
        assertThat(stored).extracting(AlertRule::code).containsExactly("fees", "officials", "overall-low", "watch-list");
        AlertRule low = stored.get(2);
        assertThat(low.kind()).isEqualTo(AlertKind.RATING_AT_MOST);
        assertThat(low.level()).isEqualTo(1);
        assertThat(low.channels()).containsExactly("KIOSK");
        assertThat(low.severity()).isEqualTo(AlertSeverity.LOW);
        assertThat(low.enabled()).isFalse();
        assertThat(stored.get(3).words()).containsExactly("nhũng nhiễu", "gây khó dễ", "bồi dưỡng");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'alert-rule.added' AND actor = 'rule-author' AND detail LIKE :d")
                .param("d", code + " v1 %").query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void aRuleNamingAChannelThatDoesNotExistRefusesTheWholeFile() throws Exception {
        uploadYaml(form().replace("channels: [KIOSK]", "channels: [FAX]"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].column").value("alerts[1].channels"))
                .andExpect(jsonPath("$.errors[0].message", containsString("FAX")));

        assertThat(methodologies.find(code, 1)).isEmpty();
        assertThat(rules.of(code, 1)).isEmpty();
    }

    @Test
    void aNextVersionWithoutRulesKeepsThoseThatStillReadItsQuestions() throws Exception {
        uploadYaml(form()).andExpect(status().isCreated());
        methodologies.freeze(code, 1);
        // version 2 drops the open question and declares no rules
        String next = form().substring(0, form().indexOf("alerts:"))
                .replace("      - name: q3\n        type: text\n        label: \"Góp ý\"\n", "");

        uploadYaml(next).andExpect(status().isCreated());

        assertThat(rules.of(code, 2)).extracting(AlertRule::code).containsExactly("fees", "officials", "overall-low");
        assertThat(rules.of(code, 2).get(2).enabled()).isFalse();
    }

    @Test
    void aDownloadCarriesTheRulesAsEditedAndAnotherInstallationReadsThemBack() throws Exception {
        uploadYaml(form()).andExpect(status().isCreated());
        mvc.perform(post("/feedback/rules").param("methodology", code + "/1").param("code", "fees").param("kind", "ANSWER_IN")
                        .param("questions", "q2").param("codes", "co").param("severity", "MEDIUM")
                        .param("label", "Phí, lệ phí ngoài quy định (đã sửa)").param("enabled", "true").with(admin()).with(csrf()))
                .andExpect(status().is3xxRedirection());

        String yaml = mvc.perform(get("/api/v1/methodologies/" + code + "/1.yaml").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(yaml).contains("Phí, lệ phí ngoài quy định (đã sửa)");
        byte[] xlsx = mvc.perform(get("/api/v1/methodologies/" + code + "/1.xlsx").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        String elsewhere = code + "-x";
        upload(elsewhere + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxWithCode(xlsx, elsewhere))
                .andExpect(status().isCreated());

        assertThat(rules.of(elsewhere, 1)).extracting(MethodologyAlertRules::declaration)
                .isEqualTo(rules.of(code, 1).stream().map(MethodologyAlertRules::declaration).toList());
        assertThat(rules.of(elsewhere, 1).get(0).severity()).isEqualTo(AlertSeverity.MEDIUM);
    }

    @Test
    void theRulesEditorRefusesARuleOnAQuestionTheVersionDoesNotAsk() throws Exception {
        uploadYaml(form()).andExpect(status().isCreated());

        mvc.perform(post("/feedback/rules").param("methodology", code + "/1").param("code", "ghost").param("kind", "NOT_SATISFIED")
                        .param("questions", "q7").param("severity", "HIGH").param("label", "Câu không có")
                        .param("enabled", "true").with(admin()).with(csrf()))
                .andExpect(status().isUnprocessableContent());

        assertThat(rules.of(code, 1)).extracting(AlertRule::code).doesNotContain("ghost");
    }

    /** The exported workbook under another form_id: the same form installed elsewhere. */
    static byte[] xlsxWithCode(byte[] xlsx, String newCode) throws IOException {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            book.getSheet("settings").getRow(1).getCell(0).setCellValue(newCode);
            book.write(out);
            return out.toByteArray();
        }
    }
}
