package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
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
 * XLSForm {@code appearance} on the page without JavaScript: {@code minimal} draws a select_one
 * as a drop-down, {@code horizontal} puts the choices in a row, {@code multiline} text is a text
 * area; an appearance sipas does not draw is named in a warning at its cell.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AppearanceWithoutJavaScriptTest {

    @Autowired
    MockMvc mvc;

    @Test
    void minimalIsADropDownHorizontalARowAndAnUnknownAppearanceIsWarnedAt() throws Exception {
        String code = "appearance-" + UUID.randomUUID().toString().substring(0, 8);
        var admin = SignedIn.as(new CurrentUser("appearance-admin", Set.of(Role.ADMIN), 1L));
        byte[] form = XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {
                        {"type", "name", "label", "appearance"},
                        {"select_one tinh", "tinh", "Tỉnh/thành phố", "minimal"},
                        {"select_one co_khong", "hai_long", "Ông/Bà có hài lòng không?", "horizontal-compact"},
                        {"text", "gop_y", "Góp ý", "multiline"},
                        {"select_one co_khong", "quay_lai", "Ông/Bà sẽ quay lại chứ?", "likert"},
                },
                "choices", new String[][] {
                        {"list_name", "name", "label"}, {"tinh", "hn", "Hà Nội"}, {"tinh", "dn", "Đồng Nai"},
                        {"co_khong", "co", "Có"}, {"co_khong", "khong", "Không"},
                },
                "settings", new String[][] {{"form_id", "form_title"}, {code, "Phiếu có kiểu hiển thị"}}));
        mvc.perform(multipart("/api/v1/methodologies").file(new MockMultipartFile("file", "appearance.xlsx",
                        "application/octet-stream", form)).with(admin).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings.length()").value(1))
                .andExpect(jsonPath("$.warnings[0].code").value("methodology.warning.appearanceIgnored"))
                .andExpect(jsonPath("$.warnings[0].line").value(5))
                .andExpect(jsonPath("$.warnings[0].column").value("appearance"));
        Respondent respondent = new Respondent(mvc, "/methodologies/" + code + "/1/preview", admin).open();
        String page = respondent.page();
        assertThat(page).containsPattern("<select id=\"a-tinh\" name=\"a.tinh\"")
                .contains("<option value=\"hn\">Hà Nội</option>")
                .doesNotContain("id=\"a-tinh-hn\"")
                .containsPattern("<div class=\"opts row\">\\s*<label><input type=\"radio\" name=\"a.hai_long\"")
                .containsPattern("<textarea id=\"a-gop_y\"")
                .containsPattern("<div class=\"opts\">\\s*<label><input type=\"radio\" name=\"a.quay_lai\"");

        respondent.next(Map.of("tinh", List.of("dn"), "hai_long", List.of("co"), "quay_lai", List.of("co")));
        assertThat(respondent.page()).as("the drop-down's answer is taken as any choice").contains("Đồng Nai")
                .doesNotContain("name=\"step\"");
    }
}
