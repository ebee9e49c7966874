package org.sipas.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.OpenCampaign;
import org.sipas.campaign.OpenSurveyFixtures;
import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.Submission;
import org.sipas.frame.PhoneHashes;
import org.sipas.index.Tallies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public results of an open survey that publishes itself: read from the tallies of its PORTAL
 * series, labelled as no random sample, cells under the minimum n (30) suppressed; a survey that
 * does not publish has no results page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenSurveyResultsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OpenSurveyFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    PhoneHashes hashes;
    @Autowired
    Tallies tallies;

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

    @Test
    void theResultsPageSaysItIsNotARandomSampleAndShowsTheShareOfAnswersAboveTheMinimum() throws Exception {
        OpenSurveyFixtures.Started s = fixtures.started("OPRA", OpenCampaign.Audience.PUBLIC, true);
        answers(s, "opra", 30, 10);

        String page = mvc.perform(get("/portal/open-surveys/" + s.campaignId())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Khảo sát trực tuyến không phải là mẫu ngẫu nhiên", "Toàn bộ phiếu (n = 40)",
                "Tỷ lệ hài lòng (Hài lòng và Rất hài lòng)", "75,0%");
        assertThat(page).doesNotContain("Không công bố (dưới ngưỡng)");
        String english = mvc.perform(get("/portal/open-surveys/" + s.campaignId()).param("lang", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("An online survey is not a random sample");
    }

    @Test
    void aSurveyWithFewerAnswersThanTheMinimumShowsNoFigure() throws Exception {
        OpenSurveyFixtures.Started s = fixtures.started("OPRB", OpenCampaign.Audience.PUBLIC, true);
        answers(s, "oprb", 4, 1);

        String page = mvc.perform(get("/portal/open-surveys/" + s.campaignId())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("không phải là mẫu ngẫu nhiên", "Không công bố (dưới ngưỡng)", "(n = 5)");
        assertThat(page).doesNotContain("80,0%");
    }

    @Test
    void aSurveyThatDoesNotPublishHasNoResultsPageButIsListedWhileItTakesAnswers() throws Exception {
        OpenSurveyFixtures.Started s = fixtures.started("OPRC", OpenCampaign.Audience.PUBLIC, false);
        mvc.perform(get("/portal/open-surveys/" + s.campaignId())).andExpect(status().isNotFound());
        String list = mvc.perform(get("/portal/open-surveys")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("/s/open/" + s.campaignId(), "Khảo sát trực tuyến OPRC");
    }
}
