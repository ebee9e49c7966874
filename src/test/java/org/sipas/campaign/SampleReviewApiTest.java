package org.sipas.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The check of a drawn sample through the JSON API: what the approver reads, and the decision
 * under the page's rules (the level above decides, not whoever drew, a return says why), on a
 * province-wide campaign whose approver is a national administrator.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SampleReviewApiTest {

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    Campaigns campaigns;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void theApproverReadsTheSampleWithoutContactsAndApprovesItThroughTheApi() throws Exception {
        FieldworkFixtures.Drafted drafted = fixtures.drafted("SRA", "mot-cua-2018", 40, Map.of("PHONE", 1));
        long id = drafted.campaignId();
        users.runAs(drafted.admin(), () -> campaigns.draw(id, 7L));
        CurrentUser approver = nationAdmin("duyet-sra");

        String read = mvc.perform(get("/api/v1/campaigns/{id}/sample-review", id).with(SignedIn.as(approver)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SAMPLED"))
                .andExpect(jsonPath("$.standing").value("AWAITING"))
                .andExpect(jsonPath("$.seed").value(7))
                .andExpect(jsonPath("$.mayDecide").value(true))
                .andExpect(jsonPath("$.approvedBy.unitCode").value("VN"))
                // 40 over two communes of 60: 20 each, every dossier of the frame with a phone
                .andExpect(jsonPath("$.strata", hasSize(2)))
                .andExpect(jsonPath("$.strata[0].frameSize").value(60))
                .andExpect(jsonPath("$.strata[0].n").value(20))
                .andExpect(jsonPath("$.sampled").value(40))
                .andExpect(jsonPath("$.contactCoverage").value(100.0))
                .andExpect(jsonPath("$.allocation.target").value(40))
                .andExpect(jsonPath("$.extract", hasSize(20)))
                .andExpect(jsonPath("$.extract[0].receiptCode").isString())
                .andExpect(jsonPath("$.decisions", hasSize(0)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the extract names dossiers, never applicants, masked or not
        assertThat(read).doesNotContain("Người dân", "0912", "09******").doesNotContain("\"name\"").doesNotContain("phone\"");

        // the province's own administrator drew it and is not the level above
        decide(id, drafted.admin(), "{\"decision\": \"approve\"}").andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("campaign.review.ownDraw"));
        decide(id, approver, "{\"decision\": \"return\", \"comments\": \"  \"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("comments"))
                .andExpect(jsonPath("$.detail").value("Trả lại mẫu phải ghi rõ lý do."));
        decide(id, approver, "{\"decision\": \"maybe\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("decision"));
        decide(id, approver, "{}").andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("decision"));
        assertThat(jdbc.sql("SELECT count(*) FROM sample_review WHERE campaign_id = :id").param("id", id).query(Long.class).single())
                .isZero();

        decide(id, approver, "{\"decision\": \"approve\", \"comments\": \"Phân bổ hợp lý\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.decision").value("APPROVED"))
                .andExpect(jsonPath("$.seed").value(7))
                .andExpect(jsonPath("$.decidedBy").value("duyet-sra"));
        mvc.perform(get("/api/v1/campaigns/{id}/sample-review", id).with(SignedIn.as(drafted.admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.standing").value("APPROVED"))
                .andExpect(jsonPath("$.mayDecide").value(false))
                .andExpect(jsonPath("$.decisions[0].comments").value("Phân bổ hợp lý"));
        assertThat(jdbc.sql("""
                        SELECT actor || ' ' || (after->>'decision') || ' ' || (after->>'seed') FROM audit_log
                        WHERE action = 'campaign.sample.approve' AND detail = :d""")
                .param("d", "campaign " + id).query(String.class).list()).containsExactly("duyet-sra APPROVED 7");

        // in the field, there is nothing left to decide
        users.runAs(drafted.admin(), () -> {
            campaigns.startFieldwork(id);
            return null;
        });
        decide(id, approver, "{\"decision\": \"return\", \"comments\": \"Muộn\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("campaign.review.notSampled"));
    }

    @Test
    void aReturnThroughTheApiSaysWhyAndTheDrawerMayNotApproveTheirOwnRedraw() throws Exception {
        FieldworkFixtures.Drafted drafted = fixtures.drafted("SRB", "mot-cua-2018", 40, Map.of("PHONE", 1));
        long id = drafted.campaignId();
        CurrentUser drawer = nationAdmin("chon-mau-srb");
        users.runAs(drawer, () -> campaigns.draw(id, 3L));

        decide(id, drawer, "{\"decision\": \"approve\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("campaign.review.ownDraw"));
        decide(id, nationAdmin("duyet-srb"), "{\"decision\": \"return\", \"comments\": \"Xã Hai thiếu hồ sơ trực tuyến\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.decision").value("RETURNED"))
                .andExpect(jsonPath("$.comments").value("Xã Hai thiếu hồ sơ trực tuyến"));
        mvc.perform(get("/api/v1/campaigns/{id}/sample-review", id).header("Accept-Language", "en").with(SignedIn.as(drawer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.standing").value("RETURNED"))
                .andExpect(jsonPath("$.decisions", hasSize(1)));
    }

    private ResultActions decide(long id, CurrentUser as, String json) throws Exception {
        return mvc.perform(post("/api/v1/campaigns/{id}/sample-review", id).with(SignedIn.as(as))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private CurrentUser nationAdmin(String name) {
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        return new CurrentUser(name, Set.of(Role.ADMIN), nation);
    }
}
