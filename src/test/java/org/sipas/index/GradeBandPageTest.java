package org.sipas.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class GradeBandPageTest {

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GradeBandStore bands;
    @Autowired
    MockMvc mvc;

    @Test
    void aProvinceSetsItsCampaignsGradesAndABadRowChangesNothing() throws Exception {
        TallyCampaign campaign = new TallyCampaign(fixtures, store, jdbc, "GBP", 10, 31);

        mvc.perform(post("/campaigns/{id}/grades", campaign.id()).with(SignedIn.as(campaign.field.admin())).with(csrf())
                        .param("code", "xs", "tot", "")
                        .param("labelVi", "Xuất sắc", "Tốt", "")
                        .param("labelEn", "Excellent", "", "")
                        .param("minimum", "90", "80,5", ""))
                .andExpect(status().is3xxRedirection());
        GradeBands saved = bands.forCampaign(campaign.id(), "sipas-2017");
        assertThat(saved.bands()).extracting(GradeBands.Band::code).containsExactly("xs", "tot");
        assertThat(saved.grade(85.0)).map(GradeBands.Band::code).contains("tot");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'grade-bands.replace' AND entity_id = :id")
                .param("id", Long.toString(campaign.id())).query(Long.class).single()).isEqualTo(1);

        String rejected = mvc.perform(post("/campaigns/{id}/grades", campaign.id()).with(SignedIn.as(campaign.field.admin()))
                        .with(csrf())
                        .param("code", "kha", "")
                        .param("labelVi", "Khá", "Yếu")
                        .param("labelEn", "", "")
                        .param("minimum", "170", "0"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString();
        assertThat(rejected).contains("Dòng 1, cột Ngưỡng tối thiểu", "Dòng 2, cột Mã");
        assertThat(bands.forCampaign(campaign.id(), "sipas-2017").bands()).extracting(GradeBands.Band::code).containsExactly("xs", "tot");

        String page = mvc.perform(get("/campaigns/{id}/grades", campaign.id()).with(SignedIn.as(campaign.field.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("value=\"Xuất sắc\"", "value=\"80,50\"");
    }
}
