package org.sipas.collection.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlipPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    InField campaign;
    List<FieldCase> online;

    @BeforeAll
    void campaignInTheField() {
        campaign = fixtures.inField("ONSLP", "mot-cua-2018", 40, Map.of("ONLINE", 1, "PHONE", 1));
        online = campaign.cases().stream().filter(c -> "ONLINE".equals(c.channel())).toList();
    }

    private String tokenOf(FieldCase fieldCase) {
        return jdbc.sql("SELECT token FROM survey_token WHERE sample_member_id = :m").param("m", fieldCase.id())
                .query(String.class).single();
    }

    private String slips(CurrentUser who, String query) throws Exception {
        return mvc.perform(get("/campaigns/" + campaign.campaignId() + "/slips" + query).with(SignedIn.as(who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theSlipsCarryOneQrCodePerOnlineCaseThatDecodesToItsLink() throws Exception {
        long audited = jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'survey.slips.print' AND entity_id = :id")
                .param("id", Long.toString(campaign.campaignId())).query(Long.class).single();

        String page = slips(campaign.admin(), "");

        List<String> links = QrReading.texts(page);
        assertThat(links).hasSize(online.size());
        assertThat(links).containsExactlyInAnyOrderElementsOf(online.stream().map(c -> "http://localhost/s/" + tokenOf(c)).toList());
        // every link is also printed for those who type it
        assertThat(links).allSatisfy(link -> assertThat(page).contains(">" + link + "<"));
        assertThat(page).contains("Mời Ông/Bà đánh giá mức độ hài lòng", "Phường Một ONSLP", "Mã hồ sơ", "/css/slips.css");
        // eight slips on each A4 sheet
        assertThat(page.split("class=\"sheet\"", -1)).hasSize(1 + (online.size() + 7) / 8);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'survey.slips.print' AND entity_id = :id")
                .param("id", Long.toString(campaign.campaignId())).query(Long.class).single()).isEqualTo(audited + 1);
    }

    @Test
    void slipsCarryNoContactData() throws Exception {
        String page = slips(campaign.admin(), "");
        assertThat(page).doesNotContain("Người dân").doesNotContain("0912 0").doesNotContain("09******");
    }

    @Test
    void aUnitHeadPrintsOnlyTheSlipsOfTheirOwnUnit() throws Exception {
        InField allOnline = fixtures.inField("ONSLR", "mot-cua-2018", 20, Map.of("ONLINE", 1));
        CurrentUser head = new CurrentUser("head-onslr", Set.of(Role.UNIT_MANAGER), allOnline.commune1());
        long own = allOnline.cases().stream().filter(c -> c.unitId() == allOnline.commune1()).count();
        assertThat(own).isPositive().isLessThan(allOnline.cases().size());

        String page = mvc.perform(get("/campaigns/" + allOnline.campaignId() + "/slips").with(SignedIn.as(head)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(QrReading.texts(page)).hasSize((int) own);
        assertThat(page).doesNotContain("Xã Hai ONSLR");
        String commune2 = mvc.perform(get("/campaigns/" + allOnline.campaignId() + "/slips?unit=ONSLR-C2")
                        .with(SignedIn.as(allOnline.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(QrReading.texts(commune2)).hasSize(allOnline.cases().size() - (int) own);
        mvc.perform(get("/campaigns/" + allOnline.campaignId() + "/slips?unit=ONSLR-C2").with(SignedIn.as(head)))
                .andExpect(status().isNotFound());
    }

    @Test
    void anotherProvinceAndAnAnalystCannotPrintThem() throws Exception {
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        long elsewhere = fixtures.inField("ONSLQ", "mot-cua-2018", 10, Map.of("ONLINE", 1)).province();
        mvc.perform(get("/campaigns/" + campaign.campaignId() + "/slips")
                        .with(SignedIn.as(new CurrentUser("pa-onslq", Set.of(Role.PROVINCE_ADMIN), elsewhere))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/campaigns/" + campaign.campaignId() + "/slips")
                        .with(SignedIn.as(new CurrentUser("analyst-onslp", Set.of(Role.ANALYST), nation))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theCampaignPageLinksToTheSlips() throws Exception {
        String page = mvc.perform(get("/campaigns/" + campaign.campaignId()).with(SignedIn.as(campaign.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/campaigns/" + campaign.campaignId() + "/slips", "In phiếu mời có mã QR",
                "/campaigns/" + campaign.campaignId() + "/portal");
    }
}
