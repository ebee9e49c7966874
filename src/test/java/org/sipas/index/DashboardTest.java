package org.sipas.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class DashboardTest {

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Tallies tallies;
    @Autowired
    Estimates estimates;
    @Autowired
    CurrentUsers users;
    @Autowired
    MockMvc mvc;

    @Test
    void theDashboardShowsTheFiguresOfTheApiWithVietnameseNumbersAndDrillsDownToAUnit() throws Exception {
        TallyCampaign campaign = new TallyCampaign(fixtures, store, jdbc, "DSH", 40, 21);
        for (int i = 0; i < 30; i++) {
            campaign.answerNextCase();
        }
        campaign.rateAtCounter(campaign.field.commune1());
        tallies.fold();
        CampaignEstimates province = users.runAs(campaign.field.admin(),
                () -> estimates.of(campaign.id(), Domain.NATION, null, Series.SAMPLED));
        IndexEstimate overall = province.domains().get(0).overall();

        String page = mvc.perform(get("/campaigns/{id}/dashboard", campaign.id()).with(SignedIn.as(campaign.field.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Chỉ số hài lòng: Tỉnh DSH", "id=\"index-table\"", "id=\"children-table\"",
                "id=\"trend-table\"", "id=\"ranking-table\"", "id=\"by-procedure\"", "không phải mẫu ngẫu nhiên", "/index/dashboard.js",
                "echarts.min.js", "data-events=");
        assertThat(page).contains("<span id=\"count\">30</span>");
        assertThat(page).contains(new Percent(Locale.forLanguageTag("vi")).of(overall.estimatePct()));
        assertThat(new Percent(Locale.forLanguageTag("vi")).of(85.4789)).isEqualTo("85,48 %");
        assertThat(page).doesNotContain("<script>");
        assertThat(page).contains("dashboard?unit=DSH-C1");

        String unit = mvc.perform(get("/campaigns/{id}/dashboard", campaign.id()).param("unit", "DSH-C1")
                        .header("HX-Request", "true").with(SignedIn.as(campaign.field.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(unit).startsWith("<div id=\"figures\"").doesNotContain("<nav");

        String english = mvc.perform(get("/campaigns/{id}/dashboard", campaign.id()).param("lang", "en")
                        .with(SignedIn.as(campaign.field.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("not a random sample", new Percent(Locale.ENGLISH).of(overall.estimatePct()));

        mvc.perform(get("/dashboards").with(SignedIn.as(campaign.field.admin())))
                .andExpect(status().isOk());
    }
}
