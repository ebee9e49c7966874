package org.sipas.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.catalog.ProvinceOutlines;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.SurveyTokens;
import org.sipas.collection.Submission;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ArrivalsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Arrivals arrivals;
    @Autowired
    Reviews reviews;
    @Autowired
    CurrentUsers users;
    @Autowired
    SurveyTokens tokens;
    @Autowired
    ProvinceOutlines outlines;

    @Test
    void aStraightLinedThreeMinuteInterviewIsFlaggedOnArrival() {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QAA", 20, 11);
        long hasty = campaign.interview("dtv-qaa", QualityCampaign.straightLined("4"), Duration.ofMinutes(3),
                Instant.parse("2025-03-10T03:00:00Z"));
        long careful = campaign.interview("dtv-qaa");

        arrivals.check();

        Reviews.ResponseView flagged = users.runAs(campaign.field.admin(), () -> reviews.view(hasty));
        assertThat(flagged.state()).isEqualTo(ReviewState.FLAGGED);
        assertThat(flagged.activeSeconds()).isEqualTo(180);
        assertThat(flagged.flags()).extracting(QualityRepository.FlagRow::kind)
                .containsExactlyInAnyOrder("SHORT_ACTIVE_TIME", "STRAIGHT_LINING");
        Reviews.ResponseView clean = users.runAs(campaign.field.admin(), () -> reviews.view(careful));
        assertThat(clean.state()).isEqualTo(ReviewState.SUBMITTED);
        assertThat(clean.flags()).isEmpty();
        assertThat(arrivals.pending()).isZero();
    }

    @Test
    void theCleaningPageListsFlaggedResponsesWithTheirFlagsInWordsAndSendsThemToReCheck() throws Exception {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QAP", 20, 14);
        long hasty = campaign.interview("dtv-qap", QualityCampaign.straightLined("5"), Duration.ofMinutes(2),
                Instant.parse("2025-03-10T03:00:00Z"));
        campaign.interview("dtv-qap");
        arrivals.check();

        String page = mvc.perform(get("/campaigns/{id}/cleaning", campaign.id()).with(SignedIn.as(campaign.field.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"flagged-" + hasty + "\"").contains("Thời gian trả lời quá ngắn")
                .contains("Chọn cùng một mức cho mọi câu").contains("120 s &lt; 300 s");
        assertThat(page.split("id=\"flagged-")).as("only the flagged one is listed").hasSize(2);

        mvc.perform(post("/campaigns/{id}/cleaning", campaign.id()).with(SignedIn.as(campaign.field.admin())).with(csrf())
                        .param("responseIds", Long.toString(hasty)).param("to", "IN_RECHECK").param("reason", "gọi lại người dân"))
                .andExpect(status().is3xxRedirection());
        assertThat(users.runAs(campaign.field.admin(), () -> reviews.view(hasty)).state()).isEqualTo(ReviewState.IN_RECHECK);
    }

    @Test
    void everyFlagHasItsNameInBothLanguages() throws IOException {
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            Properties messages = new Properties();
            try (var in = getClass().getResourceAsStream("/i18n/quality/" + file)) {
                messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (Flags.Kind kind : Flags.Kind.values()) {
                assertThat(messages.getProperty("quality.flag." + kind)).as(file + " " + kind).isNotBlank();
            }
        }
    }

    @Test
    void interviewsAtNightAndTooManyInADayAreFlagged() {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QAB", 40, 12);
        // 23:30 in Hà Nội
        long night = campaign.interview("dtv-qab-1", campaign.answers(), Duration.ofMinutes(20), Instant.parse("2025-03-10T16:30:00Z"));
        long last = 0;
        for (int i = 0; i < 31; i++) {
            last = campaign.interview("dtv-qab-2", campaign.answers(), Duration.ofMinutes(20),
                    Instant.parse("2025-03-11T02:00:00Z").plusSeconds(60L * i));
        }

        arrivals.check();

        long lastOne = last;
        assertThat(users.runAs(campaign.field.admin(), () -> reviews.view(night)).flags())
                .extracting(QualityRepository.FlagRow::kind).contains("OUTSIDE_HOURS");
        assertThat(users.runAs(campaign.field.admin(), () -> reviews.view(lastOne)).flags())
                .extracting(QualityRepository.FlagRow::kind).contains("IMPLAUSIBLE_DAILY_COUNT");
    }

    @Test
    void aFaceToFaceInterviewFarOutsideItsUnitsProvinceIsFlagged() {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QAF", 20, 13);
        String province = jdbc.sql("SELECT code FROM unit WHERE id = :id").param("id", campaign.field.province())
                .query(String.class).single();
        // the province as a square of one degree, 105-106° E, 20-21° N
        String square = """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"code": "%s"},
                 "geometry": {"type": "Polygon", "coordinates": [[[105, 20], [106, 20], [106, 21], [105, 21], [105, 20]]]}}]}
                """.formatted(province);
        users.runAs(campaign.field.admin(), () -> outlines.upload("qaf.geojson", square.getBytes(StandardCharsets.UTF_8)));
        long inside = campaign.faceToFace("dtv-qaf", new Submission.Position(20.5, 105.5, 15.0));
        // 0.1° of latitude north of the border: 11 km, within the campaign's 20 km
        long nearby = campaign.faceToFace("dtv-qaf", new Submission.Position(21.1, 105.5, 15.0));
        // 0.5° north: 56 km
        long far = campaign.faceToFace("dtv-qaf", new Submission.Position(21.5, 105.5, 15.0));

        arrivals.check();

        assertThat(flagKinds(campaign, inside)).doesNotContain("FAR_FROM_UNIT");
        assertThat(flagKinds(campaign, nearby)).doesNotContain("FAR_FROM_UNIT");
        Reviews.ResponseView flagged = users.runAs(campaign.field.admin(), () -> reviews.view(far));
        assertThat(flagged.state()).isEqualTo(ReviewState.FLAGGED);
        assertThat(flagged.flags()).filteredOn(f -> f.kind().equals("FAR_FROM_UNIT"))
                .singleElement().satisfies(f -> assertThat(f.detail()).startsWith("55.6 km"));
    }

    private List<String> flagKinds(QualityCampaign campaign, long response) {
        return users.runAs(campaign.field.admin(), () -> reviews.view(response)).flags().stream()
                .map(QualityRepository.FlagRow::kind).toList();
    }

    @Test
    void everyStepOfAWebSittingIsTimedByTheServer() {
        String token = tokens.issue("mot-cua-2018", 1, null, null);
        jdbc.sql("INSERT INTO response_draft (token, answers, reached) VALUES (:t, '{}', 0)").param("t", token).update();
        jdbc.sql("UPDATE response_draft SET reached = 1 WHERE token = :t").param("t", token).update();

        assertThat(jdbc.sql("SELECT step FROM sitting_step WHERE token = :t ORDER BY at, step").param("t", token)
                .query(Integer.class).list()).containsExactly(0, 1);
    }
}
