package org.sipas.collection.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.CaseDispositions;
import org.sipas.collection.Disposition;
import org.sipas.collection.Disposition.Category;
import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.Submission;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ResponseRatesTest {

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    CaseDispositions dispositions;
    @Autowired
    ResponseRates rates;
    @Autowired
    CurrentUsers users;
    @Autowired
    MockMvc mvc;

    @Test
    void ratesFollowAaporFromTheCasesDispositionsLive() throws Exception {
        FieldworkFixtures.InField field = fixtures.inField("RRA", "mot-cua-2018", 10, Map.of("PHONE", 1));
        List<FieldCase> cases = field.cases();
        complete(cases.get(0));
        complete(cases.get(1));
        complete(cases.get(2));
        record(cases.get(3), Disposition.REFUSED);
        record(cases.get(4), Disposition.CALLBACK);
        record(cases.get(5), Disposition.NO_ANSWER);
        record(cases.get(6), Disposition.WRONG_NUMBER);
        record(cases.get(7), Disposition.NOT_ELIGIBLE);
        // cases 8 and 9: never called

        ResponseRates.Rates r = users.runAs(field.admin(), () -> rates.of(field.campaignId()));

        RateLine all = r.overall();
        assertThat(all.cases()).isEqualTo(10);
        assertThat(all.counts()).containsEntry(Category.I, 3L).containsEntry(Category.R, 1L).containsEntry(Category.O, 1L)
                .containsEntry(Category.NC, 1L).containsEntry(Category.UO, 3L).containsEntry(Category.NE, 1L);
        // RR1: 3 / (3 + 1 + 1 + 1 + 3) = 3/9; COOP1: 3 / (3 + 1 + 1) = 3/5
        assertThat(all.responseRate().getAsDouble()).isCloseTo(3.0 / 9, within(1e-12));
        assertThat(all.cooperationRate().getAsDouble()).isCloseTo(0.6, within(1e-12));
        assertThat(r.byChannel()).singleElement().satisfies(line -> assertThat(line.label()).isEqualTo("PHONE"));
        assertThat(r.byUnit()).hasSize(2).extracting(RateLine::cases).containsOnly(5L);

        // a fourth complete shows at once
        complete(cases.get(9));
        mvc.perform(get("/api/v1/campaigns/{id}/response-rates", field.campaignId()).with(SignedIn.as(field.admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overall.counts.I").value(4))
                .andExpect(jsonPath("$.overall.rr1").value(4.0 / 9));
        mvc.perform(get("/campaigns/{id}/response-rates", field.campaignId()).with(SignedIn.as(field.admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tỷ lệ trả lời")))
                .andExpect(content().string(containsString("44,4%")));
    }

    @Test
    void aUserOutsideTheCampaignsScopeSeesNoRates() throws Exception {
        FieldworkFixtures.InField field = fixtures.inField("RRB", "mot-cua-2018", 4, Map.of("PHONE", 1));
        FieldworkFixtures.InField other = fixtures.inField("RRC", "mot-cua-2018", 4, Map.of("PHONE", 1));
        CurrentUser outsider = new CurrentUser("analyst-rrc", Set.of(Role.ANALYST), other.province());
        mvc.perform(get("/api/v1/campaigns/{id}/response-rates", field.campaignId()).with(SignedIn.as(outsider)))
                .andExpect(status().isForbidden());
    }

    private void complete(FieldCase fieldCase) {
        store.store(Submission.of(ResponseChannel.CATI, fieldCase.methodologyCode(), fieldCase.methodologyVersion(),
                        fieldCase.unitId(), Map.of("rating", "1"), Instant.now().minusSeconds(300))
                .forCase(fieldCase.campaignId(), fieldCase.stratumId(), fieldCase.id(), fieldCase.dossierId())
                .collectedBy("dtv-rr"));
    }

    private void record(FieldCase fieldCase, Disposition disposition) {
        dispositions.record(fieldCase.id(), fieldCase.campaignId(), disposition, true, "dtv-rr");
    }
}
