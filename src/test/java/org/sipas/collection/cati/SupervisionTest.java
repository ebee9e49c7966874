package org.sipas.collection.cati;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.sipas.collection.Disposition;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A supervisor follows six phone cases (three in each commune): An holds three (one complete, one
 * refused, one unanswered), Bình two (one callback, one never called), one is unassigned.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SupervisionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    FieldCases fieldCases;
    @Autowired
    CatiCalls calls;
    @Autowired
    Supervision supervision;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void progressByInterviewerAndUnitCountsAKnownSetOfCases() throws Exception {
        Known known = known("CATS");
        Supervision.Progress progress = users.runAs(known.field().admin(),
                () -> supervision.progress(known.field().campaignId(), Instant.now()));

        assertThat(progress.byInterviewer()).extracting(Supervision.Tally::key).containsExactly("an-cats", "binh-cats", "");
        Supervision.Tally an = progress.byInterviewer().get(0);
        assertThat(List.of(an.assigned(), an.attempted(), an.calls(), an.completed(), an.refused(), an.nonContact(), an.callbacks()))
                .containsExactly(3, 3, 3, 1, 1, 1, 0);
        assertThat(an.completion()).isCloseTo(100.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        Supervision.Tally binh = progress.byInterviewer().get(1);
        assertThat(List.of(binh.assigned(), binh.attempted(), binh.calls(), binh.completed(), binh.callbacks()))
                .containsExactly(2, 1, 1, 0, 1);
        assertThat(progress.byInterviewer().get(2).assigned()).isEqualTo(1);
        assertThat(progress.total().assigned()).isEqualTo(6);
        assertThat(progress.total().completion()).isCloseTo(100.0 / 6, org.assertj.core.data.Offset.offset(1e-9));

        assertThat(progress.byUnit()).extracting(Supervision.Tally::label).containsExactly("Phường Một CATS", "Xã Hai CATS");
        Supervision.Tally first = progress.byUnit().get(0);
        assertThat(List.of(first.assigned(), first.completed(), first.refused(), first.nonContact(), first.callbacks()))
                .containsExactly(3, 1, 1, 1, 0);
        Supervision.Tally second = progress.byUnit().get(1);
        assertThat(List.of(second.assigned(), second.attempted(), second.completed(), second.callbacks())).containsExactly(3, 1, 0, 1);
        assertThat(progress.interviewers()).extracting(StaffAccounts.StaffMember::username).contains("an-cats", "binh-cats");

        mvc.perform(get("/cati/supervision").param("campaign", Long.toString(known.field().campaignId()))
                        .with(SignedIn.as(known.field().admin())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("33,3%")))
                .andExpect(content().string(containsString("16,7%")))
                .andExpect(content().string(containsString("Phường Một CATS")));
        mvc.perform(get("/cati/supervision").with(SignedIn.as(known.an()))).andExpect(status().isForbidden());
    }

    @Test
    void reassignmentMovesTheOpenCasesAndLeavesTheFinishedOnes() throws Exception {
        Known known = known("CATM");
        List<FieldCase> cases = known.field().cases();
        String campaign = Long.toString(known.field().campaignId());

        // all of An's open cases, in every unit, go to Bình: only the unanswered one is still open
        mvc.perform(post("/cati/supervision/move").with(SignedIn.as(known.field().admin())).with(csrf())
                        .param("campaign", campaign).param("from", "an-catm").param("to", "binh-catm"))
                .andExpect(redirectedUrl("/cati/supervision?campaign=" + campaign));
        assertThat(holder(cases.get(0))).isEqualTo("an-catm");
        assertThat(holder(cases.get(1))).isEqualTo("an-catm");
        assertThat(holder(cases.get(2))).isEqualTo("binh-catm");

        // the unassigned case is given to An, one by one
        mvc.perform(post("/cati/supervision/assign").with(SignedIn.as(known.field().admin())).with(csrf())
                        .param("campaign", campaign).param("case", Long.toString(cases.get(5).id())).param("to", "an-catm"))
                .andExpect(redirectedUrl("/cati/supervision?campaign=" + campaign));
        assertThat(holder(cases.get(5))).isEqualTo("an-catm");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'fieldwork.assign' AND actor = 'admin-catm'")
                .query(Long.class).single()).isEqualTo(4);

        // an interviewer scoped to one commune cannot take a case of the other
        users.runAs(known.field().admin(), () -> accounts.create("chi-catm", "Chi", known.field().commune1(),
                Set.of(Role.INTERVIEWER), "mat-khau-dai-du"));
        mvc.perform(post("/cati/supervision/assign").with(SignedIn.as(known.field().admin())).with(csrf())
                        .param("campaign", campaign).param("case", Long.toString(cases.get(4).id())).param("to", "chi-catm"))
                .andExpect(redirectedUrl("/cati/supervision?campaign=" + campaign));
        assertThat(holder(cases.get(4))).isEqualTo("binh-catm");
    }

    private String holder(FieldCase fieldCase) {
        return fieldCases.find(fieldCase.id()).orElseThrow().assignedTo();
    }

    record Known(InField field, CurrentUser an, CurrentUser binh) {
    }

    /** Six cases: An holds 0 (complete), 1 (refused), 2 (no answer); Bình 3 (callback), 4 (never called); 5 is nobody's. */
    private Known known(String prefix) {
        InField field = fixtures.inField(prefix, "mot-cua-2018", 6, Map.of("PHONE", 1));
        String an = "an-" + prefix.toLowerCase();
        String binh = "binh-" + prefix.toLowerCase();
        users.runAs(field.admin(), () -> {
            accounts.create(an, "An " + prefix, field.province(), Set.of(Role.INTERVIEWER), "mat-khau-dai-du");
            accounts.create(binh, "Bình " + prefix, field.province(), Set.of(Role.INTERVIEWER), "mat-khau-dai-du");
            List<FieldCase> cases = field.cases();
            fieldCases.assign(cases.subList(0, 3).stream().map(FieldCase::id).toList(), an);
            return fieldCases.assign(cases.subList(3, 5).stream().map(FieldCase::id).toList(), binh);
        });
        CurrentUser anUser = new CurrentUser(an, Set.of(Role.INTERVIEWER), field.province());
        CurrentUser binhUser = new CurrentUser(binh, Set.of(Role.INTERVIEWER), field.province());
        Instant now = Instant.now();
        users.runAs(anUser, () -> {
            calls.complete(field.cases().get(0).id(), call(Disposition.COMPLETE, null, now), Map.of("satisfaction", "3"));
            calls.record(field.cases().get(1).id(), call(Disposition.REFUSED, null, now));
            return calls.record(field.cases().get(2).id(), call(Disposition.NO_ANSWER, null, now));
        });
        users.runAs(binhUser, () -> calls.record(field.cases().get(3).id(),
                call(Disposition.CALLBACK, now.plus(1, ChronoUnit.DAYS), now)));
        return new Known(field, anUser, binhUser);
    }

    private static CatiCalls.Call call(Disposition outcome, Instant callbackAt, Instant now) {
        return new CatiCalls.Call("cati-" + UUID.randomUUID(), now.minusSeconds(60), outcome, callbackAt, null);
    }
}
