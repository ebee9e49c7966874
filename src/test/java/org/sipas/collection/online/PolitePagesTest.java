package org.sipas.collection.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.Submission;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** What a respondent sees when a campaign's link can no longer be answered, and why. */
@SpringBootTest
@AutoConfigureMockMvc
class PolitePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;

    private String tokenOf(FieldCase fieldCase) {
        return jdbc.sql("SELECT token FROM survey_token WHERE sample_member_id = :m").param("m", fieldCase.id())
                .query(String.class).single();
    }

    private String page(String path, int status) throws Exception {
        return mvc.perform(get(path)).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void anUnknownLinkIsA404ThatSaysWhatToDo() throws Exception {
        String page = page("/s/AAAAAAAAAAAAAAAAAAAAAAAA", 404);
        assertThat(page).contains("Không tìm thấy phiếu khảo sát", "phân biệt chữ hoa", "bộ phận một cửa");
        assertThat(page("/s/AAAAAAAAAAAAAAAAAAAAAAAA?lang=en", 404)).contains("Survey not found", "one-stop section");
    }

    @Test
    void anExpiredLinkIsA410NamingTheUnitAndTheCampaign() throws Exception {
        InField campaign = fixtures.inField("ONPPA", "mot-cua-2018", 10, Map.of("ONLINE", 1));
        FieldCase fieldCase = campaign.cases().get(0);
        String token = tokenOf(fieldCase);
        jdbc.sql("UPDATE survey_token SET expires_at = now() - interval '1 day' WHERE token = :t").param("t", token).update();

        String page = page("/s/" + token, 410);

        assertThat(page).contains("Phiếu khảo sát đã hết hạn", "Quý I/2025 ONPPA",
                fieldCase.unitId() == campaign.commune1() ? "Phường Một ONPPA" : "Xã Hai ONPPA", "Cổng Dịch vụ công");
        assertThat(page("/s/" + token + "?lang=en", 410)).contains("This survey has closed", "Campaign: Quý I/2025 ONPPA");
    }

    @Test
    void aUsedLinkIsA409ThatThanksTheRespondent() throws Exception {
        InField campaign = fixtures.inField("ONPPB", "mot-cua-2018", 10, Map.of("ONLINE", 1));
        String token = tokenOf(campaign.cases().get(0));
        QuickRating.rate(mvc, token, "3").andExpect(status().is3xxRedirection());
        QuickRating.submit(mvc, token).andExpect(redirectedUrl("/s/" + token + "/thanks"));

        assertThat(page("/s/" + token, 409)).contains("Phiếu này đã được trả lời", "Quý I/2025 ONPPB", "không cần làm gì thêm");
        // a second submit (another tab, a retry) stores nothing more and says so
        QuickRating.submit(mvc, token).andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT count(*) FROM response WHERE token = :t").param("t", token).query(Long.class).single()).isOne();
        // the thanks page stays reachable for the one who answered
        assertThat(page("/s/" + token + "/thanks", 200)).contains("Cảm ơn Ông/Bà!");
    }

    @Test
    void aSubmitSentAgainWithItsFormKeyIsThankedAndStoresNothingMore() throws Exception {
        InField campaign = fixtures.inField("ONPPE", "mot-cua-2018", 10, Map.of("ONLINE", 1));
        String token = tokenOf(campaign.cases().get(0));
        QuickRating.rate(mvc, token, "3").andExpect(status().is3xxRedirection());
        String summary = page("/s/" + token + "?step=1", 200);
        String key = summary.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");
        assertThat(key).matches("[0-9a-f-]{36}");

        QuickRating.submit(mvc, token, key).andExpect(redirectedUrl("/s/" + token + "/thanks"));
        QuickRating.submit(mvc, token, key).andExpect(redirectedUrl("/s/" + token + "/thanks"));

        assertThat(jdbc.sql("SELECT count(*) FROM response WHERE token = :t").param("t", token).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT idempotency_key FROM response WHERE token = :t").param("t", token).query(String.class).single())
                .isEqualTo(key);
        // the same token from elsewhere, without the key, is told it was answered
        QuickRating.submit(mvc, token).andExpect(status().isConflict());
    }

    @Test
    void aSubmitCarryingTheFormKeyOfAnotherLinkStoresNothingAndLeavesTheLinkOpen() throws Exception {
        InField campaign = fixtures.inField("ONPPF", "mot-cua-2018", 10, Map.of("ONLINE", 1));
        String first = tokenOf(campaign.cases().get(0));
        String second = tokenOf(campaign.cases().get(1));
        QuickRating.rate(mvc, first, "3").andExpect(status().is3xxRedirection());
        QuickRating.rate(mvc, second, "1").andExpect(status().is3xxRedirection());
        String key = "copied-form-key-" + first;
        QuickRating.submit(mvc, first, key).andExpect(redirectedUrl("/s/" + first + "/thanks"));

        String refused = mvc.perform(post("/s/" + second + "/submit").with(csrf()).param("key", key))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(refused).contains("Chưa gửi được phiếu");
        assertThat(jdbc.sql("SELECT count(*) FROM response WHERE token = :t").param("t", second).query(Long.class).single()).isZero();
        // the link is still open: its own submit is stored
        QuickRating.submit(mvc, second).andExpect(redirectedUrl("/s/" + second + "/thanks"));
    }

    @Test
    void aLinkWhoseCaseWasAnsweredByPhoneMeanwhileSaysItWasAnswered() throws Exception {
        InField campaign = fixtures.inField("ONPPC", "mot-cua-2018", 10, Map.of("ONLINE", 1));
        FieldCase fieldCase = campaign.cases().get(0);
        String token = tokenOf(fieldCase);
        QuickRating.rate(mvc, token, "2").andExpect(status().is3xxRedirection());
        store.store(Submission.of(ResponseChannel.CATI, "mot-cua-2018", 1, fieldCase.unitId(), Map.of("satisfaction", "3"),
                        Instant.now())
                .forCase(fieldCase.campaignId(), fieldCase.stratumId(), fieldCase.id(), fieldCase.dossierId())
                .collectedBy("interviewer-onppc"));

        assertThat(page("/s/" + token, 409)).contains("Phiếu này đã được trả lời");
        QuickRating.submit(mvc, token).andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT channel FROM response WHERE sample_member_id = :m").param("m", fieldCase.id())
                .query(String.class).single()).isEqualTo("CATI");
    }

    @Test
    void aLinkOfAClosedCampaignIsA410() throws Exception {
        InField campaign = fixtures.inField("ONPPD", "mot-cua-2018", 10, Map.of("ONLINE", 1));
        String token = tokenOf(campaign.cases().get(0));
        jdbc.sql("UPDATE campaign SET status = 'CLOSED', closed_at = now() WHERE id = :id").param("id", campaign.campaignId()).update();

        assertThat(page("/s/" + token, 410)).contains("Đợt khảo sát đã kết thúc", "Quý I/2025 ONPPD");
        QuickRating.rate(mvc, token, "3").andExpect(status().isGone());
    }
}
