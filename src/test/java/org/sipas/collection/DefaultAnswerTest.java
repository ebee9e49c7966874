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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An XLSForm {@code default}: the page without JavaScript offers it as the answer of a question
 * not answered yet (a number, a choice, a date as dd/MM/yyyy); once the respondent clears it, it
 * stays cleared. A default the question cannot take is refused at import at its cell.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DefaultAnswerTest {

    @Autowired
    MockMvc mvc;

    private final RequestPostProcessor admin = SignedIn.as(new CurrentUser("default-admin", Set.of(Role.ADMIN), 1L));

    private static byte[] form(String code, String tinhDefault) {
        return XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                "survey", new String[][] {
                        {"type", "name", "label", "default"},
                        {"integer", "so_lan", "Ông/Bà đã đến bao nhiêu lần?", "1"},
                        {"select_one tinh", "tinh", "Tỉnh/thành phố", tinhDefault},
                        {"date", "ngay", "Ngày đến", "2025-07-01"},
                        {"text", "gop_y", "Góp ý", ""},
                },
                "choices", new String[][] {
                        {"list_name", "name", "label"}, {"tinh", "hn", "Hà Nội"}, {"tinh", "dn", "Đồng Nai"},
                },
                "settings", new String[][] {{"form_id", "form_title"}, {code, "Phiếu có giá trị mặc định"}}));
    }

    private ResultActions upload(byte[] form) throws Exception {
        return mvc.perform(multipart("/api/v1/methodologies").file(new MockMultipartFile("file", "default.xlsx",
                "application/octet-stream", form)).with(admin).with(csrf()));
    }

    @Test
    void aQuestionNotAnsweredYetShowsItsDefaultAndAClearedOneStaysCleared() throws Exception {
        String code = "default-" + UUID.randomUUID().toString().substring(0, 8);
        upload(form(code, "dn")).andExpect(status().isCreated());
        Respondent respondent = new Respondent(mvc, "/methodologies/" + code + "/1/preview", admin).open();
        String page = respondent.page();
        assertThat(page).containsPattern("id=\"a-so_lan\" name=\"a.so_lan\" value=\"1\"")
                .containsPattern("value=\"dn\" id=\"a-tinh-dn\" checked")
                .doesNotContainPattern("value=\"hn\" id=\"a-tinh-hn\" checked")
                .contains("value=\"01/07/2025\"");

        // the respondent clears the number and picks the other province: the answers given are kept
        respondent.next(Map.of("so_lan", List.of(""), "tinh", List.of("hn"), "ngay", List.of("01/07/2025")));
        assertThat(respondent.page()).doesNotContain("name=\"step\"");
        respondent.open(0);
        assertThat(respondent.page()).contains("id=\"a-so_lan\" name=\"a.so_lan\" value=\"\"")
                .containsPattern("value=\"hn\" id=\"a-tinh-hn\" checked")
                .doesNotContainPattern("value=\"dn\" id=\"a-tinh-dn\" checked");
    }

    @Test
    void aDefaultTheQuestionCannotTakeIsRefusedAtItsCell() throws Exception {
        upload(form("default-bad-" + UUID.randomUUID().toString().substring(0, 8), "hcm"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].code").value("methodology.error.badDefault"))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].column").value(org.hamcrest.Matchers.containsString("default")));
    }
}
