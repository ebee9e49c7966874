package org.sipas.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

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
    @Autowired
    DashboardEvents events;

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

    @Test
    void aCommunesManagerSeesTheirCommunesPartOfTheProvincesCampaignAndNoOtherCommune() throws Exception {
        TallyCampaign campaign = new TallyCampaign(fixtures, store, jdbc, "DSM", 40, 22);
        for (int i = 0; i < 30; i++) {
            campaign.answerNextCase();
        }
        tallies.fold();
        CurrentUser manager = new CurrentUser("dsm-manager", Set.of(Role.UNIT_MANAGER), campaign.field.commune1());
        CampaignEstimates byUnit = users.runAs(campaign.field.admin(), () -> estimates.of(campaign.id(), Domain.UNIT, null, Series.SAMPLED));
        DomainEstimate commune = byUnit.domains().stream().filter(d -> d.code().equals("DSM-C1")).findFirst().orElseThrow();

        CampaignEstimates seen = users.runAs(manager, () -> estimates.of(campaign.id(), Domain.NATION, null, Series.SAMPLED));
        String page = mvc.perform(get("/campaigns/{id}/dashboard", campaign.id()).with(SignedIn.as(manager)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(seen.root().code()).isEqualTo("DSM-C1");
        assertThat(seen.lineage().n()).isEqualTo(commune.n()).isLessThan(30);
        assertThat(seen.domains().get(0).overall().estimatePct()).isEqualTo(commune.overall().estimatePct());
        assertThat(page).contains("<span id=\"count\">" + commune.n() + "</span>").doesNotContain("DSM-C2", "RR1");
        mvc.perform(get("/campaigns/{id}/dashboard", campaign.id()).param("unit", "DSM-C2").with(SignedIn.as(manager)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDashboardHearsOfItsOwnCampaignsFoldsOnly() throws Exception {
        TallyCampaign watched = new TallyCampaign(fixtures, store, jdbc, "DSE", 20, 23);
        TallyCampaign other = new TallyCampaign(fixtures, store, jdbc, "DSF", 20, 24);
        watched.answerNextCase();
        tallies.fold();
        events.tellWhenFolded();
        MvcResult stream = mvc.perform(get("/campaigns/{id}/dashboard/events", watched.id()).with(SignedIn.as(watched.field.admin())))
                .andExpect(request().asyncStarted()).andReturn();
        // a dashboard just opened hears where its campaign stands
        events.tellWhenFolded();
        String opened = stream.getResponse().getContentAsString();

        other.answerNextCase();
        tallies.fold();
        events.tellWhenFolded();
        assertThat(stream.getResponse().getContentAsString()).isEqualTo(opened);

        watched.answerNextCase();
        tallies.fold();
        events.tellWhenFolded();
        assertThat(stream.getResponse().getContentAsString().substring(opened.length())).startsWith("event:folded");
    }
}
