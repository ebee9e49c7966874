package org.sipas.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.SignedIn;
import org.sipas.index.Recounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;

@SpringBootTest
@AutoConfigureMockMvc
class SettingsEditorTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SettingsEditor editor;
    @Autowired
    Arrivals arrivals;
    @Autowired
    Recounts recounts;
    @Autowired
    CurrentUsers users;

    @Test
    void anAdministratorChangesTheThresholdsValidatedAndAuditedAndTheSwitchTakesUndecidedResponsesOutOfTheCount() {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QSE", 10, 3);
        long submitted = campaign.interview("dtv-qse");
        arrivals.check();
        CurrentUser admin = campaign.field.admin();
        assertThat(recounts.counts(submitted)).isTrue();

        QualitySettings bad = new QualitySettings(true, 1.5, 2, 300, 900, LocalTime.of(7, 0), LocalTime.of(21, 0), 30, 8, 20, 0.001, 0.2);
        assertThatThrownBy(() -> users.runAs(admin, () -> editor.save(campaign.id(), bad)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("recheckShare:");
        QualitySettings strict = new QualitySettings(false, 0.15, 3, 240, 600, LocalTime.of(7, 30), LocalTime.of(17, 30), 20, 10, 15,
                0.01, 0.1);
        users.runAs(admin, () -> editor.save(campaign.id(), strict));

        assertThat(users.runAs(admin, () -> editor.settings(campaign.id()))).isEqualTo(strict);
        assertThat(recounts.counts(submitted)).as("only accepted responses count now").isFalse();
        assertThat(jdbc.sql("SELECT after::text FROM audit_log WHERE action = 'quality.settings' AND entity_id = :c")
                .param("c", Long.toString(campaign.id())).query(String.class).single()).contains("0.15");

        users.runAs(admin, () -> editor.save(campaign.id(), QualitySettings.DEFAULTS));
        assertThat(recounts.counts(submitted)).isTrue();
    }

    @Test
    void theSettingsPageTakesPercentsWithADecimalCommaAndShowsAValueOutOfRangeBesideItsFieldSavingNothing() throws Exception {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QSP", 10, 4);
        CurrentUser admin = campaign.field.admin();
        String page = mvc.perform(get("/campaigns/{id}/quality-settings", campaign.id()).with(SignedIn.as(admin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Tỷ lệ phúc tra ngẫu nhiên (%)").contains("name=\"recheckPercent\" value=\"10\"")
                .contains("name=\"maxDistanceKm\" value=\"20\"").contains("value=\"07:00\"");

        mvc.perform(post("/campaigns/{id}/quality-settings", campaign.id()).with(SignedIn.as(admin)).with(csrf())
                        .params(form("12,5", "0,005", "15")))
                .andExpect(status().is3xxRedirection());
        QualitySettings saved = users.runAs(admin, () -> editor.settings(campaign.id()));
        assertThat(saved.recheckShare()).isEqualTo(0.125);
        assertThat(saved.chiSquareAlpha()).isEqualTo(0.005);
        assertThat(saved.maxDistanceKm()).isEqualTo(15);
        assertThat(saved.countUntilDecided()).as("the box was left unticked").isFalse();

        String rejected = mvc.perform(post("/campaigns/{id}/quality-settings", campaign.id()).with(SignedIn.as(admin)).with(csrf())
                        .params(form("12,5", "0,005", "không")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(rejected).contains("Chưa lưu: “Khoảng cách tối đa của vị trí phỏng vấn ngoài tỉnh của đơn vị (km)” phải là một số lớn hơn 0")
                .contains("name=\"maxDistanceKm\" value=\"không\"").contains("aria-invalid=\"true\"");
        assertThat(users.runAs(admin, () -> editor.settings(campaign.id()))).isEqualTo(saved);
    }

    private static LinkedMultiValueMap<String, String> form(String recheckPercent, String alpha, String km) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("recheckPercent", recheckPercent);
        form.add("recheckMinPerInterviewer", "2");
        form.add("discrepancyPercent", "20");
        form.add("minActiveSeconds", "300");
        form.add("idleGapSeconds", "900");
        form.add("straightLineMinimum", "8");
        form.add("workingFrom", "07:00");
        form.add("workingTo", "21:00");
        form.add("maxDailyInterviews", "30");
        form.add("maxDistanceKm", km);
        form.add("chiSquareAlpha", alpha);
        return form;
    }
}
