package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.index.Tallies;
import org.sipas.quality.ReviewDecisions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Practice: someone in training answers a made-up case on the questionnaire's own pages, and the
 * answer is kept as a practice response that reaches nothing counted: not the tallies, not the
 * exports, not the response table every reader reads, not the events its listeners hear.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PracticeResponseTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    ReviewDecisions decisions;
    @Autowired
    Tallies tallies;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPracticeResponseLeavesTheTalliesAndTheExportsUnchanged() throws Exception {
        FieldworkFixtures.InField field = fixtures.inField("PRC", "mot-cua-2018", 20, Map.of("PHONE", 1));
        List<Long> real = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            FieldCase c = field.cases().get(i);
            Instant ended = Instant.parse("2025-03-03T03:00:00Z").plus(Duration.ofDays(i));
            real.add(store.store(Submission.of(ResponseChannel.CATI, "mot-cua-2018", 1, c.unitId(),
                            Map.of("satisfaction", Integer.toString(1 + i % 3)), ended.minus(Duration.ofMinutes(10)))
                    .forCase(c.campaignId(), c.stratumId(), c.id(), c.dossierId()).collectedBy("dtv-prc").finished(ended, null))
                    .responseId());
        }
        decisions.checkArrivals();
        users.runAs(field.admin(), () -> decisions.decide(field.campaignId(), real, "ACCEPTED", "Đã phúc tra", null));
        tallies.fold();
        String talliesBefore = tallyRows(field.campaignId());
        byte[] exportBefore = export(field);
        long changesBefore = count("SELECT count(*) FROM tally_change");
        assertThat(talliesBefore).isNotEmpty();

        CurrentUser trainee = new CurrentUser("dtv-prc-tap", Set.of(Role.INTERVIEWER), field.province());
        String home = mvc.perform(get("/training").with(SignedIn.as(trainee))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("Quý I/2025 PRC", "Người dân tập huấn 1", "/training/" + field.campaignId() + "/practice/1",
                "/campaigns/" + field.campaignId() + "/training/quiz");

        Respondent practice = new Respondent(mvc, "/training/" + field.campaignId() + "/practice/1", SignedIn.as(trainee)).open();
        assertThat(practice.page()).contains("Ca tập huấn: người dân giả định");
        // not satisfied: the page comes back with its follow-up, answered on the second press
        practice.next(Map.of("satisfaction", List.of("1")));
        practice.next(Map.of("satisfaction", List.of("1"), "reasons", List.of("thai_do")));
        practice.submit();
        assertThat(practice.status()).isEqualTo(200);
        assertThat(practice.page()).contains("Đã lưu phiếu tập");

        // kept, apart, with its answers
        assertThat(jdbc.sql("SELECT answers->>'satisfaction' FROM practice_response WHERE campaign_id = :c AND username = 'dtv-prc-tap'")
                .param("c", field.campaignId()).query(String.class).list()).containsExactly("1");
        // and nowhere a counted response is: not stored as one, not announced, not folded, not exported
        decisions.checkArrivals();
        tallies.fold();
        assertThat(count("SELECT count(*) FROM response WHERE campaign_id = " + field.campaignId())).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM tally_change")).isEqualTo(changesBefore);
        assertThat(tallyRows(field.campaignId())).isEqualTo(talliesBefore);
        assertThat(export(field)).isEqualTo(exportBefore);
    }

    @Test
    void practiceIsForStaffWithinTheCampaignsScopeAndItsCasesAreMadeUp() throws Exception {
        FieldworkFixtures.InField field = fixtures.inField("PRD", "mot-cua-2018", 10, Map.of("PHONE", 1));
        CurrentUser trainee = new CurrentUser("dtv-prd", Set.of(Role.INTERVIEWER), field.commune2());
        // the made-up applicants are of the trainee's own units, and no sampled dossier's
        String home = mvc.perform(get("/training").with(SignedIn.as(trainee))).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("Người dân tập huấn 1", "0900 000 001").doesNotContain("Người dân 0", "0912");
        mvc.perform(get("/training/" + field.campaignId() + "/practice/" + (PracticeCases.CASES + 1)).with(SignedIn.as(trainee)))
                .andExpect(status().isNotFound());
        CurrentUser analyst = new CurrentUser("pt-prd", Set.of(Role.ANALYST), field.province());
        mvc.perform(get("/training/" + field.campaignId() + "/practice/1").with(SignedIn.as(analyst)))
                .andExpect(status().isForbidden());
    }

    private String tallyRows(long campaignId) {
        return String.join("\n", jdbc.sql("SELECT t::text FROM tally t WHERE campaign_id = :c ORDER BY t::text")
                .param("c", campaignId).query(String.class).list());
    }

    private byte[] export(FieldworkFixtures.InField field) throws Exception {
        return mvc.perform(get("/api/v1/campaigns/" + field.campaignId() + "/responses.csv").with(SignedIn.as(field.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
