package org.sipas.collection.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sipas.campaign.OpenCampaign;
import org.sipas.campaign.OpenSurveyFixtures;
import org.sipas.frame.PhoneHashes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An open online survey, one answer per person: the code comes by the mail outbox, a verified
 * address gets a sitting on the methodology engine, and a second answer of the same address is
 * refused; wrong, expired and exhausted codes, a filled honeypot and a missing, wrong or replayed
 * proof of work are refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSurveyTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Autowired
    MockMvc mvc;
    @Autowired
    OpenSurveyFixtures fixtures;
    @Autowired
    ProofOfWork work;
    @Autowired
    PhoneHashes hashes;
    @Autowired
    JdbcClient jdbc;

    OpenSurveyFixtures.Started survey;
    String base;

    @BeforeAll
    void anOpenSurveyInTheField() {
        survey = fixtures.started("OPENS", OpenCampaign.Audience.PUBLIC, false);
        base = "/s/open/" + survey.campaignId();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** Each request from its own client address (documentation range), so the per-client buckets do not mix. */
    private static String newAddress() {
        return "203.0.113." + ADDRESSES.getAndIncrement();
    }

    /** A fresh challenge from the page, as the browser gets it. */
    private String challenge() throws Exception {
        String page = mvc.perform(get(base)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("name=\"challenge\" value=\"([0-9a-f]{32}\\.[0-9]+)\"").matcher(page);
        assertThat(m.find()).as("the page carries a challenge").isTrue();
        return m.group(1);
    }

    private ResultActions askCode(String email) throws Exception {
        String challenge = challenge();
        return mvc.perform(post(base + "/code").with(csrf()).with(from(newAddress())).param("email", email)
                .param(OpenSurveyController.HONEYPOT, "").param("challenge", challenge)
                .param("nonce", ProofOfWork.solve(challenge, work.bits())));
    }

    /** The code of the newest mail to {@code address} in the outbox. */
    private String mailedCode(String address) {
        String body = jdbc.sql("SELECT subject || ' ' || body FROM mail_outbox WHERE recipient = :r ORDER BY id DESC LIMIT 1")
                .param("r", address).query(String.class).single();
        Matcher m = CODE.matcher(body);
        assertThat(m.find()).as("the mail holds a six-digit code").isTrue();
        return m.group(1);
    }

    private ResultActions verify(String email, String code) throws Exception {
        return mvc.perform(post(base + "/verify").with(csrf()).with(from(newAddress())).param("email", email).param("code", code));
    }

    private String sittingFor(String email, String normal) throws Exception {
        askCode(email).andExpect(status().isOk());
        String location = verify(email, mailedCode(normal)).andExpect(status().isSeeOther()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/s/[A-Za-z0-9_-]{24}");
        return location.substring("/s/".length());
    }

    @Test
    void aSecondAnswerFromTheSameVerifiedEmailIsRefused() throws Exception {
        String token = sittingFor("An.Nguyen@Example.VN", "an.nguyen@example.vn");
        QuickRating.rate(mvc, token, "3").andExpect(status().is3xxRedirection());
        QuickRating.submit(mvc, token).andExpect(redirectedUrl("/s/" + token + "/thanks"));

        String hash = hashes.email("an.nguyen@example.vn").orElseThrow();
        assertThat(jdbc.sql("SELECT channel || ' ' || sampled || ' ' || respondent_hash FROM response WHERE token = :t")
                .param("t", token).query(String.class).single()).isEqualTo("PORTAL false " + hash);
        // the address is nowhere but in the mail it was sent: not in the code, the token or the response
        assertThat(jdbc.sql("""
                        SELECT (SELECT count(*) FROM open_survey_code c WHERE row_to_json(c)::text ILIKE '%an.nguyen%')
                             + (SELECT count(*) FROM survey_token t WHERE row_to_json(t)::text ILIKE '%an.nguyen%')
                             + (SELECT count(*) FROM response r WHERE row_to_json(r)::text ILIKE '%an.nguyen%')""")
                .query(Long.class).single()).isZero();

        String again = askCode(" an.nguyen@example.vn ").andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("Ông/Bà đã trả lời khảo sát này", "Địa chỉ thư điện tử này đã được dùng");
        assertThat(jdbc.sql("SELECT count(*) FROM response WHERE campaign_id = :c AND respondent_hash = :h")
                .param("c", survey.campaignId()).param("h", hash).query(Long.class).single()).isOne();
    }

    @Test
    void twoSittingsOfOneVerifiedEmailStoreOneAnswer() throws Exception {
        String first = sittingFor("binh@example.vn", "binh@example.vn");
        String second = sittingFor("binh@example.vn", "binh@example.vn");
        QuickRating.rate(mvc, first, "3").andExpect(status().is3xxRedirection());
        QuickRating.rate(mvc, second, "1").andExpect(status().is3xxRedirection());
        QuickRating.submit(mvc, second).andExpect(redirectedUrl("/s/" + second + "/thanks"));
        String refused = QuickRating.submit(mvc, first).andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Địa chỉ thư điện tử này đã được dùng");
    }

    @Test
    void aWrongCodeIsRefusedAndTheCodeLocksAfterItsAttempts() throws Exception {
        askCode("chi@example.vn").andExpect(status().isOk());
        String right = mailedCode("chi@example.vn");
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int i = 1; i < 5; i++) {
            String page = verify("chi@example.vn", wrong).andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(page).contains("Mã xác nhận không đúng");
        }
        String locked = verify("chi@example.vn", wrong).andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
                .getContentAsString();
        assertThat(locked).contains("Đã nhập sai mã quá số lần cho phép");
        // the right code no longer opens anything once the attempts are spent
        verify("chi@example.vn", right).andExpect(status().isUnprocessableEntity());
    }

    @Test
    void anExpiredCodeIsRefused() throws Exception {
        askCode("dung@example.vn").andExpect(status().isOk());
        String code = mailedCode("dung@example.vn");
        jdbc.sql("UPDATE open_survey_code SET expires_at = now() - interval '1 second' WHERE email_hash = :h")
                .param("h", hashes.email("dung@example.vn").orElseThrow()).update();
        String page = verify("dung@example.vn", code).andExpect(status().isGone()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Mã xác nhận đã hết hiệu lực");
    }

    @Test
    void aCodeOpensOneSittingOnly() throws Exception {
        askCode("em@example.vn").andExpect(status().isOk());
        String code = mailedCode("em@example.vn");
        verify("em@example.vn", code).andExpect(status().isSeeOther());
        verify("em@example.vn", code).andExpect(status().isUnprocessableEntity());
    }

    @Test
    void aFilledHoneypotIsRefusedAndMailsNothing() throws Exception {
        String challenge = challenge();
        long mails = jdbc.sql("SELECT count(*) FROM mail_outbox").query(Long.class).single();
        mvc.perform(post(base + "/code").with(csrf()).with(from(newAddress())).param("email", "giang@example.vn")
                        .param(OpenSurveyController.HONEYPOT, "http://spam.example").param("challenge", challenge)
                        .param("nonce", ProofOfWork.solve(challenge, work.bits())))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox").query(Long.class).single()).isEqualTo(mails);
    }

    @Test
    void aMissingWrongOrReplayedProofOfWorkIsRefused() throws Exception {
        String challenge = challenge();
        String wrong = "0";
        while (ProofOfWork.solves(challenge, wrong, work.bits())) {
            wrong = Integer.toString(Integer.parseInt(wrong) + 1);
        }
        String page = mvc.perform(post(base + "/code").with(csrf()).with(from(newAddress())).param("email", "hoa@example.vn")
                        .param("challenge", challenge).param("nonce", wrong))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("phép tính chống gửi tự động");
        mvc.perform(post(base + "/code").with(csrf()).with(from(newAddress())).param("email", "hoa@example.vn"))
                .andExpect(status().isUnprocessableEntity());

        String solved = ProofOfWork.solve(challenge, work.bits());
        mvc.perform(post(base + "/code").with(csrf()).with(from(newAddress())).param("email", "hoa@example.vn")
                .param("challenge", challenge).param("nonce", solved)).andExpect(status().isOk());
        mvc.perform(post(base + "/code").with(csrf()).with(from(newAddress())).param("email", "hoa2@example.vn")
                .param("challenge", challenge).param("nonce", solved)).andExpect(status().isUnprocessableEntity());
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = 'hoa2@example.vn'").query(Long.class).single()).isZero();
    }

    @Test
    void thePageWithoutJavaScriptSaysTheCodeStepNeedsIt() throws Exception {
        String page = mvc.perform(get(base)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<noscript>", "Bước nhận mã xác nhận cần JavaScript", "type=\"email\"", "name=\"website\"",
                "tabindex=\"-1\"", "proof-of-work.js");
    }

    @Test
    void anInvitedOnlySurveyRefusesAnAddressNotOnItsList() throws Exception {
        OpenSurveyFixtures.Started invited = fixtures.started("OPENI", OpenCampaign.Audience.INVITED, false);
        String challenge = challenge();
        String page = mvc.perform(post("/s/open/" + invited.campaignId() + "/code").with(csrf()).with(from(newAddress()))
                        .param("email", "khach@example.vn").param("challenge", challenge)
                        .param("nonce", ProofOfWork.solve(challenge, work.bits())))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Địa chỉ không có trong danh sách được mời");
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = 'khach@example.vn'").query(Long.class).single()).isZero();
    }

    @Test
    void codesForOneAddressAreRateLimited() throws Exception {
        for (int i = 0; i < 3; i++) {
            askCode("khanh@example.vn").andExpect(status().isOk());
        }
        askCode("khanh@example.vn").andExpect(status().isTooManyRequests());
    }
}
