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
 * A form whose settings say {@code allow_choice_duplicates} (pyxform's Korean test form, as a
 * province might write it): both choices of the one code are offered, each with an id of its own,
 * and either is the one answer.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DuplicatedChoiceCodeWithoutJavaScriptTest {

    @Autowired
    MockMvc mvc;

    @Test
    void bothChoicesOfACodeGivenTwiceAreOfferedAndEitherIsTheOneAnswer() throws Exception {
        String code = "trung-" + UUID.randomUUID().toString().substring(0, 8);
        var admin = SignedIn.as(new CurrentUser("duplicates-admin", Set.of(Role.ADMIN), 1L));
        mvc.perform(multipart("/api/v1/methodologies").file(new MockMultipartFile("file", "ko.xlsx",
                        "application/octet-stream", XlsFormWorkbooks.workbook(XlsFormWorkbooks.sheets(
                                "survey", new String[][] {
                                        {"type", "name", "label::en", "label::ko"},
                                        {"select_one list", "s1", "s1", "질문 1"},
                                        {"select_multiple list", "s2", "s2", "질문 2"},
                                },
                                "choices", new String[][] {
                                        {"list name", "name", "label::en", "label::ko"},
                                        {"list", "a", "Pass", "패스"}, {"list", "b", "Fail", "실패"},
                                        {"list", "c", "Skipped", "건너뛴"}, {"list", "c", "Not Applicable", "해당 없음"},
                                },
                                "settings", new String[][] {{"form_id", "allow_choice_duplicates"}, {code, "Yes"}}))))
                        .with(admin).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings[0].code").value("methodology.warning.choiceDuplicate"))
                .andExpect(jsonPath("$.warnings[0].line").value(5));
        Respondent respondent = new Respondent(mvc, "/methodologies/" + code + "/1/preview?lang=ko", admin).open();

        assertThat(respondent.page()).contains("건너뛴", "해당 없음", "id=\"a-s1-c\"", "id=\"a-s1-c-2\"",
                "id=\"a-s2-c\"", "id=\"a-s2-c-2\"");

        // the second of the pair chosen, and both boxes of it ticked: one answer "c", the first shown chosen
        respondent.next(Map.of("s1", List.of("c"), "s2", List.of("a", "c", "c")));
        assertThat(respondent.status()).isEqualTo(200);
        respondent.open(0);
        String page = respondent.page();
        assertThat(page).containsPattern("value=\"c\" id=\"a-s1-c\" checked")
                .doesNotContainPattern("id=\"a-s1-c-2\" checked")
                .containsPattern("value=\"c\" id=\"a-s2-c\" checked")
                .doesNotContainPattern("id=\"a-s2-c-2\" checked");
    }
}
