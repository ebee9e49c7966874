package org.sipas.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class SampleApprovalTest {

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    Campaigns campaigns;
    @Autowired
    SampleReviews reviews;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private static final Map<String, Integer> PHONE = Map.of("PHONE", 1);

    @Test
    void aCampaignCannotMoveToTheFieldBeforeItsSampleIsApproved() {
        FieldworkFixtures.Drafted drafted = fixtures.drafted("SAA", "mot-cua-2018", 40, PHONE);
        long id = drafted.campaignId();
        users.runAs(drafted.admin(), () -> campaigns.draw(id, 5L));

        assertThatThrownBy(() -> users.runAs(drafted.admin(), () -> {
            campaigns.startFieldwork(id);
            return null;
        })).isInstanceOf(CampaignConflict.class).hasMessage("campaign.start.notApproved");
        assertThat(stateOf(id)).isEqualTo("SAMPLED");

        SampleReview approved = users.runAs(nationAdmin("duyet-saa"), () -> reviews.approve(id, "Phân bổ hợp lý"));
        assertThat(approved.seed()).isEqualTo(5L);
        users.runAs(drafted.admin(), () -> {
            campaigns.startFieldwork(id);
            return null;
        });
        assertThat(stateOf(id)).isEqualTo("IN_FIELD");
        assertThat(jdbc.sql("""
                        SELECT actor || ' ' || (after->>'decision') || ' ' || (after->>'seed') FROM audit_log
                        WHERE action = 'campaign.sample.approve' AND detail = :d""")
                .param("d", "campaign " + id).query(String.class).list()).containsExactly("duyet-saa APPROVED 5");
    }

    @Test
    void aReturnedSampleIsRedrawnWithANewSeedThatTheAuditLogRecords() {
        FieldworkFixtures.Drafted drafted = fixtures.drafted("SAB", "mot-cua-2018", 40, PHONE);
        long id = drafted.campaignId();
        users.runAs(drafted.admin(), () -> campaigns.draw(id, 11L));
        CurrentUser approver = nationAdmin("duyet-sab");

        assertThatThrownBy(() -> users.runAs(approver, () -> reviews.returnSample(id, " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("campaign.review.commentsRequired");
        users.runAs(approver, () -> reviews.returnSample(id, "Xã Hai thiếu số điện thoại: chọn lại"));
        assertThatThrownBy(() -> users.runAs(drafted.admin(), () -> {
            campaigns.startFieldwork(id);
            return null;
        })).isInstanceOf(CampaignConflict.class).hasMessage("campaign.start.sampleReturned");

        // drawn again with a new random seed: the returned decision was about the old one
        Campaigns.DrawSummary again = users.runAs(drafted.admin(), () -> campaigns.draw(id, null));
        assertThat(again.seed()).isNotEqualTo(11L);
        assertThat(users.runAs(drafted.admin(), () -> campaigns.sampleStanding(campaigns.get(id))))
                .isEqualTo(SampleReviews.Standing.AWAITING);
        List<String> draws = jdbc.sql("""
                        SELECT (before->>'seed') || ' → ' || (after->>'seed') FROM audit_log
                        WHERE action = 'campaign.draw' AND entity_id = :id ORDER BY id""")
                .param("id", Long.toString(id)).query(String.class).list();
        assertThat(draws).containsExactly("null → 11", "11 → " + again.seed());
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'campaign.draw' AND entity_id = :id ORDER BY id DESC LIMIT 1")
                .param("id", Long.toString(id)).query(String.class).single()).isEqualTo("redrawn after the sample was returned");

        users.runAs(approver, () -> reviews.approve(id, null));
        users.runAs(drafted.admin(), () -> {
            campaigns.startFieldwork(id);
            return null;
        });
        assertThat(stateOf(id)).isEqualTo("IN_FIELD");
        assertThat(jdbc.sql("SELECT decision || ':' || seed FROM sample_review WHERE campaign_id = :id ORDER BY id")
                .param("id", id).query(String.class).list())
                .containsExactly("RETURNED:11", "APPROVED:" + again.seed());
        assertThat(jdbc.sql("SELECT after->>'comments' FROM audit_log WHERE action = 'campaign.sample.return' AND detail = :d")
                .param("d", "campaign " + id).query(String.class).single()).isEqualTo("Xã Hai thiếu số điện thoại: chọn lại");
    }

    @Test
    void theDrawerCannotApproveTheirOwnSampleNorCanTheProvinceApproveItsOwn() {
        FieldworkFixtures.Drafted drafted = fixtures.drafted("SAC", "mot-cua-2018", 40, PHONE);
        long id = drafted.campaignId();
        // a national administrator draws the province's sample: of the approving level, and still not its approver
        CurrentUser drawer = nationAdmin("chon-mau-sac");
        users.runAs(drawer, () -> campaigns.draw(id, 3L));

        assertThatThrownBy(() -> users.runAs(drawer, () -> reviews.approve(id, null)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("drew the sample");
        // the province's own administrator is not the level above a province-wide campaign
        assertThatThrownBy(() -> users.runAs(drafted.admin(), () -> reviews.approve(id, null)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("approved by [ADMIN] of VN");
        assertThat(jdbc.sql("SELECT count(*) FROM sample_review WHERE campaign_id = :id").param("id", id)
                .query(Long.class).single()).isZero();

        users.runAs(nationAdmin("duyet-sac"), () -> reviews.approve(id, null));
        assertThat(users.runAs(drawer, () -> campaigns.sampleStanding(campaigns.get(id)))).isEqualTo(SampleReviews.Standing.APPROVED);
    }

    @Test
    void theApproverPageShowsEachStratumAndAMaskedExtractAndTakesTheDecision() throws Exception {
        FieldworkFixtures.Drafted drafted = fixtures.drafted("SAD", "mot-cua-2018", 40, PHONE);
        long id = drafted.campaignId();
        users.runAs(drafted.admin(), () -> campaigns.draw(id, 9L));
        CurrentUser approver = nationAdmin("duyet-sad");

        String page = mvc.perform(get("/campaigns/{id}/sample-review", id).with(SignedIn.as(approver)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // 40 over two communes of 60: 20 each, reserves of 20%, every dossier of the frame has a phone
        assertThat(page).contains("Chờ cấp trên thông qua", "Phường Một SAD", "Xã Hai SAD", "100,0%",
                "Trích ngẫu nhiên 20 người trong mẫu", "09******");
        assertThat(page).doesNotContainPattern("0912 ?000\\d{3}").contains("Thông qua mẫu");

        String drawerPage = mvc.perform(get("/campaigns/{id}/sample-review", id).with(SignedIn.as(drafted.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(drawerPage).doesNotContain("Trả lại để chọn mẫu lại");

        mvc.perform(post("/campaigns/{id}/sample-review/approve", id).param("comments", "Đạt").with(SignedIn.as(approver)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT decided_by || ':' || comments FROM sample_review WHERE campaign_id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("duyet-sad:Đạt");
    }

    private CurrentUser nationAdmin(String name) {
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        return new CurrentUser(name, Set.of(Role.ADMIN), nation);
    }

    private String stateOf(long id) {
        return jdbc.sql("SELECT status FROM campaign WHERE id = :id").param("id", id).query(String.class).single();
    }
}
