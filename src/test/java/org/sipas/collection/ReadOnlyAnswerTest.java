package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.methodology.XlsFormWorkbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An XLSForm {@code read_only} question, with ODK's meaning: shown, not editable, answered with
 * its {@code default} or, when it has one, its {@code calculation}; the server stores that value
 * whatever a client sends.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReadOnlyAnswerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AnswerChecks checks;

    @Test
    void aReadOnlyQuestionShowsItsDefaultOrCalculationAndTheServerKeepsItUnchanged() throws Exception {
        String code = "readonly-" + UUID.randomUUID().toString().substring(0, 8);
        var admin = SignedIn.as(new CurrentUser("readonly-admin", Set.of(Role.ADMIN), 1L));
        byte[] form = XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {
                        {"type", "name", "label", "read_only", "default", "calculation"},
                        {"begin group", "ho", "Hộ", "", "", ""},
                        {"integer", "nguoi_lon", "Số người lớn", "", "", ""},
                        {"end group", "", "", "", "", ""},
                        {"begin group", "xac_nhan", "Xác nhận", "", "", ""},
                        {"text", "noi_o", "Nơi ở", "yes", "Hà Nội", ""},
                        {"integer", "gap_doi", "Số suất ăn", "true()", "", "${nguoi_lon} * 2"},
                        {"text", "gop_y", "Góp ý", "", "", ""},
                        {"end group", "", "", "", "", ""},
                },
                "settings", new String[][] {{"form_id", "form_title"}, {code, "Phiếu có câu chỉ đọc"}}));
        mvc.perform(multipart("/api/v1/methodologies").file(new MockMultipartFile("file", "readonly.xlsx",
                        "application/octet-stream", form)).with(admin).with(csrf()))
                .andExpect(status().isCreated());
        Respondent respondent = new Respondent(mvc, "/methodologies/" + code + "/1/preview", admin).open();
        respondent.next(Map.of("nguoi_lon", List.of("4")));
        assertThat(respondent.shown()).containsExactly("noi_o", "gap_doi", "gop_y");
        assertThat(respondent.page()).containsPattern("<textarea id=\"a-noi_o\" name=\"a.noi_o\"[^>]* readonly[^>]*>Hà Nội</textarea>")
                .containsPattern("<input [^>]*id=\"a-gap_doi\" name=\"a.gap_doi\" value=\"8\"[^>]* readonly")
                .doesNotContainPattern("id=\"a-gop_y\"[^>]* readonly");

        // a changed value posted on the page is not kept: the page shows the form's value again
        respondent.next(Map.of("noi_o", List.of("Đà Nẵng"), "gap_doi", List.of("100"), "gop_y", List.of("Tốt")));
        assertThat(respondent.page()).doesNotContain("Đà Nẵng", "100").contains("Hà Nội");

        AnswerChecks.Checked checked = checks.check(code, 1, null, Map.of("nguoi_lon", "4", "noi_o", "Đà Nẵng",
                "gap_doi", "100"), Locale.forLanguageTag("vi"));
        assertThat(checked.isValid()).isTrue();
        assertThat(checked.stored()).containsEntry("noi_o", "Hà Nội").containsEntry("gap_doi", "8");
    }
}
