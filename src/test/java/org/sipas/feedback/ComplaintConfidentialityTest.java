package org.sipas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * DESIGN §8: a rated official, and the unit head when the respondent did not consent, see the
 * complaint, the dossier and the answers, never the respondent's name or phone, on every page and
 * API answer that shows a case (checked on the HTML and the JSON), nor in the inbox or a webhook.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintConfidentialityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FeedbackFixtures fixtures;
    @Autowired
    CaseOpener opener;
    @Autowired
    JdbcClient jdbc;

    FeedbackFixtures.Place place;
    long silent;
    long consented;
    CurrentUser official;
    CurrentUser head;

    @BeforeAll
    void twoComplaints() {
        place = fixtures.place("FBC", 4);
        jdbc.sql("INSERT INTO webhook_endpoint (name, url, secret, scope_unit_id, created_by, created_at) VALUES ('FBC', 'http://127.0.0.1:9/', 's', :u, 't', now())")
                .param("u", place.province()).update();
        // the rated official: a staff member of the commune (the receiving official's own account)
        official = new CurrentUser("fbc-le-van-tiep-nhan", Set.of(Role.ANALYST), place.commune());
        head = new CurrentUser(place.communeHead(), Set.of(Role.UNIT_MANAGER), place.commune());
        long a = fixtures.rate(place, 0, "1", Map.of("reasons", "thai_do", "reason_text", "Công chức FBC-RX thái độ không tốt",
                "official", "FBC-RX"), "fbc-key-0").responseId();
        // a consent answer for this methodology, for this test only: "khac" among the reasons stands for "you may call me"
        jdbc.sql("INSERT INTO contact_consent VALUES ('mot-cua-2018', 1, 'reasons', 'khac')").update();
        long b = fixtures.rate(place, 1, "1", Map.of("reasons", "khac"), "fbc-key-1").responseId();
        opener.drain(Instant.now());
        silent = caseOf(a);
        consented = caseOf(b);
    }

    @AfterAll
    void noConsentQuestion() {
        jdbc.sql("DELETE FROM contact_consent WHERE methodology_code = 'mot-cua-2018' AND methodology_version = 1").update();
    }

    private long caseOf(long response) {
        return jdbc.sql("SELECT id FROM feedback_case WHERE response_id = :r").param("r", response).query(Long.class).single();
    }

    private String body(String path, RequestPostProcessor as) throws Exception {
        MvcResult result = mvc.perform(get(path).with(as)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private void assertNoIdentity(String text, int dossier, String where) {
        String digits = place.phone(dossier).replace(" ", "");
        assertThat(text).as(where)
                .doesNotContain(place.applicant(dossier))
                .doesNotContain("Khiếu Nại")
                .doesNotContain(place.phone(dossier))
                .doesNotContain(digits)
                .doesNotContain(digits.substring(digits.length() - 6));
    }

    @Test
    void theRatedOfficialSeesTheComplaintButNotWhoMadeItOnEveryPageAndApi() throws Exception {
        RequestPostProcessor as = SignedIn.as(official);
        for (long id : List.of(silent, consented)) {
            int dossier = id == silent ? 0 : 1;
            String page = body("/cases/" + id, as);
            assertThat(page).contains(place.dossier(dossier)).contains("Lê Văn Tiếp Nhận").contains("satisfaction = 1");
            assertNoIdentity(page, dossier, "case page " + id);
            String json = body("/api/v1/cases/" + id, as);
            assertThat(json).contains(place.dossier(dossier));
            assertNoIdentity(json, dossier, "case JSON " + id);
        }
        for (String path : List.of("/cases", "/cases?unit=FBC-C1&state=NEW", "/cases?overdue=false", "/api/v1/cases",
                "/api/v1/cases?unit=FBC-C1&state=NEW&overdue=false", "/inbox")) {
            String text = body(path, as);
            assertNoIdentity(text, 0, path);
            assertNoIdentity(text, 1, path);
        }
    }

    @Test
    void theUnitHeadSeesNoIdentityWithoutConsentAndTheContactWithIt() throws Exception {
        RequestPostProcessor as = SignedIn.as(head);
        String silentPage = body("/cases/" + silent, as);
        assertNoIdentity(silentPage, 0, "head's page of the case without consent");
        assertNoIdentity(body("/api/v1/cases/" + silent, as), 0, "head's JSON of the case without consent");
        for (String path : List.of("/cases", "/api/v1/cases", "/inbox")) {
            assertNoIdentity(body(path, as), 0, path);
        }
        // with consent the owner sees the contact on the case page (to call back), never in the JSON or lists
        assertThat(body("/cases/" + consented, as)).contains(place.applicant(1));
        assertNoIdentity(body("/api/v1/cases/" + consented, as), 1, "head's JSON of the consented case");
        assertNoIdentity(body("/api/v1/cases", as), 1, "head's JSON list");
    }

    @Test
    void neitherTheInboxNorTheMailNorAWebhookCarriesTheIdentity() {
        List<String> told = jdbc.sql("""
                        SELECT body FROM inbox_message WHERE case_id IN (:a, :b)
                        UNION ALL SELECT m.body FROM mail_outbox m JOIN inbox_message i ON i.id = m.inbox_id WHERE i.case_id IN (:a, :b)
                        UNION ALL SELECT body FROM webhook_delivery WHERE case_id IN (:a, :b)""")
                .param("a", silent).param("b", consented).query(String.class).list();
        assertThat(told).isNotEmpty();
        for (String text : told) {
            assertNoIdentity(text, 0, "notice");
            assertNoIdentity(text, 1, "notice");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE case_id IN (:a, :b)").param("a", silent).param("b", consented)
                .query(Long.class).single()).isEqualTo(2);
    }
}
