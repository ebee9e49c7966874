package org.sipas.collection.capi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A supervisor hands face-to-face cases to an interviewer from the page, and the interviewer's
 * CAPI app then downloads them: ticked cases or every open case a filter finds, a page of 50 at a
 * time, never to an interviewer whose scope does not hold the case's unit.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FaceToFaceAssignmentTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CurrentUsers users;

    @Test
    void theCasesASupervisorGivesReachTheInterviewersApp() throws Exception {
        InField field = fixtures.inField("F2F", "mot-cua-2018", 120, Map.of("FACE_TO_FACE", 1));
        users.runAs(field.admin(), () -> accounts.create("dtv-f2f", "Điều tra viên Một", field.province(), Set.of(Role.INTERVIEWER),
                "mat-khau-dai-du"));
        List<FieldCase> visits = field.cases().stream().filter(c -> "FACE_TO_FACE".equals(c.channel())).toList();
        assertThat(visits).hasSizeGreaterThan(50);

        String page = mvc.perform(get("/fieldwork/face-to-face").param("campaign", Long.toString(field.campaignId()))
                        .with(SignedIn.as(field.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // fifty a page, with a pager, and the interviewer offered
        assertThat(page.split("name=\"case\"", -1).length - 1).isEqualTo(50);
        assertThat(page).contains("Điều tra viên Một", "trang 1/" + ((visits.size() + 49) / 50));

        mvc.perform(post("/fieldwork/face-to-face/assign").with(SignedIn.as(field.admin())).with(csrf())
                        .param("campaign", Long.toString(field.campaignId()))
                        .param("case", Long.toString(visits.get(0).id()), Long.toString(visits.get(1).id()))
                        .param("to", "dtv-f2f"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", "cati.supervision.moved"));
        CurrentUser interviewer = new CurrentUser("dtv-f2f", Set.of(Role.INTERVIEWER), field.province());
        mvc.perform(get("/capi/api/assignments").with(SignedIn.as(interviewer)))
                .andExpect(jsonPath("$.cases.length()").value(2));

        // every open case of one commune at once, from the filter
        long commune = field.commune1();
        long inCommune = visits.stream().filter(c -> c.unitId() == commune).count();
        mvc.perform(post("/fieldwork/face-to-face/assign").with(SignedIn.as(field.admin())).with(csrf())
                        .param("campaign", Long.toString(field.campaignId())).param("all", "true")
                        .param("unit", Long.toString(commune)).param("to", "dtv-f2f"))
                .andExpect(status().is3xxRedirection());
        long expected = inCommune + List.of(visits.get(0), visits.get(1)).stream().filter(c -> c.unitId() != commune).count();
        mvc.perform(get("/capi/api/assignments").with(SignedIn.as(interviewer)))
                .andExpect(jsonPath("$.cases.length()").value((int) expected));
        String held = mvc.perform(get("/fieldwork/face-to-face").param("campaign", Long.toString(field.campaignId()))
                        .param("who", "dtv-f2f").with(SignedIn.as(field.admin())))
                .andReturn().getResponse().getContentAsString();
        assertThat(held).contains(expected + " ca khớp bộ lọc");
    }

    @Test
    void aCaseGoesOnlyToAnInterviewerWhoseScopeHoldsItsUnit() throws Exception {
        InField field = fixtures.inField("F2G", "mot-cua-2018", 20, Map.of("FACE_TO_FACE", 1));
        users.runAs(field.admin(), () -> accounts.create("dtv-f2g", "Điều tra viên Xã Hai", field.commune2(), Set.of(Role.INTERVIEWER),
                "mat-khau-dai-du"));
        FieldCase elsewhere = field.cases().stream().filter(c -> c.unitId() == field.commune1()).findFirst().orElseThrow();
        mvc.perform(post("/fieldwork/face-to-face/assign").with(SignedIn.as(field.admin())).with(csrf())
                        .param("campaign", Long.toString(field.campaignId())).param("case", Long.toString(elsewhere.id()))
                        .param("to", "dtv-f2g"))
                .andExpect(flash().attribute("problem", "cati.supervision.outOfScope"));
        mvc.perform(get("/capi/api/assignments").with(SignedIn.as(new CurrentUser("dtv-f2g", Set.of(Role.INTERVIEWER), field.commune2()))))
                .andExpect(jsonPath("$.cases.length()").value(0));
    }
}
