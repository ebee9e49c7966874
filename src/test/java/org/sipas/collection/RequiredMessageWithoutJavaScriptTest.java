package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
 * A required question left empty on a page without JavaScript: the respondent reads the form's
 * own {@code required_message} in the language of the page, and sipas's words where the form
 * has none.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RequiredMessageWithoutJavaScriptTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anEmptyRequiredAnswerIsToldInTheFormsOwnRequiredMessage() throws Exception {
        String code = "required-" + UUID.randomUUID().toString().substring(0, 8);
        var admin = SignedIn.as(new CurrentUser("required-admin", Set.of(Role.ADMIN), 1L));
        mvc.perform(multipart("/api/v1/methodologies").file(new MockMultipartFile("file", "pflicht.xlsx",
                        "application/octet-stream", XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                                "survey", new String[][] {
                                        {"type", "name", "label::Deutsch (de)", "required", "required_message::Deutsch (de)"},
                                        {"integer", "alter", "Wie alt sind Sie?", "yes", "Bitte geben Sie Ihr Alter an."},
                                        {"text", "wohnort", "Wo wohnen Sie?", "yes", ""},
                                },
                                "settings", new String[][] {{"form_id"}, {code}}))))
                        .with(admin).with(csrf()))
                .andExpect(status().isCreated());
        Respondent respondent = new Respondent(mvc, "/methodologies/" + code + "/1/preview", admin).open();

        respondent.next(Map.of());

        assertThat(respondent.status()).isEqualTo(422);
        assertThat(respondent.page()).contains("Bitte geben Sie Ihr Alter an.", "Vui lòng trả lời câu hỏi này.");
    }
}
