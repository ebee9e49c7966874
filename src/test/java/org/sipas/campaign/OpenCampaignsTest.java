package org.sipas.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.sipas.frame.PhoneHashes;
import org.sipas.identity.CurrentUsers;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Open surveys as campaigns: made and started with no frame or draw, and their invited lists
 * imported all or nothing through the one table reader, kept as keyed hashes, each new address
 * mailed its invitation through the outbox.
 */
@SpringBootTest
class OpenCampaignsTest {

    @Autowired
    OpenSurveyFixtures fixtures;
    @Autowired
    OpenCampaigns open;
    @Autowired
    Campaigns campaigns;
    @Autowired
    CurrentUsers users;
    @Autowired
    PhoneHashes hashes;
    @Autowired
    JdbcClient jdbc;

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anOpenSurveyGoesToTheFieldWithNoFrameNoDrawAndNoStrata() {
        OpenSurveyFixtures.Started s = fixtures.started("OPCA", OpenCampaign.Audience.PUBLIC, true);
        OpenCampaign survey = open.find(s.campaignId()).orElseThrow();
        assertThat(survey.status()).isEqualTo("IN_FIELD");
        assertThat(survey.publishResults()).isTrue();
        assertThat(jdbc.sql("SELECT kind FROM campaign WHERE id = :id").param("id", s.campaignId()).query(String.class).single())
                .isEqualTo("OPEN");
        assertThat(jdbc.sql("SELECT count(*) FROM campaign_stratum WHERE campaign_id = :id").param("id", s.campaignId())
                .query(Long.class).single()).isZero();
        assertThatThrownBy(() -> users.runAs(s.admin(), () -> campaigns.draw(s.campaignId(), 1L)))
                .isInstanceOf(CampaignConflict.class).hasMessage("campaign.draw.locked");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'campaign' AND entity_id = :id AND action IN ('campaign.create', 'open.create', 'campaign.status')")
                .param("id", Long.toString(s.campaignId())).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aDraftOpenSurveyCannotBeDrawnEither() {
        OpenSurveyFixtures.Started place = fixtures.province("OPCB");
        long id = users.runAs(place.admin(), () -> open.create(new OpenCampaignForm("Khảo sát OPCB", "mot-cua-2018", 1, "OPCB-P",
                "2027-03-01", "2027-03-31", "INVITED", 100, false, null, null)));
        assertThatThrownBy(() -> users.runAs(place.admin(), () -> campaigns.draw(id, 1L)))
                .isInstanceOf(CampaignConflict.class).hasMessage("open.draw.none");
        assertThatThrownBy(() -> users.runAs(place.admin(), () -> open.create(new OpenCampaignForm("Khảo sát OPCB 2", "mot-cua-2018", 1,
                "OPCB-P", "2027-03-31", "2027-03-01", "PUBLIC", 100, false, null, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("open.closesBeforeOpens");
    }

    @Test
    void anInvitedListWithOneBadLineIsRejectedWholeNamingItsLineAndColumn() {
        OpenSurveyFixtures.Started s = fixtures.started("OPCC", OpenCampaign.Audience.INVITED, false);
        long mails = jdbc.sql("SELECT count(*) FROM mail_outbox").query(Long.class).single();
        String file = "email,name\nlan@bo-noi-vu.example,Lan\nnot-an-address,Minh\nLAN@bo-noi-vu.example,Lan again\n";

        ImportRejectedException rejected = (ImportRejectedException) org.assertj.core.api.Assertions.catchThrowable(() ->
                users.runAs(s.admin(), () -> open.importInvitees(s.campaignId(), "moi.csv", csv(file), null)));

        assertThat(rejected).isNotNull();
        assertThat(rejected.errors()).extracting(RowError::line, RowError::column, RowError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "email", "open.invitees.emailInvalid"),
                        org.assertj.core.groups.Tuple.tuple(4L, "email", "open.invitees.duplicate"));
        assertThat(rejected.errors()).allMatch(e -> e.file().equals("moi.csv"));
        assertThat(jdbc.sql("SELECT count(*) FROM open_campaign_invitee WHERE campaign_id = :c").param("c", s.campaignId())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox").query(Long.class).single()).isEqualTo(mails);
    }

    @Test
    void aValidInvitedListIsKeptAsKeyedHashesAndEachNewAddressIsInvitedOnce() {
        OpenSurveyFixtures.Started s = fixtures.started("OPCD", OpenCampaign.Audience.INVITED, false);
        String file = "email\nLan.Tran@So-Noi-Vu.example\nminh@so-noi-vu.example\n";

        int added = users.runAs(s.admin(), () -> open.importInvitees(s.campaignId(), "moi.csv", csv(file), null));
        int again = users.runAs(s.admin(), () -> open.importInvitees(s.campaignId(), "moi-lai.csv",
                csv("email\nminh@so-noi-vu.example\nhoa@so-noi-vu.example\n"), null));

        assertThat(added).isEqualTo(2);
        assertThat(again).isEqualTo(1);
        assertThat(open.isInvited(s.campaignId(), hashes.email("lan.tran@so-noi-vu.example").orElseThrow())).isTrue();
        assertThat(open.isInvited(s.campaignId(), hashes.email("someone@else.example").orElseThrow())).isFalse();
        assertThat(open.invitees(s.campaignId())).containsExactlyInAnyOrder("la***@so-noi-vu.example", "mi***@so-noi-vu.example",
                "ho***@so-noi-vu.example");
        // the list keeps no address; the outbox holds one invitation per address, with the survey's link
        assertThat(jdbc.sql("SELECT count(*) FROM open_campaign_invitee i WHERE row_to_json(i)::text ILIKE '%minh@%'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = 'minh@so-noi-vu.example' AND body LIKE :link")
                .param("link", "%/s/open/" + s.campaignId() + "%").query(Long.class).single()).isOne();
    }

    @Test
    void theResultsRefreshWhileTheSurveyTakesAnswersOnlyWhenTheyPublishThemselvesAndAtMostMonthly() {
        OpenSurveyFixtures.Started place = fixtures.province("OPCR");
        long id = users.runAs(place.admin(), () -> open.create(new OpenCampaignForm("Khảo sát OPCR", "mot-cua-2018", 1, "OPCR-P",
                "2027-03-01", "2027-03-31", "PUBLIC", 100, true, "WHILE_OPEN", null)));
        OpenCampaign daily = open.find(id).orElseThrow();
        assertThat(daily.publishesWhileOpen()).isTrue();
        assertThat(daily.refreshHours()).as("every day unless told").isEqualTo(24);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'open.create' AND entity_id = :id AND after ->> 'refreshHours' = '24'")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(1);
        assertThat(open.find(fixtures.started("OPCS", OpenCampaign.Audience.PUBLIC, true).campaignId()).orElseThrow())
                .satisfies(o -> assertThat(o.publishesWhileOpen()).as("the default: only when it closes").isFalse());

        long campaignsBefore = jdbc.sql("SELECT count(*) FROM campaign").query(Long.class).single();
        assertThatThrownBy(() -> users.runAs(place.admin(), () -> open.create(new OpenCampaignForm("Khảo sát OPCR 2", "mot-cua-2018", 1,
                "OPCR-P", "2027-03-01", "2027-03-31", "PUBLIC", 100, false, "WHILE_OPEN", 24))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("open.refresh.needsPublish");
        assertThatThrownBy(() -> users.runAs(place.admin(), () -> open.create(new OpenCampaignForm("Khảo sát OPCR 3", "mot-cua-2018", 1,
                "OPCR-P", "2027-03-01", "2027-03-31", "PUBLIC", 100, true, "WHILE_OPEN", 721))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("open.refresh.hours");
        assertThat(jdbc.sql("SELECT count(*) FROM campaign").query(Long.class).single()).isEqualTo(campaignsBefore);
    }
}
