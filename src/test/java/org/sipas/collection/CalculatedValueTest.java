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
 * An XLSForm {@code calculate} (household size = adults + children) is computed by the server as
 * ODK computes it on the device: it drives a later {@code relevant}, is stored with the answers of
 * every channel, and a value a client sends under its name is recomputed, not kept.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CalculatedValueTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AnswerChecks checks;

    static byte[] household(String code) {
        return XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {
                        {"type", "name", "label", "relevant", "calculation"},
                        {"begin group", "ho", "Hộ gia đình", "", ""},
                        {"integer", "nguoi_lon", "Số người lớn trong hộ", "", ""},
                        {"integer", "tre_em", "Số trẻ em trong hộ", "", ""},
                        {"calculate", "so_nguoi", "", "", "${nguoi_lon} + ${tre_em}"},
                        {"end group", "", "", "", ""},
                        {"begin group", "them", "Thêm", "", ""},
                        {"text", "cho_o", "Nhà ở có đủ chỗ cho cả hộ không?", "${so_nguoi} > 5", ""},
                        {"text", "gop_y", "Góp ý", "", ""},
                        {"end group", "", "", "", ""},
                },
                "settings", new String[][] {{"form_id", "form_title"}, {code, "Phiếu có phép tính"}}));
    }

    @Test
    void aCalculationOfTwoAnswersDrivesALaterQuestionAndIsStoredAsTheServerComputesIt() throws Exception {
        String code = "calc-" + UUID.randomUUID().toString().substring(0, 8);
        var admin = SignedIn.as(new CurrentUser("calc-admin", Set.of(Role.ADMIN), 1L));
        mvc.perform(multipart("/api/v1/methodologies").file(new MockMultipartFile("file", "calc.xlsx",
                        "application/octet-stream", household(code))).with(admin).with(csrf()))
                .andExpect(status().isCreated());
        Respondent respondent = new Respondent(mvc, "/methodologies/" + code + "/1/preview", admin).open();
        assertThat(respondent.shown()).as("a calculation is never asked").containsExactly("nguoi_lon", "tre_em");

        respondent.next(Map.of("nguoi_lon", List.of("2"), "tre_em", List.of("1"), "so_nguoi", List.of("9")));
        assertThat(respondent.shown()).as("2 + 1 is not more than 5, whatever was sent as so_nguoi").containsExactly("gop_y");

        respondent.back(Map.of());
        respondent.next(Map.of("nguoi_lon", List.of("4"), "tre_em", List.of("3")));
        assertThat(respondent.shown()).containsExactly("cho_o", "gop_y");

        AnswerChecks.Checked small = checks.check(code, 1, null, Map.of("nguoi_lon", "02", "tre_em", "1",
                "so_nguoi", "99", "cho_o", "Đủ"), Locale.forLanguageTag("vi"));
        assertThat(small.stored()).as("computed from the stored answers, the sent 99 ignored; cho_o not asked")
                .containsExactlyInAnyOrderEntriesOf(Map.of("nguoi_lon", "2", "tre_em", "1", "so_nguoi", "3"));
        assertThat(small.isValid()).isTrue();

        AnswerChecks.Checked large = checks.check(code, 1, null, Map.of("nguoi_lon", "4", "tre_em", "3", "cho_o", "Chật"),
                Locale.forLanguageTag("vi"));
        assertThat(large.stored()).containsEntry("so_nguoi", "7").containsEntry("cho_o", "Chật");
        assertThat(large.asked()).contains("cho_o").doesNotContain("so_nguoi");

        AnswerChecks.Checked unknown = checks.check(code, 1, null, Map.of("nguoi_lon", "4"), Locale.forLanguageTag("vi"));
        assertThat(unknown.stored()).as("blank while an answer it reads is blank").doesNotContainKey("so_nguoi");
    }
}
