package org.sipas.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.OpenCampaign;
import org.sipas.campaign.OpenCampaignForm;
import org.sipas.campaign.OpenCampaigns;
import org.sipas.campaign.OpenSurveyFixtures;
import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.Submission;
import org.sipas.frame.PhoneHashes;
import org.sipas.identity.CurrentUsers;
import org.sipas.index.Tallies;
import org.sipas.web.Formats;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An open survey set to publish its results also while it takes answers is published again every
 * {@code refresh_hours} hours through the one approval and snapshot path, at the instants the test
 * hands the refresh (its clock): each refresh a new snapshot superseding the last, none before it is
 * due nor when nothing new was answered, once with two nodes. The portal shows the latest with the
 * date and time it stands at and "still collecting"; the survey is announced once, and none of its
 * snapshots enters the index database, though it is on the SIPAS methodology that feeds it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenSurveyRefreshTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OpenSurveyFixtures fixtures;
    @Autowired
    OpenCampaigns open;
    @Autowired
    OpenSurveyPublication publication;
    @Autowired
    ResponseStore store;
    @Autowired
    PhoneHashes hashes;
    @Autowired
    Tallies tallies;
    @Autowired
    CurrentUsers users;
    @Autowired
    Publications publications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    /** A SIPAS 2017 open survey of its own province, in the field from yesterday, its results published every {@code hours} hours. */
    private OpenSurveyFixtures.Started sipasSurvey(String prefix, int hours) {
        OpenSurveyFixtures.Started place = fixtures.province(prefix);
        LocalDate today = LocalDate.now(Formats.ZONE);
        long id = users.runAs(place.admin(), () -> open.create(new OpenCampaignForm("Khảo sát trực tuyến " + prefix, "sipas-2017", 1,
                prefix + "-P", today.minusDays(1).toString(), today.plusDays(30).toString(), "PUBLIC", 200, true, "WHILE_OPEN", hours)));
        users.runAs(place.admin(), () -> {
            open.start(id);
            return id;
        });
        return new OpenSurveyFixtures.Started(id, place.province(), place.admin());
    }

    /** {@code satisfied} people rate every criterion "Rất hài lòng", {@code notSatisfied} "Rất không hài lòng", each from a verified address. */
    private void answers(OpenSurveyFixtures.Started s, String prefix, int from, int satisfied, int notSatisfied) {
        for (int i = 0; i < satisfied + notSatisfied; i++) {
            Map<String, String> answers = new LinkedHashMap<>();
            answers.put("applicant_kind", "ca_nhan");
            for (int q = 1; q <= 22; q++) {
                answers.put("c%02d".formatted(q), i < satisfied ? "5" : "1");
            }
            store.store(Submission.of(ResponseChannel.PORTAL, "sipas-2017", 1, s.province(), answers, Instant.now().minusSeconds(300))
                    .inCampaign(s.campaignId()).withRespondentHash(hashes.email(prefix + (from + i) + "@example.vn").orElseThrow()));
        }
        tallies.fold();
    }

    private String page(long id) throws Exception {
        return mvc.perform(get("/portal/open-surveys/" + id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Runs the refresh at {@code at}; how many versions the survey has published then. */
    private int refreshed(OpenSurveyFixtures.Started s, Instant at) {
        publication.refresh(at);
        return snapshotIds(s.campaignId()).size();
    }

    private List<Long> snapshotIds(long campaignId) {
        return publications.versions(campaignId).stream().map(SnapshotVersion::snapshotId).toList();
    }

    @Test
    void aSurveyPublishingWhileOpenIsRefreshedWhenDueEachTimeANewSnapshotAndNeverWhenNothingNewWasAnswered() throws Exception {
        OpenSurveyFixtures.Started s = sipasSurvey("ORFA", 24);
        Instant now = Instant.now();

        // no answer yet: nothing to publish (other tests' surveys may be refreshed too: each survey is checked by its own versions)
        assertThat(refreshed(s, now)).isZero();
        mvc.perform(get("/portal/open-surveys/" + s.campaignId())).andExpect(status().isNotFound());

        answers(s, "orfa", 0, 30, 10);
        assertThat(refreshed(s, now)).isEqualTo(1);
        Snapshot first = publications.latest(s.campaignId()).orElseThrow();
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.publishedBySetting()).isTrue();
        assertThat(first.ofOpenSurvey()).isTrue();
        assertThat(first.lineage().responsesCounted()).isEqualTo(40);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_log WHERE action = 'results.publishBySetting' AND entity_id = :s
                          AND after ->> 'approvalSkippedBy' = 'open_campaign.publish_results'
                          AND after ->> 'occasion' = 'REFRESH_WHILE_OPEN' AND after ->> 'refreshHours' = '24'""")
                .param("s", Long.toString(first.id())).query(Long.class).single()).isEqualTo(1);

        String shown = page(s.campaignId());
        assertThat(shown).contains("Số liệu tính đến " + Formats.dateTime(first.approvedAt()), "Còn đang nhận phiếu",
                "cả trong khi đang nhận phiếu, mỗi 24 giờ, không qua bước phê duyệt", "Khảo sát trực tuyến không phải là mẫu ngẫu nhiên",
                "Toàn bộ phiếu (n = 40)", "75,0%");
        assertThat(mvc.perform(get("/portal/open-surveys")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("/portal/open-surveys/" + s.campaignId(), "Còn đang nhận phiếu, số liệu tính đến " + Formats.dateTime(first.approvedAt()));

        // ten more people answer; an hour later the refresh is not due, a day later it is
        answers(s, "orfa", 40, 10, 0);
        assertThat(refreshed(s, now.plus(Duration.ofHours(1)))).isEqualTo(1);
        assertThat(refreshed(s, now.plus(Duration.ofHours(25)))).isEqualTo(2);
        Snapshot second = publications.latest(s.campaignId()).orElseThrow();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.lineage().responsesCounted()).isEqualTo(50);
        assertThat(second.whatChanged()).startsWith("Cập nhật tự động trong khi đang nhận phiếu: 50 phiếu");
        assertThat(page(s.campaignId())).contains("Toàn bộ phiếu (n = 50)", "80,0%", "Phiên bản 2",
                "Số liệu tính đến " + Formats.dateTime(second.approvedAt()));

        // due again a day later, but nobody answered since: no version says the same again
        assertThat(refreshed(s, now.plus(Duration.ofHours(50)))).isEqualTo(2);

        // announced once for the survey, not once per refresh; nothing in the index database
        assertThat(jdbc.sql("SELECT count(*) FROM article WHERE snapshot_id = ANY(:s)")
                .param("s", snapshotIds(s.campaignId()).toArray(Long[]::new)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT body_markdown FROM article WHERE snapshot_id = :s").param("s", first.id()).query(String.class).single())
                .contains("Số liệu tính đến " + Formats.dateTime(first.approvedAt()), "không phải mẫu ngẫu nhiên");
        assertThat(jdbc.sql("SELECT count(*) FROM index_value WHERE snapshot_id = ANY(:s) OR unit_id = :u")
                .param("s", snapshotIds(s.campaignId()).toArray(Long[]::new)).param("u", s.province()).query(Long.class).single()).isZero();

        // closing with nothing new publishes no third version; the page stops saying it is still collecting
        users.runAs(s.admin(), () -> {
            open.close(s.campaignId());
            return s.campaignId();
        });
        assertThat(snapshotIds(s.campaignId())).hasSize(2);
        assertThat(page(s.campaignId())).contains("Toàn bộ phiếu (n = 50)").doesNotContain("Còn đang nhận phiếu");
        assertThat(open.publishingWhileOpen(LocalDate.now(Formats.ZONE))).as("closed: no longer refreshed")
                .noneMatch(o -> o.id() == s.campaignId());
    }

    @Test
    void whileAnotherNodeHoldsTheRefreshThisOnePublishesNothingAndTheSurveyIsPublishedOnce() throws Exception {
        OpenSurveyFixtures.Started s = sipasSurvey("ORFB", 6);
        answers(s, "orfb", 0, 20, 20);
        Instant now = Instant.now();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TransactionTemplate otherNode = new TransactionTemplate(transactions);
        otherNode.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> otherNode.executeWithoutResult(status -> {
            jdbc.sql("SELECT name FROM feedback_job WHERE name = :n FOR UPDATE").param("n", OpenSurveyPublication.JOB).query(String.class).single();
            held.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();

        assertThat(CompletableFuture.supplyAsync(() -> publication.refresh(now)).get(60, TimeUnit.SECONDS)).isZero();
        assertThat(publications.latest(s.campaignId())).isEmpty();

        release.countDown();
        holding.get(60, TimeUnit.SECONDS);
        assertThat(refreshed(s, now)).isEqualTo(1);
        answers(s, "orfb", 40, 1, 0);
        assertThat(refreshed(s, now.plus(Duration.ofHours(1)))).as("published an hour ago, refreshed every 6 hours").isEqualTo(1);
    }

    @Test
    void aSurveyPublishingOnlyWhenItClosesIsNeverRefreshedWhileItTakesAnswers() {
        OpenSurveyFixtures.Started s = fixtures.started("ORFC", OpenCampaign.Audience.PUBLIC, true);
        assertThat(open.find(s.campaignId()).orElseThrow().publishesWhileOpen()).isFalse();
        store.store(Submission.of(ResponseChannel.PORTAL, "mot-cua-2018", 1, s.province(), Map.of("satisfaction", "3"),
                Instant.now().minusSeconds(120)).inCampaign(s.campaignId()).withRespondentHash(hashes.email("orfc@example.vn").orElseThrow()));

        assertThat(refreshed(s, Instant.now().plus(Duration.ofDays(2)))).isZero();
    }
}
