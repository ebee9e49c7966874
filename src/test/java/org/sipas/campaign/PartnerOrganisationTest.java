package org.sipas.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.frame.SamplingFrame;
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
 * Partner organisations as users: an administrator registers the province's post office, says it
 * serves one commune and one campaign, and opens an account for its staff; papers and a visit of
 * that commune are handed to it. Its staff then see the contacts of exactly those cases, none of
 * another case, and not the campaign it does not serve.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PartnerOrganisationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    Campaigns campaigns;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CurrentUsers users;
    @Autowired
    SamplingFrame frame;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPartnersStaffSeeTheContactsOfTheCasesHandedToItAndNoOther() throws Exception {
        FieldworkFixtures.InField field = fixtures.inField("PTN", "mot-cua-2018", 60, Map.of("PAPER", 1, "FACE_TO_FACE", 1));
        long otherCampaign = users.runAs(field.admin(), () -> campaigns.create(new CampaignPlan("Quý II/2025 PTN", "mot-cua-2018", 1,
                field.province(), List.of(), Period.of(Period.Kind.QUARTER, LocalDate.of(2025, 4, 1), null), Period.Schedule.ONE_OFF, 10,
                CampaignPlan.Rule.PROPORTIONAL, 0, Map.of(), false, 20, List.of(new ChannelPlan(SurveyChannel.PHONE, 1, 0)), List.of())));

        // the administrator registers the post office, what it serves, and its staff
        String created = mvc.perform(post("/admin/partners").with(SignedIn.as(field.admin())).with(csrf())
                        .param("name", "Bưu điện tỉnh PTN").param("kind", "POST_OFFICE").param("homeUnit", "PTN-P"))
                .andExpect(flash().attribute("done", "partner.created")).andReturn().getResponse().getRedirectedUrl();
        long partner = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
        mvc.perform(post("/admin/partners/" + partner + "/serve").with(SignedIn.as(field.admin())).with(csrf())
                        .param("units", "PTN-C2").param("campaign", Long.toString(field.campaignId())))
                .andExpect(flash().attribute("done", "partner.served"));
        String staffPage = mvc.perform(post("/admin/partners/" + partner + "/staff").with(SignedIn.as(field.admin())).with(csrf())
                        .param("username", "bd-ptn").param("displayName", "Nhân viên Bưu điện PTN").param("roles", "INTERVIEWER"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(staffPage).contains("Mật khẩu dùng một lần của bd-ptn", "Nhân viên Bưu điện PTN");
        // a partner's staff manage nothing
        mvc.perform(post("/admin/partners/" + partner + "/staff").with(SignedIn.as(field.admin())).with(csrf())
                        .param("username", "bd-ptn-2").param("displayName", "Quản trị giả").param("roles", "ADMIN"))
                .andExpect(status().isOk());
        assertThat(accounts.account("bd-ptn-2")).isEmpty();
        CurrentUser postOffice = accounts.account("bd-ptn").orElseThrow();
        assertThat(postOffice.partnerId()).isEqualTo(partner);

        // the papers printed for the second commune's sampled cases go to the post office, by its registered name
        mvc.perform(post("/campaigns/" + field.campaignId() + "/paper/cases").with(SignedIn.as(field.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeCount(0));
        List<Map<String, Object>> papers = jdbc.sql("""
                        SELECT serial, sample_member_id FROM paper_form WHERE campaign_id = :c AND unit_id = :u AND sample_member_id IS NOT NULL
                        ORDER BY serial""")
                .param("c", field.campaignId()).param("u", field.commune2()).query().listOfRows();
        assertThat(papers).hasSizeGreaterThan(2);
        List<Map<String, Object>> handed = papers.subList(0, 2);
        mvc.perform(post("/campaigns/" + field.campaignId() + "/paper/handout").with(SignedIn.as(field.admin())).with(csrf())
                        .param("unit", Long.toString(field.commune2())).param("kind", "PARTNER").param("recipient", "bưu điện tỉnh PTN")
                        .param("numbers", handed.get(0).get("serial") + "," + handed.get(1).get("serial")).param("due", "5"))
                .andExpect(flash().attribute("done", "paper.handout.done"));
        assertThat(jdbc.sql("SELECT partner_id FROM paper_batch WHERE campaign_id = :c").param("c", field.campaignId())
                .query(Long.class).list()).containsExactly(partner);

        // (in this fixture the first commune's cases are visited, the second's get papers)
        // a visit in a commune it does not serve does not go to its staff; once it serves the commune, it does
        List<FieldCase> visits = field.cases().stream().filter(c -> "FACE_TO_FACE".equals(c.channel()) && c.unitId() == field.commune1())
                .toList();
        FieldCase visit = visits.get(0);
        FieldCase elsewhere = visits.get(1);
        assertThat(assign(field, visit, "bd-ptn")).isEqualTo("cati.supervision.outOfScope");
        mvc.perform(post("/admin/partners/" + partner + "/serve").with(SignedIn.as(field.admin())).with(csrf())
                        .param("units", "PTN-C1, PTN-C2").param("campaign", Long.toString(field.campaignId())))
                .andExpect(flash().attribute("done", "partner.served"));
        assertThat(assign(field, visit, "bd-ptn")).isNull();
        long paperCase = ((Number) handed.get(0).get("sample_member_id")).longValue();
        long notHanded = ((Number) papers.get(2).get("sample_member_id")).longValue();
        String handedPhone = phone(paperCase);
        String visitPhone = phone(visit.id());
        String otherPhone = phone(notHanded);
        String list = mvc.perform(get("/partner/cases").with(SignedIn.as(postOffice))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Bưu điện tỉnh PTN", handedPhone, visitPhone).doesNotContain(otherPhone, phone(elsewhere.id()));
        assertThat(mvc.perform(get("/partner/cases/" + paperCase).with(SignedIn.as(postOffice))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains(handedPhone);
        mvc.perform(get("/partner/cases/" + notHanded).with(SignedIn.as(postOffice))).andExpect(status().isForbidden());
        mvc.perform(get("/partner/cases/" + elsewhere.id()).with(SignedIn.as(postOffice))).andExpect(status().isForbidden());
        // the campaign-wide work list, with every contact, is not theirs either
        mvc.perform(get("/campaigns/" + field.campaignId() + "/work-list/PAPER.csv").with(SignedIn.as(postOffice)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'partner.contacts.open' AND after->>'partner' = :p")
                .param("p", Long.toString(partner)).query(Long.class).single()).isEqualTo(2);

        // the campaign it serves opens to its staff; the other campaign of the same province does not
        mvc.perform(get("/campaigns/" + field.campaignId() + "/training/quiz").with(SignedIn.as(postOffice))).andExpect(status().isOk());
        mvc.perform(get("/campaigns/" + otherCampaign + "/training/quiz").with(SignedIn.as(postOffice))).andExpect(status().isForbidden());
        CurrentUser ownInterviewer = new CurrentUser("dtv-ptn", Set.of(Role.INTERVIEWER), field.province());
        mvc.perform(get("/campaigns/" + otherCampaign + "/training/quiz").with(SignedIn.as(ownInterviewer))).andExpect(status().isOk());
        // and the administration's own interviewer sees no partner's cases
        assertThat(mvc.perform(get("/partner/cases").with(SignedIn.as(ownInterviewer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("không thuộc tổ chức nào").doesNotContain(handedPhone);
        mvc.perform(get("/partner/cases/" + paperCase).with(SignedIn.as(ownInterviewer))).andExpect(status().isForbidden());
    }

    @Test
    void aVisitHeldByAPartnersStaffStopsOpeningItsContactOnceThePartnerNoLongerServesItsUnit() throws Exception {
        FieldworkFixtures.InField field = fixtures.inField("PTS", "mot-cua-2018", 20, Map.of("FACE_TO_FACE", 1));
        String created = mvc.perform(post("/admin/partners").with(SignedIn.as(field.admin())).with(csrf())
                        .param("name", "Bưu điện tỉnh PTS").param("kind", "POST_OFFICE").param("homeUnit", "PTS-P"))
                .andExpect(flash().attribute("done", "partner.created")).andReturn().getResponse().getRedirectedUrl();
        long partner = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
        mvc.perform(post("/admin/partners/" + partner + "/serve").with(SignedIn.as(field.admin())).with(csrf())
                        .param("units", "PTS-C1").param("campaign", Long.toString(field.campaignId())))
                .andExpect(flash().attribute("done", "partner.served"));
        mvc.perform(post("/admin/partners/" + partner + "/staff").with(SignedIn.as(field.admin())).with(csrf())
                        .param("username", "bd-pts").param("displayName", "Nhân viên Bưu điện PTS").param("roles", "INTERVIEWER"))
                .andExpect(status().isOk());
        CurrentUser postOffice = accounts.account("bd-pts").orElseThrow();
        FieldCase visit = field.cases().stream().filter(c -> c.unitId() == field.commune1()).findFirst().orElseThrow();
        assertThat(assign(field, visit, "bd-pts")).isNull();
        String phone = phone(visit.id());
        assertThat(mvc.perform(get("/capi/api/assignments").with(SignedIn.as(postOffice))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains(phone);
        assertThat(mvc.perform(get("/partner/cases/" + visit.id()).with(SignedIn.as(postOffice))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains(phone);

        // the post office now serves only the other commune: the visit stays assigned, its contact is no longer theirs
        mvc.perform(post("/admin/partners/" + partner + "/serve").with(SignedIn.as(field.admin())).with(csrf())
                        .param("units", "PTS-C2").param("campaign", Long.toString(field.campaignId())))
                .andExpect(flash().attribute("done", "partner.served"));
        assertThat(mvc.perform(get("/capi/api/assignments").with(SignedIn.as(postOffice))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).doesNotContain(phone);
        mvc.perform(get("/partner/cases/" + visit.id()).with(SignedIn.as(postOffice))).andExpect(status().isForbidden());
        // the administration's own interviewer holding a visit is not affected
        users.runAs(field.admin(), () -> accounts.create("dtv-pts", "Điều tra viên PTS", field.province(), Set.of(Role.INTERVIEWER),
                "mat-khau-dtv-pts-2025"));
        CurrentUser own = accounts.account("dtv-pts").orElseThrow();
        FieldCase ownVisit = field.cases().stream().filter(c -> c.unitId() == field.commune1() && c.id() != visit.id())
                .findFirst().orElseThrow();
        assertThat(assign(field, ownVisit, "dtv-pts")).isNull();
        assertThat(mvc.perform(get("/capi/api/assignments").with(SignedIn.as(own))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains(phone(ownVisit.id()));
    }

    @Test
    void aProvinceAdministratorManagesOnlyTheOrganisationsOfTheirProvince() throws Exception {
        FieldworkFixtures.InField field = fixtures.inField("PTQ", "mot-cua-2018", 10, Map.of("PHONE", 1));
        mvc.perform(post("/admin/partners").with(SignedIn.as(field.admin())).with(csrf())
                        .param("name", "Hội Cựu chiến binh PTQ").param("kind", "VETERANS").param("homeUnit", "VN"))
                .andExpect(flash().attribute("problem", "partner.unitOutside"));
        String created = mvc.perform(post("/admin/partners").with(SignedIn.as(field.admin())).with(csrf())
                        .param("name", "Hội Cựu chiến binh PTQ").param("kind", "VETERANS").param("homeUnit", "PTQ-P"))
                .andReturn().getResponse().getRedirectedUrl();
        long partner = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
        mvc.perform(post("/admin/partners/" + partner + "/serve").with(SignedIn.as(field.admin())).with(csrf())
                        .param("units", "PTQ-C1").param("campaign", Long.toString(field.campaignId())))
                .andExpect(flash().attribute("done", "partner.served"));
        assertThat(mvc.perform(get("/admin/partners").with(SignedIn.as(field.admin()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("Hội Cựu chiến binh PTQ", "Hội Cựu chiến binh", "Phường Một PTQ");
        FieldworkFixtures.InField other = fixtures.inField("PTR", "mot-cua-2018", 10, Map.of("PHONE", 1));
        mvc.perform(get("/admin/partners/" + partner).with(SignedIn.as(other.admin()))).andExpect(status().isForbidden());
        assertThat(mvc.perform(get("/admin/partners").with(SignedIn.as(other.admin()))).andReturn().getResponse().getContentAsString())
                .doesNotContain("Hội Cựu chiến binh PTQ");
        mvc.perform(post("/admin/partners/" + partner + "/serve").with(SignedIn.as(field.admin())).with(csrf())
                        .param("units", "PTR-C1"))
                .andExpect(flash().attribute("problem", "partner.unitOutside"));
        mvc.perform(post("/admin/partners/" + partner + "/serve").with(SignedIn.as(field.admin())).with(csrf())
                        .param("units", "PTQ-C2").param("campaign", Long.toString(other.campaignId())))
                .andExpect(flash().attribute("problem", "partner.campaignOutside"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'partner_organisation' AND entity_id = :p")
                .param("p", Long.toString(partner)).query(Long.class).single()).isEqualTo(2);
    }

    private String phone(long caseId) {
        long dossier = jdbc.sql("SELECT dossier_id FROM sample_member WHERE id = :id").param("id", caseId).query(Long.class).single();
        return frame.contacts(List.of(dossier)).get(0).phone();
    }

    private String assign(FieldworkFixtures.InField field, FieldCase fieldCase, String to) throws Exception {
        return (String) mvc.perform(post("/fieldwork/face-to-face/assign").with(SignedIn.as(field.admin())).with(csrf())
                        .param("campaign", Long.toString(field.campaignId())).param("case", Long.toString(fieldCase.id()))
                        .param("to", to))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("problem");
    }
}
