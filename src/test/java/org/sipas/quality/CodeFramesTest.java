package org.sipas.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.Submission;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class CodeFramesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CodeFrames frames;
    @Autowired
    Coding coding;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    CurrentUsers users;

    /** A copy of SIPAS 2017 under its own code, with a methodology-wide frame of three codes as the shipped ones are stored. */
    private String methodology(String code) throws Exception {
        try (InputStream shipped = getClass().getResourceAsStream("/methodology/sipas-2017.yaml")) {
            String yaml = new String(shipped.readAllBytes(), StandardCharsets.UTF_8).replace("code: sipas-2017", "code: " + code);
            mvc.perform(post("/api/v1/methodologies").param("name", code + ".yaml").contentType("application/yaml").content(yaml)
                            .with(SignedIn.as(admin())))
                    .andExpect(status().isCreated());
        }
        jdbc.sql("""
                        INSERT INTO code_frame (methodology_code, methodology_version, code, label_vi, label_en, position)
                        VALUES (:m, 0, 'thai_do', 'Thái độ phục vụ', 'Staff attitude', 1), (:m, 0, 'phi', 'Phí', 'Fees', 2),
                               (:m, 0, 'khac', 'Khác', 'Other', 3)""")
                .param("m", code).update();
        return code;
    }

    private static CurrentUser admin() {
        return new CurrentUser("admin-qcf", Set.of(Role.ADMIN), 1L);
    }

    @Test
    void theFirstEditGivesTheVersionItsOwnFrameRelabelledReorderedAndExtendedLeavingTheMethodologysFrameAsItWas() throws Exception {
        String code = methodology("qcf-own");
        CodeFrames.Frame inherited = frames.frame(code, 1);
        assertThat(inherited.own()).isFalse();
        assertThat(inherited.rows()).extracting(CodeFrames.Row::code).containsExactly("thai_do", "phi", "khac");

        String page = mvc.perform(get("/methodologies/{c}/1/code-frame", code).with(SignedIn.as(admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Khung mã ý kiến của qcf-own, phiên bản 1").contains("value=\"Thái độ phục vụ\"")
                .contains("khung mã chung của phương pháp");

        // phi relabelled and moved first, khac removed, a new code added in a blank row
        mvc.perform(post("/methodologies/{c}/1/code-frame", code).with(SignedIn.as(admin())).with(csrf())
                        .param("position_0", "2").param("code_0", "thai_do").param("labelVi_0", "Thái độ phục vụ").param("labelEn_0", "Staff attitude")
                        .param("position_1", "1").param("code_1", "phi").param("labelVi_1", "Phí, lệ phí").param("labelEn_1", "Fees and charges")
                        .param("position_2", "3").param("code_2", "khac").param("labelVi_2", "Khác").param("labelEn_2", "Other")
                        .param("remove_2", "true")
                        .param("position_3", "").param("code_3", "cntt").param("labelVi_3", "Dịch vụ công trực tuyến").param("labelEn_3", "")
                        .param("position_4", "").param("code_4", "").param("labelVi_4", "").param("labelEn_4", ""))
                .andExpect(status().is3xxRedirection());

        CodeFrames.Frame own = frames.frame(code, 1);
        assertThat(own.own()).isTrue();
        assertThat(own.rows()).extracting(CodeFrames.Row::code, CodeFrames.Row::labelVi, CodeFrames.Row::labelEn).containsExactly(
                org.assertj.core.groups.Tuple.tuple("phi", "Phí, lệ phí", "Fees and charges"),
                org.assertj.core.groups.Tuple.tuple("thai_do", "Thái độ phục vụ", "Staff attitude"),
                org.assertj.core.groups.Tuple.tuple("cntt", "Dịch vụ công trực tuyến", "Dịch vụ công trực tuyến"));
        assertThat(jdbc.sql("SELECT count(*) FROM code_frame WHERE methodology_code = :m AND methodology_version = 0")
                .param("m", code).query(Long.class).single()).as("the methodology's own frame").isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'code_frame.replace' AND entity_id = :e")
                .param("e", code + "/1").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCodeGivenToAnswersCannotBeRemovedAndEveryProblemIsNamedByRowWithNothingChanged() throws Exception {
        String code = methodology("qcf-used");
        FieldworkFixtures.InField field = fixtures.inField("QCF", code, 10, Map.of("PHONE", 1));
        FieldCase c = field.cases().get(0);
        Map<String, String> answers = new LinkedHashMap<>(QualityCampaign.straightLined("4"));
        answers.put("suggestion", "Cán bộ nhiệt tình, nhưng phí cao");
        long response = store.store(Submission.of(ResponseChannel.CATI, code, 1, c.unitId(), answers, Instant.parse("2025-03-10T02:40:00Z"))
                .forCase(c.campaignId(), c.stratumId(), c.id(), c.dossierId()).collectedBy("dtv-qcf")
                .finished(Instant.parse("2025-03-10T03:00:00Z"), null)).responseId();
        users.runAs(field.admin(), () -> {
            coding.code(field.campaignId(), response, "suggestion", 1, List.of("phi"));
            return null;
        });
        CodeFrames.Frame before = frames.frame(code, 1);
        assertThat(before.rows()).filteredOn(r -> r.code().equals("phi")).singleElement()
                .extracting(CodeFrames.Row::uses).isEqualTo(1L);

        List<CodeFrames.Edit> edits = List.of(
                new CodeFrames.Edit("thai_do", "Thái độ", "Attitude", false),
                new CodeFrames.Edit("phi", "Phí", "Fees", true),
                new CodeFrames.Edit("Thời gian", "Thời gian", "Time", false),
                new CodeFrames.Edit("thai_do", "", "", false));
        assertThatThrownBy(() -> users.runAs(admin(), () -> frames.replace(code, 1, edits)))
                .isInstanceOfSatisfying(ImportRejectedException.class, rejected -> assertThat(rejected.errors())
                        .extracting(RowError::line, RowError::column, RowError::code).containsExactly(
                                org.assertj.core.groups.Tuple.tuple(2L, "code", "quality.frame.inUse"),
                                org.assertj.core.groups.Tuple.tuple(3L, "code", "quality.frame.badCode"),
                                org.assertj.core.groups.Tuple.tuple(4L, "code", "quality.frame.duplicate"),
                                org.assertj.core.groups.Tuple.tuple(4L, "labelVi", "quality.frame.noLabel")));
        assertThat(frames.frame(code, 1)).isEqualTo(before);

        // the page says it in words, beside the rows as sent
        String page = mvc.perform(post("/methodologies/{c}/1/code-frame", code).with(SignedIn.as(admin())).with(csrf())
                        .param("position_0", "1").param("code_0", "phi").param("labelVi_0", "Phí").param("labelEn_0", "Fees")
                        .param("remove_0", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Chưa lưu: 1 lỗi, khung mã không đổi")
                .contains("Mã “phi” đã được gán cho 1 ý kiến nên không bỏ được");
        assertThat(frames.frame(code, 1)).isEqualTo(before);
    }
}
