package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a campaign has left the field nothing more is stored for it, by any channel: the store
 * checks the campaign in the statement that inserts, and each channel says so in its own way.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ClosedCampaignTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    Responses responses;
    @Autowired
    SurveyTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    private String tokenOf(FieldCase fieldCase) {
        return jdbc.sql("SELECT token FROM survey_token WHERE sample_member_id = :m").param("m", fieldCase.id())
                .query(String.class).single();
    }

    private void close(InField campaign) throws Exception {
        mvc.perform(post("/api/v1/campaigns/{id}/close", campaign.campaignId()).with(SignedIn.as(campaign.admin())).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
    }

    private long responsesOf(long campaignId) {
        return jdbc.sql("SELECT count(*) FROM response WHERE campaign_id = :c").param("c", campaignId).query(Long.class).single();
    }

    @Test
    void theTokenApiAnswers410OnceTheCampaignIsClosedAndStoresNothing() throws Exception {
        InField campaign = fixtures.inField("CLSA", "mot-cua-2018", 10, Map.of("ONLINE", 1));
        String token = tokenOf(campaign.cases().get(0));
        close(campaign);

        mvc.perform(post("/s/" + token + "/response").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "after-close-" + token).header("Accept-Language", "vi")
                        .content("{\"answers\":{\"satisfaction\":\"3\"}}"))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.type").value("urn:sipas:problem:campaign-closed"))
                .andExpect(jsonPath("$.campaignId").value(campaign.campaignId()))
                .andExpect(jsonPath("$.detail").value(containsString("Đợt khảo sát")));

        assertThat(responsesOf(campaign.campaignId())).isZero();
        assertThat(tokens.find(token).orElseThrow().isUsed()).isFalse();
    }

    @Test
    void aQuestionnaireSubmittedAfterTheCloseShowsThePoliteClosedPage() throws Exception {
        InField campaign = fixtures.inField("CLSB", "mot-cua-2018", 10, Map.of("ONLINE", 1));
        String token = tokenOf(campaign.cases().get(0));
        mvc.perform(post("/s/" + token).with(csrf()).param("step", "0").param("go", "next")
                .param("shown", "satisfaction", "reasons", "reason_text", "official").param("a.satisfaction", "3"))
                .andExpect(status().is3xxRedirection());
        close(campaign);

        mvc.perform(post("/s/" + token + "/submit").with(csrf()).param("key", "form-key-" + token))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("Đợt khảo sát đã kết thúc")));
        assertThat(responsesOf(campaign.campaignId())).isZero();
    }

    @Test
    void theStoreRefusesEveryChannelOnceTheCampaignHasLeftTheField() throws Exception {
        InField campaign = fixtures.inField("CLSC", "mot-cua-2018", 10, Map.of("ONLINE", 1));
        List<FieldCase> cases = campaign.cases();
        SurveyToken web = tokens.find(tokenOf(cases.get(0))).orElseThrow();
        SurveyToken portal = tokens.find(tokens.forPortal(campaign.campaignId(), "mot-cua-2018", 1, campaign.commune1(),
                "phone-hash-clsc").token()).orElseThrow();
        close(campaign);

        List<Submission> everyChannel = List.of(
                responses.submission(web, Map.of("satisfaction", "3"), Instant.now(), "web-" + web.token()),
                responses.submission(portal, Map.of("satisfaction", "3"), Instant.now(), "portal-" + portal.token()),
                Submission.of(ResponseChannel.KIOSK, "mot-cua-2018", 1, campaign.commune1(), Map.of("satisfaction", "3"),
                        Instant.now()).inCampaign(campaign.campaignId()).withIdempotencyKey("kiosk-clsc-1"),
                interview(ResponseChannel.CATI, cases.get(1), "cati-clsc-1"),
                interview(ResponseChannel.CAPI, cases.get(2), "capi-clsc-1"),
                interview(ResponseChannel.PAPER, cases.get(3), "paper-clsc-1").onPaper("CLSC-1"));
        for (Submission submission : everyChannel) {
            assertThatThrownBy(() -> store.submit(submission)).as(submission.channel().name())
                    .isInstanceOfSatisfying(CampaignNotInField.class, e -> assertThat(e.campaignId()).isEqualTo(campaign.campaignId()));
            assertThatThrownBy(() -> transactions.execute(status -> store.store(submission))).as(submission.channel().name())
                    .isInstanceOf(CampaignNotInField.class);
        }
        assertThat(responsesOf(campaign.campaignId())).isZero();
        assertThat(tokens.find(web.token()).orElseThrow().isUsed()).isFalse();
    }

    @Test
    void aSubmitRacingTheCloseWaitsForItAndIsRefused() throws Exception {
        InField campaign = fixtures.inField("CLSD", "mot-cua-2018", 10, Map.of("ONLINE", 1));
        SurveyToken web = tokens.find(tokenOf(campaign.cases().get(0))).orElseThrow();
        CountDownLatch closing = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> close = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            jdbc.sql("UPDATE campaign SET status = 'CLOSED', closed_at = now() WHERE id = :id")
                    .param("id", campaign.campaignId()).update();
            closing.countDown();
            await(commit);
        }));
        assertThat(closing.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<ResponseStore.Stored> submit = CompletableFuture.supplyAsync(() ->
                store.submit(responses.submission(web, Map.of("satisfaction", "3"), Instant.now(), "race-" + web.token())));
        Thread.sleep(300);
        // the submit saw the campaign in the field and now waits for the close to decide
        assertThat(submit).isNotDone();
        commit.countDown();
        close.get(10, TimeUnit.SECONDS);

        assertThat(submit).failsWithin(10, TimeUnit.SECONDS).withThrowableThat().havingCause().isInstanceOf(CampaignNotInField.class);
        assertThat(responsesOf(campaign.campaignId())).isZero();
        assertThat(tokens.find(web.token()).orElseThrow().isUsed()).isFalse();
    }

    private static Submission interview(ResponseChannel channel, FieldCase fieldCase, String key) {
        return Submission.of(channel, "mot-cua-2018", 1, fieldCase.unitId(), Map.of("satisfaction", "3"), Instant.now())
                .forCase(fieldCase.campaignId(), fieldCase.stratumId(), fieldCase.id(), fieldCase.dossierId())
                .collectedBy("staff-clsc").withIdempotencyKey(key);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
