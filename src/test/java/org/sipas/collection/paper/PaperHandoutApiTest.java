package org.sipas.collection.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.SignedIn;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The hand-out and return of paper questionnaires through the JSON API, on a campaign of the
 * one-stop quick rating with its sample on paper: a batch handed to the post office, numbers
 * coming back one by one, the reconciliation, refusals naming the field, and partner staff kept
 * away from every answer (none carries a contact, and none is open to their roles).
 */
@SpringBootTest
@AutoConfigureMockMvc
class PaperHandoutApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    StaffAccounts accounts;

    @Test
    void aBatchHandedByTheApiIsListedItsNumbersComeBackOneByOneAndItReconciles() throws Exception {
        InField field = fixtures.inField("HPA", "mot-cua-2018", 4, Map.of("PAPER", 1));
        printBlank(field, 10);
        String base = "/api/v1/campaigns/" + field.campaignId();

        String created = hand(field, """
                {"unit": %d, "kind": "PARTNER", "recipient": "Bưu điện xã HPA", "numbers": "1-10", "dueWorkingDays": 5}"""
                .formatted(field.commune1()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.line.batch.recipient").value("Bưu điện xã HPA"))
                .andExpect(jsonPath("$.line.batch.handed").value(10))
                .andExpect(jsonPath("$.line.overdue").value(false))
                .andExpect(jsonPath("$.numbers", hasSize(10)))
                .andExpect(jsonPath("$.numbers[*].state", everyItem(is("HANDED"))))
                .andReturn().getResponse().getHeader("Location");
        long batch = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
        assertThat(created).isEqualTo(base + "/paper-batches/" + batch);

        // a serial, and a number as printed on the paper
        state(field, batch, "3", "RETURNED_FILLED").andExpect(status().isOk())
                .andExpect(jsonPath("$.numbers[2].serial").value(3))
                .andExpect(jsonPath("$.numbers[2].state").value("RETURNED_FILLED"))
                .andExpect(jsonPath("$.numbers[2].stateBy").value(field.admin().name()));
        state(field, batch, new PaperNumber(field.campaignId(), 4).text(), "SPOILED").andExpect(status().isOk())
                .andExpect(jsonPath("$.numbers[3].state").value("SPOILED"))
                .andExpect(jsonPath("$.line.stillOut").value("1-2, 5-10"));

        mvc.perform(get(base + "/paper-batches").with(SignedIn.as(field.admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].batch.id").value((int) batch))
                .andExpect(jsonPath("$[0].batch.outstanding").value(8));
        mvc.perform(get(base + "/paper-reconciliation").with(SignedIn.as(field.admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].recipient").value("Bưu điện xã HPA"))
                .andExpect(jsonPath("$[0].handed").value(10))
                .andExpect(jsonPath("$[0].returned").value(1))
                .andExpect(jsonPath("$[0].spoiled").value(1))
                .andExpect(jsonPath("$[0].missing").value(9))
                .andExpect(jsonPath("$[0].awaitingEntry").value(1))
                .andExpect(jsonPath("$[0].overdue").value(false));
        // the same service as the page: every change is in the audit log
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action LIKE 'paper.handout%' AND (detail = :d OR after->>'campaign' = :c)")
                .param("d", "campaign " + field.campaignId()).param("c", Long.toString(field.campaignId()))
                .query(Long.class).single()).isEqualTo(3);
        mvc.perform(get(base + "/paper-batches/999999999").with(SignedIn.as(field.admin()))).andExpect(status().isNotFound());
    }

    @Test
    void aWrongHandOutOrReturnIsA422NamingTheFieldAndTheItemAndChangesNothing() throws Exception {
        InField field = fixtures.inField("HPB", "mot-cua-2018", 4, Map.of("PAPER", 1));
        printBlank(field, 5);

        hand(field, """
                {"unit": %d, "kind": "PARTNER", "recipient": "Hội Cựu chiến binh", "numbers": "1-3, 9"}""".formatted(field.commune1()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("numbers"))
                .andExpect(jsonPath("$.item").value(new PaperNumber(field.campaignId(), 9).printed()))
                .andExpect(jsonPath("$.detail").value("Số phiếu: phiếu " + new PaperNumber(field.campaignId(), 9).printed() + " chưa được in."));
        hand(field, """
                {"unit": %d, "recipient": "Hội Cựu chiến binh", "numbers": "1-3"}""".formatted(field.commune1()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("kind"));
        mvc.perform(post("/api/v1/campaigns/" + field.campaignId() + "/paper-batches").with(SignedIn.as(field.admin()))
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content("""
                                {"unit": %d, "kind": "COUNTER", "recipient": "khong-co-ai-hpb", "numbers": "1-3"}""".formatted(field.commune1())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("recipient"))
                .andExpect(jsonPath("$.code").value("paper.handout.officerUnknown"));
        assertThat(jdbc.sql("SELECT count(*) FROM paper_batch WHERE campaign_id = :c").param("c", field.campaignId())
                .query(Long.class).single()).isZero();

        String created = hand(field, """
                {"unit": %d, "kind": "PARTNER", "recipient": "Hội Cựu chiến binh", "numbers": "1-3"}""".formatted(field.commune1()))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        long batch = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
        state(field, batch, "5", "LOST").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("numbers"))
                .andExpect(jsonPath("$.code").value("paper.handout.numbers.otherBatch"));
        state(field, batch, "1-2", "LOST").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("paper.handout.numbers.one"));
        state(field, batch, "2", "EATEN").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("state"));
        assertThat(jdbc.sql("SELECT count(*) FROM paper_handout WHERE batch_id = :b AND state <> 'HANDED'").param("b", batch)
                .query(Long.class).single()).isZero();
    }

    @Test
    void partnerStaffReadNoBatchAndNoContactThroughTheApiNeitherTheirOwnPartnersNorAnothers() throws Exception {
        InField field = fixtures.inField("HPC", "mot-cua-2018", 8, Map.of("PAPER", 1));
        CurrentUser postOffice = partnerStaff(field, "Bưu điện tỉnh HPC", "bd-hpc");
        CurrentUser front = partnerStaff(field, "Mặt trận Tổ quốc tỉnh HPC", "mt-hpc");
        mvc.perform(post("/campaigns/" + field.campaignId() + "/paper/cases").with(SignedIn.as(field.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        List<Integer> papers = jdbc.sql("""
                        SELECT serial FROM paper_form WHERE campaign_id = :c AND unit_id = :u AND sample_member_id IS NOT NULL ORDER BY serial""")
                .param("c", field.campaignId()).param("u", field.commune1()).query(Integer.class).list();
        String body = hand(field, """
                {"unit": %d, "kind": "PARTNER", "recipient": "bưu điện tỉnh HPC", "numbers": "%s"}"""
                .formatted(field.commune1(), String.join(",", papers.stream().map(String::valueOf).toList())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long batch = ((Number) JsonPath.read(body, "$.line.batch.id")).longValue();
        // handed to the registered post office, by its registered name
        assertThat(jdbc.sql("SELECT partner_id IS NOT NULL FROM paper_batch WHERE id = :b").param("b", batch).query(Boolean.class).single())
                .isTrue();

        // what an office reads of the batch names papers, never applicants
        String base = "/api/v1/campaigns/" + field.campaignId();
        String read = mvc.perform(get(base + "/paper-batches/" + batch).with(SignedIn.as(field.admin())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.numbers[*].forSampledCase", everyItem(is(true))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(read).doesNotContain("Người dân", "0912", "applicant", "phone", "dossier");

        for (CurrentUser partner : List.of(postOffice, front)) {
            for (String path : List.of("/paper-batches", "/paper-batches/" + batch, "/paper-reconciliation", "/sample-review")) {
                mvc.perform(get(base + path).with(SignedIn.as(partner))).andExpect(status().isForbidden());
            }
            mvc.perform(post(base + "/paper-batches/" + batch + "/numbers/" + papers.get(0)).with(SignedIn.as(partner))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"state\": \"DELIVERED\"}"))
                    .andExpect(status().isForbidden());
        }
        // the contacts of the handed cases stay where they were: the post office's own page, and not the front's
        String own = mvc.perform(get("/partner/cases").with(SignedIn.as(postOffice))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String others = mvc.perform(get("/partner/cases").with(SignedIn.as(front))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(own).contains("Người dân");
        assertThat(others).doesNotContain("Người dân");
        long handedCase = jdbc.sql("SELECT sample_member_id FROM paper_form WHERE campaign_id = :c AND serial = :s")
                .param("c", field.campaignId()).param("s", papers.get(0)).query(Long.class).single();
        mvc.perform(get("/partner/cases/" + handedCase).with(SignedIn.as(front))).andExpect(status().isForbidden());
    }

    /** A partner organisation serving the campaign's first commune, with one member of staff (an interviewer). */
    private CurrentUser partnerStaff(InField field, String name, String username) throws Exception {
        String prefix = name.substring(name.lastIndexOf(' ') + 1);
        String created = mvc.perform(post("/admin/partners").with(SignedIn.as(field.admin())).with(csrf())
                        .param("name", name).param("kind", "OTHER").param("homeUnit", prefix + "-P"))
                .andExpect(flash().attribute("done", "partner.created")).andReturn().getResponse().getRedirectedUrl();
        long partner = Long.parseLong(created.substring(created.lastIndexOf('/') + 1));
        mvc.perform(post("/admin/partners/" + partner + "/serve").with(SignedIn.as(field.admin())).with(csrf())
                        .param("units", prefix + "-C1").param("campaign", Long.toString(field.campaignId())))
                .andExpect(flash().attribute("done", "partner.served"));
        mvc.perform(post("/admin/partners/" + partner + "/staff").with(SignedIn.as(field.admin())).with(csrf())
                        .param("username", username).param("displayName", "Nhân viên " + name).param("roles", "INTERVIEWER"))
                .andExpect(status().isOk());
        return accounts.account(username).orElseThrow();
    }

    private void printBlank(InField field, int copies) throws Exception {
        mvc.perform(post("/campaigns/" + field.campaignId() + "/paper/blank").with(SignedIn.as(field.admin())).with(csrf())
                        .param("unit", Long.toString(field.commune1())).param("copies", Integer.toString(copies)))
                .andExpect(status().is3xxRedirection());
    }

    private ResultActions hand(InField field, String json) throws Exception {
        return mvc.perform(post("/api/v1/campaigns/" + field.campaignId() + "/paper-batches").with(SignedIn.as(field.admin()))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions state(InField field, long batch, String number, String state) throws Exception {
        return mvc.perform(post("/api/v1/campaigns/" + field.campaignId() + "/paper-batches/" + batch + "/numbers/" + number)
                .with(SignedIn.as(field.admin())).contentType(MediaType.APPLICATION_JSON).content("{\"state\": \"" + state + "\"}"));
    }
}
