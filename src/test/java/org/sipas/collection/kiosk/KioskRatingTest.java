package org.sipas.collection.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.sipas.identity.CurrentUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Ratings pressed at a kiosk: stored as KIOSK responses of the unit and the kiosk, once per tablet key. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KioskRatingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    Kiosks kiosks;
    @Autowired
    CurrentUsers users;

    CounterUnits units;

    @BeforeAll
    void counter() {
        units = new CounterUnits(fixtures, jdbc, kiosks, users, "KRATE");
    }

    /** A stored response as the tests read it back. */
    record StoredRating(String channel, Long unit, Long kiosk, Long dossier, boolean sampled, Long campaign,
                        Map<String, String> answers, Instant startedAt, Instant finishedAt, String key) {
    }

    private StoredRating stored(long kiosk) {
        return jdbc.sql("""
                        SELECT channel, unit_id, kiosk_id, dossier_id, sampled, campaign_id, answers::text, started_at,
                               finished_at, idempotency_key FROM response WHERE kiosk_id = :k""")
                .param("k", kiosk)
                .query((rs, n) -> new StoredRating(rs.getString(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class), rs.getBoolean(5), rs.getObject(6, Long.class),
                        json.readValue(rs.getString(7), Map.class), rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9).toInstant(), rs.getString(10)))
                .single();
    }

    private long count(long kiosk) {
        return jdbc.sql("SELECT count(*) FROM response WHERE kiosk_id = :k").param("k", kiosk).query(Long.class).single();
    }

    private ResultActions send(String key, String body) throws Exception {
        return mvc.perform(post("/k/" + key + "/ratings").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aRatingIsStoredAsAKioskResponseOfTheUnitAtTheTabletsTime() throws Exception {
        Kiosks.Issued issued = units.kiosk("Quầy KRATE 1", false, false);
        Instant started = Instant.now().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant rated = started.plusSeconds(4);
        send(issued.key(), """
                {"id":"%s","level":3,"startedAt":%d,"ratedAt":%d}""".formatted(UUID.randomUUID(), started.toEpochMilli(),
                rated.toEpochMilli()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(true));

        StoredRating rating = stored(issued.kiosk().id());
        assertThat(rating.channel()).isEqualTo("KIOSK");
        assertThat(rating.unit()).isEqualTo(units.field.commune1());
        assertThat(rating.kiosk()).isEqualTo(issued.kiosk().id());
        assertThat(rating.sampled()).isFalse();
        assertThat(rating.dossier()).isNull();
        assertThat(rating.answers()).isEqualTo(Map.of("satisfaction", "3"));
        assertThat(rating.startedAt()).isEqualTo(started);
        assertThat(rating.finishedAt()).isEqualTo(rated);
        assertThat(kiosks.find(issued.kiosk().id()).orElseThrow().lastSeenAt()).isNotNull();
    }

    @Test
    void aKioskWhoseCampaignClosedSaysSoAndStoresNothingMore() throws Exception {
        InField field = fixtures.inField("KRCLS", "mot-cua-2018", 10, Map.of("ONLINE", 1));
        Kiosks.Issued issued = users.runAs(field.admin(), () -> kiosks.issue(new Kiosks.Order("Quầy KRCLS", field.commune1(),
                "mot-cua-2018", 1, false, false, field.campaignId())));
        send(issued.key(), """
                {"id":"%s","level":3}""".formatted(UUID.randomUUID())).andExpect(status().isCreated());
        jdbc.sql("UPDATE campaign SET status = 'CLOSED', closed_at = now() WHERE id = :id").param("id", field.campaignId()).update();

        // a rating queued on the tablet before the close: gone, so the tablet drops it
        send(issued.key(), """
                {"id":"%s","level":1}""".formatted(UUID.randomUUID()))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.error").value("campaign-closed"))
                .andExpect(jsonPath("$.message").value(containsString("Quý I/2025 KRCLS")));
        assertThat(count(issued.kiosk().id())).isOne();
        assertThat(mvc.perform(get("/k/" + issued.key())).andExpect(status().isGone()).andReturn().getResponse()
                .getContentAsString()).contains("Đợt khảo sát đã kết thúc");
    }

    @Test
    void aRatingSentAgainWithTheSameKeyIsStoredOnce() throws Exception {
        Kiosks.Issued issued = units.kiosk("Quầy KRATE 2", false, false);
        String body = """
                {"id":"%s","level":1,"ratedAt":%d}""".formatted(UUID.randomUUID(), Instant.now().toEpochMilli());
        send(issued.key(), body).andExpect(status().isCreated());
        send(issued.key(), body).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(false));
        send(issued.key(), body).andExpect(status().isOk());
        assertThat(count(issued.kiosk().id())).isEqualTo(1);
        assertThat(stored(issued.kiosk().id()).answers()).isEqualTo(Map.of("satisfaction", "1"));
    }

    @Test
    void theOfficialAndTheDossierOfTheReceiptCodeAreKeptWhenTheKioskAsksThem() throws Exception {
        Kiosks.Issued issued = units.kiosk("Quầy KRATE 3", true, true);
        long dossier = jdbc.sql("SELECT id FROM dossier WHERE receipt_code = 'KRATE-7'").query(Long.class).single();
        send(issued.key(), """
                {"id":"%s","level":2,"official":"KRATE-CC2","receipt":" krate-7 "}""".formatted(UUID.randomUUID()))
                .andExpect(status().isCreated());
        StoredRating rating = stored(issued.kiosk().id());
        assertThat(rating.answers()).isEqualTo(Map.of("satisfaction", "2", "official", "KRATE-CC2"));
        assertThat(rating.dossier()).isEqualTo(dossier);
    }

    @Test
    void aReceiptCodeOfAnotherUnitOrOfNoDossierLinksNothing() throws Exception {
        Kiosks.Issued issued = units.kiosk("Quầy KRATE 4", false, true);
        // KRATE-70 is a dossier of the second commune, not of this kiosk's
        send(issued.key(), """
                {"id":"%s","level":3,"receipt":"KRATE-70"}""".formatted(UUID.randomUUID())).andExpect(status().isCreated());
        assertThat(stored(issued.kiosk().id()).dossier()).isNull();
    }

    @Test
    void anOfficialOfAnotherUnitALevelOffTheScaleAndNoKeyAreRefusedByField() throws Exception {
        Kiosks.Issued issued = units.kiosk("Quầy KRATE 5", true, false);
        send(issued.key(), """
                {"id":"not-a-uuid","level":5,"official":"SOMEONE-ELSE"}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems.id").exists())
                .andExpect(jsonPath("$.problems.level").exists())
                .andExpect(jsonPath("$.problems.official").exists());
        assertThat(count(issued.kiosk().id())).isZero();
    }

    @Test
    void aRatingQueuedLongerThanAWeekIsRefusedAndOneFromTheFutureIsTakenAsNow() throws Exception {
        Kiosks.Issued issued = units.kiosk("Quầy KRATE 6", false, false);
        send(issued.key(), """
                {"id":"%s","level":3,"ratedAt":%d}""".formatted(UUID.randomUUID(),
                Instant.now().minus(Duration.ofDays(8)).toEpochMilli()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems.ratedAt").value(containsString("7 ngày")));
        assertThat(count(issued.kiosk().id())).isZero();

        Instant before = Instant.now();
        send(issued.key(), """
                {"id":"%s","level":3,"ratedAt":%d}""".formatted(UUID.randomUUID(),
                Instant.now().plus(Duration.ofDays(30)).toEpochMilli()))
                .andExpect(status().isCreated());
        StoredRating rating = stored(issued.kiosk().id());
        assertThat(rating.finishedAt()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    }

    @Test
    void withoutJavaScriptTheStepsArePlainFormsAndTheThanksReturnsToTheStart() throws Exception {
        Kiosks.Issued issued = units.kiosk("Quầy KRATE 7", true, true);
        String home = "/k/" + issued.key();
        String rating = UUID.randomUUID().toString();
        mvc.perform(post(home).with(csrf()).param("step", "rating").param("rating", rating).param("level", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Công chức KRATE-CC1")))
                .andExpect(content().string(containsString("Không nhớ / bỏ qua")));
        mvc.perform(post(home).with(csrf()).param("step", "official").param("rating", rating).param("level", "1")
                        .param("startedAt", "1700000000000").param("official", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mã hồ sơ")));
        assertThat(count(issued.kiosk().id())).isZero();
        mvc.perform(post(home).with(csrf()).param("step", "receipt").param("rating", rating).param("level", "1")
                        .param("official", "").param("startedAt", Long.toString(Instant.now().minusSeconds(20).toEpochMilli()))
                        .param("receipt", "KRATE-3").param("send", "1"))
                .andExpect(redirectedUrl(home + "/thanks"));
        // pressed twice (the tablet's double tap): still one rating
        mvc.perform(post(home).with(csrf()).param("step", "receipt").param("rating", rating).param("level", "1")
                        .param("receipt", "KRATE-3").param("send", "1"))
                .andExpect(redirectedUrl(home + "/thanks"));
        StoredRating stored = stored(issued.kiosk().id());
        assertThat(stored.answers()).isEqualTo(Map.of("satisfaction", "1"));
        assertThat(stored.dossier()).isEqualTo(jdbc.sql("SELECT id FROM dossier WHERE receipt_code = 'KRATE-3'")
                .query(Long.class).single());
        assertThat(stored.key()).isEqualTo("kiosk-" + issued.kiosk().id() + "-" + rating);

        mvc.perform(get(home + "/thanks"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("http-equiv=\"refresh\" content=\"5;url=" + home + "?lang=vi\"")));
    }

    @Test
    void aKioskThatAsksNothingMoreStoresOnTheFirstTap() throws Exception {
        Kiosks.Issued issued = units.kiosk("Quầy KRATE 8", false, false);
        mvc.perform(post("/k/" + issued.key()).with(csrf()).param("step", "rating")
                        .param("rating", UUID.randomUUID().toString()).param("level", "2"))
                .andExpect(redirectedUrl("/k/" + issued.key() + "/thanks"));
        assertThat(stored(issued.kiosk().id()).answers()).isEqualTo(Map.of("satisfaction", "2"));
    }

    @Test
    void theAdministratorsPageTalliesTodaysRatingsByLevel() throws Exception {
        Kiosks.Issued issued = units.kiosk("Quầy KRATE 9", false, false);
        for (int level : new int[] {3, 3, 2, 1, 3}) {
            send(issued.key(), """
                    {"id":"%s","level":%d}""".formatted(UUID.randomUUID(), level)).andExpect(status().isCreated());
        }
        Map<Long, Map<String, Long>> today = kiosks.today(kiosks.find(issued.kiosk().id()).stream().toList(),
                Map.of(issued.kiosk().id(), "satisfaction"), Instant.now());
        assertThat(today.get(issued.kiosk().id())).isEqualTo(Map.of("3", 3L, "2", 1L, "1", 1L));
        mvc.perform(get("/admin/kiosks/tally").with(org.sipas.identity.SignedIn.as(units.field.admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Quầy KRATE 9")))
                .andExpect(content().string(containsString("<span>Rất hài lòng</span>: <span>3</span>")));
    }
}
