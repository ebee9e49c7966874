package org.sipas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * DESIGN §8: the administrator says on a page which answer of a methodology version means "you may
 * contact me"; only an option of a select question of that version is taken, every change is
 * audited, and the cases opened afterwards know whether their respondent consented.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactConsentPageTest {

    private static final String VERSION = "mot-cua-2018/1";

    @Autowired
    MockMvc mvc;
    @Autowired
    FeedbackFixtures fixtures;
    @Autowired
    CaseOpener opener;
    @Autowired
    JdbcClient jdbc;

    FeedbackFixtures.Place place;

    @BeforeAll
    void aPlaceWithoutConsent() {
        place = fixtures.place("FBK", 2);
        noConsent();
    }

    @AfterAll
    void noConsent() {
        jdbc.sql("DELETE FROM contact_consent WHERE methodology_code = 'mot-cua-2018' AND methodology_version = 1").update();
    }

    private MvcResult save(Map<String, String> params) throws Exception {
        var request = post("/feedback/consent").param("methodology", VERSION).accept(MediaType.APPLICATION_JSON)
                .with(SignedIn.as(place.admin())).with(csrf());
        params.forEach(request::param);
        return mvc.perform(request).andReturn();
    }

    private List<String> consent() {
        return jdbc.sql("SELECT question || '=' || code FROM contact_consent WHERE methodology_code = 'mot-cua-2018' AND methodology_version = 1")
                .query(String.class).list();
    }

    private boolean consented(long response) {
        return jdbc.sql("SELECT bool_and(consented) FROM feedback_case WHERE response_id = :r").param("r", response)
                .query(Boolean.class).single();
    }

    @Test
    void theConsentAnswerSetOnThePageDecidesWhichNewCasesMayBeFollowedUpAndIsAudited() throws Exception {
        assertThat(save(Map.of("question", "reasons", "code", "khac")).getResponse().getStatus()).isEqualTo(302);
        assertThat(consent()).containsExactly("reasons=khac");
        String page = mvc.perform(get("/feedback/consent").with(SignedIn.as(place.admin()))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Đồng ý khi câu reasons có lựa chọn khac.");

        long agreed = fixtures.rate(place, 0, "1", Map.of("reasons", "thai_do khac"), "fbk-key-0").responseId();
        long silent = fixtures.rate(place, 1, "1", Map.of("reasons", "thai_do"), "fbk-key-1").responseId();
        opener.drain(Instant.now());
        assertThat(consented(agreed)).as("the respondent who ticked the consenting option").isTrue();
        assertThat(consented(silent)).as("the respondent who did not").isFalse();

        assertThat(save(Map.of("remove", "true")).getResponse().getStatus()).isEqualTo(302);
        assertThat(consent()).isEmpty();
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity_type = 'contact_consent' AND entity_id = :id ORDER BY id")
                .param("id", VERSION).query(String.class).list())
                .containsSubsequence("contact-consent.set", "contact-consent.removed");
        // a case keeps what its respondent said when it opened
        assertThat(consented(agreed)).isTrue();
    }

    @Test
    void anAnswerThatIsNotAnOptionOfTheVersionsSelectQuestionsIsRefusedNamingTheField() throws Exception {
        List<String> before = consent();
        Map<Map<String, String>, String> refused = Map.of(
                Map.of("question", "khong_co", "code", "khac"), "(question)",
                Map.of("question", "reason_text", "code", "khac"), "(question)",
                Map.of("question", "reasons", "code", "goi_lai"), "(code)",
                Map.of("question", "reasons"), "(question, code)");
        for (Map.Entry<Map<String, String>, String> wrong : refused.entrySet()) {
            MvcResult result = save(wrong.getKey());
            assertThat(result.getResponse().getStatus()).as(wrong.getKey().toString()).isEqualTo(422);
            assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(wrong.getKey().toString())
                    .contains(wrong.getValue());
        }
        MvcResult unknownVersion = mvc.perform(post("/feedback/consent").param("methodology", "mot-cua-2018/99")
                .param("question", "reasons").param("code", "khac").accept(MediaType.APPLICATION_JSON)
                .with(SignedIn.as(place.admin())).with(csrf())).andReturn();
        assertThat(unknownVersion.getResponse().getStatus()).isEqualTo(422);
        assertThat(consent()).as("nothing stored by a refused answer").isEqualTo(before);
    }
}
