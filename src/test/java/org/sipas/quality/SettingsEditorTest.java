package org.sipas.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.index.Recounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class SettingsEditorTest {

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
}
