package org.sipas.collection.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.sipas.frame.PhoneHashes;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.web.Formats;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The open portal survey of a campaign that allows it: anyone served may answer, once per phone. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalTest {

    /** Each test posts from its own address (documentation range, never dialled), so buckets do not mix. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    PhoneHashes phones;
    @Autowired
    JdbcClient jdbc;

    InField campaign;
    String portal;
    String unitCode;

    @BeforeAll
    void campaignWithItsPortalOpen() throws Exception {
        campaign = fixtures.inField("ONPOR", "mot-cua-2018", 10, Map.of("PHONE", 1));
        portal = "/s/portal/" + campaign.campaignId();
        unitCode = "ONPOR-C1";
        mvc.perform(post("/campaigns/" + campaign.campaignId() + "/portal").with(SignedIn.as(campaign.admin())).with(csrf())
                        .param("enabled", "true").param("opensOn", Formats.DATE.format(LocalDate.now(Formats.ZONE).minusDays(1))))
                .andExpect(redirectedUrl("/campaigns/" + campaign.campaignId() + "/portal"));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String newAddress() {
        return "198.51.100." + ADDRESSES.getAndIncrement();
    }

    private ResultActions start(String address, String unit, String phone) throws Exception {
        return mvc.perform(post(portal).with(csrf()).with(from(address)).param("unit", unit).param("phone", phone));
    }

    private String startedToken(String phone) throws Exception {
        String location = start(newAddress(), unitCode, phone).andExpect(status().isSeeOther())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/s/[A-Za-z0-9_-]{24}");
        return location.substring("/s/".length());
    }

    @Test
    void thePortalPageOffersTheCampaignsUnitsAndAsksForAPhone() throws Exception {
        String page = mvc.perform(get(portal)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Phường Một ONPOR", "Xã Hai ONPOR", "type=\"tel\"", "không lưu số điện thoại", "_csrf");
    }

    @Test
    void aPortalAnswerIsStoredWithChannelPortalAndThePhonesHashOnly() throws Exception {
        String token = startedToken("0912 555 001");
        QuickRating.rate(mvc, token, "3").andExpect(status().is3xxRedirection());
        QuickRating.submit(mvc, token).andExpect(redirectedUrl("/s/" + token + "/thanks"));

        Map<String, Object> response = jdbc.sql("""
                        SELECT channel, campaign_id, respondent_hash, sampled, sample_member_id, unit_id, answers::text AS answers
                        FROM response WHERE token = :t""").param("t", token).query().singleRow();
        assertThat(response.get("channel")).isEqualTo("PORTAL");
        assertThat(response.get("campaign_id")).isEqualTo(campaign.campaignId());
        assertThat(response.get("respondent_hash")).isEqualTo(phones.hash("0912555001").orElseThrow());
        assertThat(response.get("sampled")).isEqualTo(false);
        assertThat(response.get("sample_member_id")).isNull();
        assertThat(response.get("unit_id")).isEqualTo(campaign.commune1());
        // the number itself is nowhere: not in the token, not in the response
        assertThat(jdbc.sql("SELECT count(*) FROM survey_token t WHERE row_to_json(t)::text LIKE '%555001%'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM response r WHERE row_to_json(r)::text LIKE '%555001%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theSamePhoneWrittenAnotherWayCannotAnswerTwice() throws Exception {
        String token = startedToken("0912 555 002");
        QuickRating.rate(mvc, token, "2").andExpect(status().is3xxRedirection());
        QuickRating.submit(mvc, token).andExpect(redirectedUrl("/s/" + token + "/thanks"));

        String page = start(newAddress(), "ONPOR-C2", "+84 912.555.002").andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Ông/Bà đã trả lời khảo sát này");
    }

    @Test
    void twoSittingsOfOnePhoneRacingToSubmitStoreOneAnswer() throws Exception {
        String first = startedToken("0912 555 003");
        String second = startedToken("0912555003");
        QuickRating.rate(mvc, first, "3").andExpect(status().is3xxRedirection());
        QuickRating.rate(mvc, second, "1").andExpect(status().is3xxRedirection());

        QuickRating.submit(mvc, second).andExpect(redirectedUrl("/s/" + second + "/thanks"));
        String refused = QuickRating.submit(mvc, first).andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(refused).contains("Ông/Bà đã trả lời khảo sát này");
        assertThat(jdbc.sql("SELECT count(*) FROM response WHERE campaign_id = :c AND respondent_hash = :h")
                .param("c", campaign.campaignId()).param("h", phones.hash("0912555003").orElseThrow())
                .query(Long.class).single()).isOne();
    }

    @Test
    void aWrongPhoneOrUnitIsShownAgainNamingTheField() throws Exception {
        String page = start(newAddress(), "", "12345").andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Cơ quan, đơn vị: vui lòng chọn", "Số điện thoại: số chưa đúng", "aria-invalid=\"true\"");
        String outside = start(newAddress(), "VN", "0912 555 004").andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(outside).contains("Cơ quan, đơn vị: đơn vị này không thuộc đợt khảo sát");
    }

    @Test
    void tooManyPostsFromOneAddressAreAnswered429WithRetryAfter() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 10; i++) {
            start(address, "", "").andExpect(status().isUnprocessableEntity());
        }
        String page = start(address, unitCode, "0912 555 005").andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Vui lòng thử lại sau ít phút");
        // another address is not held back
        start(newAddress(), unitCode, "0912 555 005").andExpect(status().isSeeOther());
    }

    @Test
    void aCampaignWithoutAnOpenPortalSaysSoPolitely() throws Exception {
        InField closed = fixtures.inField("ONPOS", "mot-cua-2018", 10, Map.of("PHONE", 1));
        assertThat(mvc.perform(get("/s/portal/" + closed.campaignId())).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString()).contains("Không có khảo sát mở");
        mvc.perform(post("/campaigns/" + closed.campaignId() + "/portal").with(SignedIn.as(closed.admin())).with(csrf())
                .param("enabled", "true").param("opensOn", "2025-01-01").param("closesOn", "2025-01-31"));
        assertThat(mvc.perform(get("/s/portal/" + closed.campaignId())).andExpect(status().isGone())
                .andReturn().getResponse().getContentAsString()).contains("Khảo sát mở hiện không nhận trả lời");
    }

    @Test
    void onlyTheCampaignsAdministratorsSetThePortal() throws Exception {
        CurrentUser head = new CurrentUser("head-onpor", Set.of(Role.UNIT_MANAGER), campaign.province());
        mvc.perform(get("/campaigns/" + campaign.campaignId() + "/portal").with(SignedIn.as(head))).andExpect(status().isForbidden());
        String page = mvc.perform(get("/campaigns/" + campaign.campaignId() + "/portal").with(SignedIn.as(campaign.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(QrReading.texts(page)).containsExactly("http://localhost" + portal);
        mvc.perform(post("/campaigns/" + campaign.campaignId() + "/portal").with(SignedIn.as(campaign.admin())).with(csrf())
                        .param("enabled", "true").param("opensOn", "2025-02-01").param("closesOn", "2025-01-01"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", "online.portal.closesBeforeOpens"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'portal.settings' AND entity_id = :id")
                .param("id", Long.toString(campaign.campaignId())).query(Long.class).single()).isPositive();
    }
}
