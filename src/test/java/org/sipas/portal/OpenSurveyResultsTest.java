package org.sipas.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.OpenCampaign;
import org.sipas.campaign.OpenCampaigns;
import org.sipas.campaign.OpenSurveyFixtures;
import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.Submission;
import org.sipas.frame.PhoneHashes;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.index.Series;
import org.sipas.index.Tallies;
import org.sipas.reporting.Publications;
import org.sipas.reporting.ResultsApproval;
import org.sipas.reporting.Snapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public results of an open survey go through the one results approval and snapshot path: a
 * survey set to publish its results has them published when it closes, the skipped approval audited
 * with the setting that skipped it; any other survey's results are prepared, submitted and approved
 * like a sampled campaign's. The page reads the snapshot, labels the series as no random sample,
 * suppresses cells under the minimum n (30), and the snapshot never stands among the sampled ones.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenSurveyResultsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OpenSurveyFixtures fixtures;
    @Autowired
    OpenCampaigns open;
    @Autowired
    ResponseStore store;
    @Autowired
    PhoneHashes hashes;
    @Autowired
    Tallies tallies;
    @Autowired
    CurrentUsers users;
    @Autowired
    ResultsApproval approval;
    @Autowired
    Publications publications;
    @Autowired
    JdbcClient jdbc;

    /** {@code satisfied} answers "Rất hài lòng" and {@code notSatisfied} "Không hài lòng", each from its own verified address. */
    private void answers(OpenSurveyFixtures.Started s, String prefix, int satisfied, int notSatisfied) {
        for (int i = 0; i < satisfied + notSatisfied; i++) {
            String rating = i < satisfied ? "3" : "1";
            store.store(Submission.of(ResponseChannel.PORTAL, "mot-cua-2018", 1, s.province(), Map.of("satisfaction", rating),
                            Instant.now().minusSeconds(120))
                    .inCampaign(s.campaignId()).withRespondentHash(hashes.email(prefix + i + "@example.vn").orElseThrow()));
        }
        tallies.fold();
    }

    private void close(OpenSurveyFixtures.Started s) {
        users.runAs(s.admin(), () -> {
            open.close(s.campaignId());
            return s.campaignId();
        });
    }

    private String page(long id, String... lang) throws Exception {
        var request = get("/portal/open-surveys/" + id);
        if (lang.length > 0) {
            request = request.param("lang", lang[0]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aSurveySetToPublishItselfIsPublishedAsASnapshotWhenItClosesLabelledAsNoRandomSampleAndAuditedWithTheSetting() throws Exception {
        OpenSurveyFixtures.Started s = fixtures.started("OPRA", OpenCampaign.Audience.PUBLIC, true);
        answers(s, "opra", 30, 10);
        // while it takes answers nothing is published: there is no snapshot yet
        mvc.perform(get("/portal/open-surveys/" + s.campaignId())).andExpect(status().isNotFound());

        close(s);

        Snapshot published = publications.latest(s.campaignId()).orElseThrow();
        assertThat(published.version()).isEqualTo(1);
        assertThat(published.ofOpenSurvey()).isTrue();
        assertThat(published.publishedBySetting()).isTrue();
        assertThat(published.figures()).containsOnlyKeys(Series.PORTAL);
        assertThat(published.lineage().responsesCounted()).isEqualTo(40);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_log WHERE action = 'results.publishBySetting' AND entity_id = :s
                          AND after ->> 'approvalSkippedBy' = 'open_campaign.publish_results'""")
                .param("s", Long.toString(published.id())).query(Long.class).single()).isEqualTo(1);

        String page = page(s.campaignId());
        assertThat(page).contains("Loạt số liệu: khảo sát trực tuyến, không phải mẫu ngẫu nhiên",
                "Khảo sát trực tuyến không phải là mẫu ngẫu nhiên", "Toàn bộ phiếu (n = 40)",
                "Tỷ lệ hài lòng (Hài lòng và Rất hài lòng)", "75,0%", "không qua bước phê duyệt");
        assertThat(page).doesNotContain("Không công bố (dưới ngưỡng)");
        assertThat(page(s.campaignId(), "en")).contains("Series: online survey, not a random sample",
                "An online survey is not a random sample");
        // never among the sampled campaigns: no campaign page, no headline on the portal's home
        mvc.perform(get("/portal/campaigns/" + s.campaignId())).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/portal")).andReturn().getResponse().getContentAsString()).doesNotContain("Khảo sát trực tuyến OPRA");
        assertThat(mvc.perform(get("/portal/open-surveys")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("/portal/open-surveys/" + s.campaignId(), "Khảo sát trực tuyến OPRA");
    }

    @Test
    void anOpenSurveysPublicationAsksNoImprovementPlanAndItsAnnouncementSaysItWasNeitherApprovedNorASample() {
        OpenSurveyFixtures.Started s = fixtures.started("OPRP", OpenCampaign.Audience.PUBLIC, true);
        answers(s, "oprp", 30, 10);
        close(s);
        Snapshot published = publications.latest(s.campaignId()).orElseThrow();

        // opinions of whoever came are not ratings of a unit's service: no unit is asked for a plan
        assertThat(jdbc.sql("SELECT count(*) FROM improvement_task WHERE campaign_id = :c").param("c", s.campaignId())
                .query(Long.class).single()).isZero();
        String announcement = jdbc.sql("SELECT body_markdown FROM article WHERE snapshot_id = :s").param("s", published.id())
                .query(String.class).single();
        assertThat(announcement).contains("đã được công bố theo thiết lập của khảo sát, không qua phê duyệt",
                "không phải mẫu ngẫu nhiên", "(/portal/open-surveys/" + s.campaignId() + ")", "75,0");
        assertThat(announcement).doesNotContain("đã được phê duyệt và công bố", "/portal/campaigns/");
    }

    @Test
    void aSurveyWithFewerAnswersThanTheMinimumShowsNoFigure() throws Exception {
        OpenSurveyFixtures.Started s = fixtures.started("OPRB", OpenCampaign.Audience.PUBLIC, true);
        answers(s, "oprb", 4, 1);
        close(s);

        String page = page(s.campaignId());

        assertThat(page).contains("không phải mẫu ngẫu nhiên", "Không công bố (dưới ngưỡng)", "(n = 5)");
        assertThat(page).doesNotContain("80,0%");
    }

    @Test
    void aSurveyNotSetToPublishItselfIsPublishedOnlyWhenTheLevelAboveApprovesItsResults() throws Exception {
        OpenSurveyFixtures.Started s = fixtures.started("OPRC", OpenCampaign.Audience.PUBLIC, false);
        String list = mvc.perform(get("/portal/open-surveys")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("/s/open/" + s.campaignId(), "Khảo sát trực tuyến OPRC");
        answers(s, "oprc", 24, 8);
        close(s);
        mvc.perform(get("/portal/open-surveys/" + s.campaignId())).andExpect(status().isNotFound());
        assertThat(users.runAs(s.admin(), () -> approval.publishBySetting(s.campaignId()))).as("not its setting").isEmpty();

        CurrentUser analyst = new CurrentUser("phan-tich-oprc", Set.of(Role.ANALYST), s.province());
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        CurrentUser approver = new CurrentUser("qt-quoc-gia-oprc", Set.of(Role.ADMIN), nation);
        users.runAs(analyst, () -> {
            approval.prepare(s.campaignId());
            return approval.submit(s.campaignId(), null);
        });
        mvc.perform(get("/portal/open-surveys/" + s.campaignId())).andExpect(status().isNotFound());
        Snapshot approved = users.runAs(approver, () -> approval.approve(s.campaignId(), "Đồng ý công bố"));
        assertThat(approved.ofOpenSurvey()).isTrue();
        assertThat(approved.publishedBySetting()).isFalse();

        assertThat(page(s.campaignId())).contains("Toàn bộ phiếu (n = 32)", "75,0%", "được phê duyệt và công bố",
                "không phải mẫu ngẫu nhiên");
        // the staff's results page shows the version's own series, labelled the same way
        assertThat(mvc.perform(get("/campaigns/" + s.campaignId() + "/results").with(org.sipas.identity.SignedIn.as(analyst)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("Loạt số liệu: khảo sát trực tuyến, không phải mẫu ngẫu nhiên", "75,0");
    }
}
