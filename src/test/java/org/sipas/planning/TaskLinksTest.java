package org.sipas.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.identity.CurrentUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.server.ResponseStatusException;

/** A task that is a campaign (or its report) shows that campaign's name and page; a link to nothing is refused. */
@SpringBootTest
class TaskLinksTest {

    @Autowired
    FieldworkFixtures fieldwork;
    @Autowired
    Plans plans;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFieldSurveyTaskLinkedToItsCampaignShowsTheCampaignsNameAndPage() {
        FieldworkFixtures.Drafted campaign = fieldwork.drafted("PLK", "mot-cua-2018", 20, Map.of("PHONE", 1));
        String name = jdbc.sql("SELECT name FROM campaign WHERE id = :c").param("c", campaign.campaignId()).query(String.class).single();
        long planId = users.runAs(campaign.admin(), () -> plans.createFromTemplate("quoc-gia-hang-nam", 2027, campaign.province()));
        PlanTask survey = users.runAs(campaign.admin(), () -> plans.get(planId)).tasks().get(5);
        TaskForm linked = new TaskForm(survey.content(), survey.leadUnitId(), survey.leadNote(), List.of(campaign.commune1()),
                survey.partnersNote(), survey.time(), "Phiếu khảo sát đã thu", TaskLink.Kind.CAMPAIGN, campaign.campaignId());
        users.runAs(campaign.admin(), () -> {
            plans.updateTask(survey.id(), linked);
            return null;
        });

        PlanTask after = users.runAs(campaign.admin(), () -> plans.task(survey.id()));
        assertThat(after.link().name()).isEqualTo(name);
        assertThat(after.link().href()).isEqualTo("/campaigns/" + campaign.campaignId());
        assertThat(after.partnerText()).startsWith("Phường").contains("Tổng công ty Bưu điện Việt Nam");

        TaskForm nowhere = new TaskForm(survey.content(), survey.leadUnitId(), null, List.of(), null, survey.time(), null,
                TaskLink.Kind.PUBLICATION, 987_654_321L);
        assertThatThrownBy(() -> users.runAs(campaign.admin(), () -> {
            plans.updateTask(survey.id(), nowhere);
            return null;
        })).isInstanceOf(ResponseStatusException.class).hasMessageContaining("link: no publication 987654321");
        assertThat(users.runAs(campaign.admin(), () -> plans.task(survey.id())).link().kind()).as("nothing changed").isEqualTo(TaskLink.Kind.CAMPAIGN);
    }
}
