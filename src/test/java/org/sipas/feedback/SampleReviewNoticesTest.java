package org.sipas.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.Campaigns;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.sipas.identity.UnitDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class SampleReviewNoticesTest {

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    Campaigns campaigns;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CurrentUsers users;
    @Autowired
    UnitDirectory units;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDrawnSampleIsAnnouncedToTheLevelAboveButNotToWhoeverDrewItNorToAnotherProvince() {
        FieldworkFixtures.Drafted drafted = fixtures.drafted("SRN", "mot-cua-2018", 40, Map.of("PHONE", 1));
        FieldworkFixtures.Drafted elsewhere = fixtures.drafted("SRO", "mot-cua-2018", 10, Map.of("PHONE", 1));
        CurrentUser root = new CurrentUser("admin-srn-root", Set.of(Role.ADMIN), units.root().id());
        users.runAs(root, () -> accounts.create("duyet-srn", "Phê duyệt SRN", units.root().id(), Set.of(Role.ADMIN), null));
        users.runAs(root, () -> accounts.create("tinh-sro", "Sở Nội vụ SRO", elsewhere.province(), Set.of(Role.PROVINCE_ADMIN), null));
        CurrentUser drawer = new CurrentUser("duyet-srn-chon", Set.of(Role.ADMIN), units.root().id());
        users.runAs(root, () -> accounts.create(drawer.name(), "Người chọn mẫu", units.root().id(), Set.of(Role.ADMIN), null));

        users.runAs(drawer, () -> campaigns.draw(drafted.campaignId(), 21L));

        String link = "/campaigns/" + drafted.campaignId() + "/sample-review";
        assertThat(told(link)).contains("duyet-srn").doesNotContain(drawer.name(), "tinh-sro");
        assertThat(jdbc.sql("SELECT body FROM inbox_message WHERE link = :l AND username = 'duyet-srn'").param("l", link)
                .query(String.class).single()).contains("hạt giống 21").contains("seed 21");
    }

    private List<String> told(String link) {
        return jdbc.sql("SELECT username FROM inbox_message WHERE link = :l").param("l", link).query(String.class).list();
    }
}
