package org.sipas.collection.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Paper questionnaires handed out in batches and taken back, on a campaign of the one-stop quick
 * rating in the field: the reconciliation of a batch, and double entry refusing what was never
 * handed out, through the pages a manager and a clerk use.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PaperHandoutTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    CurrentUsers users;
    @Autowired
    DoubleEntry entry;
    @Autowired
    PaperHandouts handouts;

    @Test
    void aBatchOf100With90Returned85KeyedAnd5SpoiledReconcilesTo10MissingAnd5AwaitingEntry() throws Exception {
        InField field = fixtures.inField("HOA", "mot-cua-2018", 4, Map.of("PAPER", 1));
        printBlank(field, 100);
        hand(field, "PARTNER", "Bưu điện tỉnh PHA", "1-100").andExpect(flash().attribute("done", "paper.handout.done"));

        record(field, "1-90", "RETURNED_FILLED").andExpect(flash().attribute("doneCount", 90));
        record(field, "91-95", "SPOILED").andExpect(flash().attribute("doneCount", 5));
        CurrentUser clerk = clerk(field, "a");
        for (int serial = 1; serial <= 85; serial++) {
            String number = new PaperNumber(field.campaignId(), serial).text();
            DoubleEntry.Keyed keyed = users.runAs(clerk, () -> entry.key(number, Map.of("satisfaction", "3"),
                    Instant.now().minusSeconds(30), Locale.forLanguageTag("vi")));
            assertThat(keyed.outcome()).isEqualTo(DoubleEntry.Outcome.FIRST_PASS);
        }

        // still out: 96 and 97 delivered at random at the counter (blank copies), 98-100 not yet
        record(field, "96, 97", "DELIVERED").andExpect(flash().attribute("doneCount", 2));
        assertThat(jdbc.sql("SELECT count(*) FROM paper_handout WHERE at_random AND number IN (:n)")
                .param("n", List.of(new PaperNumber(field.campaignId(), 96).text(), new PaperNumber(field.campaignId(), 97).text()))
                .query(Long.class).single()).isEqualTo(2);
        // the papers printed for the commune's sampled cases go to the post office of the commune, and to their dossiers
        mvc.perform(post("/campaigns/" + field.campaignId() + "/paper/cases").with(SignedIn.as(field.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        List<Integer> casePapers = jdbc.sql("SELECT serial FROM paper_form WHERE campaign_id = :c AND unit_id = :u AND sample_member_id IS NOT NULL ORDER BY serial")
                .param("c", field.campaignId()).param("u", field.commune1()).query(Integer.class).list();
        assertThat(casePapers).isNotEmpty();
        String caseList = String.join(",", casePapers.stream().map(String::valueOf).toList());
        hand(field, "PARTNER", "Bưu điện xã PHA", caseList).andExpect(flash().attribute("done", "paper.handout.done"));
        record(field, caseList, "DELIVERED").andExpect(flash().attribute("doneCount", casePapers.size()));
        assertThat(jdbc.sql("SELECT count(*) FROM paper_handout h JOIN paper_form f ON f.number = h.number WHERE f.campaign_id = :c AND f.sample_member_id IS NOT NULL AND NOT h.at_random AND h.state = 'DELIVERED'")
                .param("c", field.campaignId()).query(Long.class).single()).isEqualTo(casePapers.size());

        List<PaperHandouts.Line> lines = users.runAs(field.admin(), () -> handouts.reconcile(field.campaignId(), Instant.now()));
        assertThat(lines).extracting(PaperHandouts.Line::recipient).containsExactly("Bưu điện tỉnh PHA", "Bưu điện xã PHA");
        PaperHandouts.Line line = lines.get(0);
        assertThat(line.recipient()).isEqualTo("Bưu điện tỉnh PHA");
        assertThat(List.of(line.handed(), line.returned(), line.keyed(), line.spoiled(), line.missing(), line.awaitingEntry(),
                line.outstanding())).containsExactly(100, 90, 85, 5, 10, 5, 5);
        assertThat(line.overdue()).isFalse();

        String page = page(get("/campaigns/" + field.campaignId() + "/paper/handout"), field.admin(), 200);
        assertThat(page).contains("Bưu điện tỉnh PHA").contains("data-figure=\"missing\">10<")
                .contains("data-figure=\"awaiting\">5<").contains("(số thứ tự 96-100)");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action LIKE 'paper.handout%' AND (detail = :d OR after->>'campaign' = :c)")
                .param("d", "campaign " + field.campaignId()).param("c", Long.toString(field.campaignId()))
                .query(Long.class).single()).isEqualTo(6);
        // a keyed paper is not written off
        record(field, "12", "LOST").andExpect(flash().attribute("problem", "paper.handout.numbers.keyed"));
    }

    @Test
    void keyingANumberThatWasNeverHandedOutIsRefusedWithAClearMessage() throws Exception {
        InField field = fixtures.inField("HOB", "mot-cua-2018", 4, Map.of("PAPER", 1));
        printBlank(field, 12);
        hand(field, "PARTNER", "Mặt trận Tổ quốc xã", "1-10").andExpect(flash().attribute("done", "paper.handout.done"));
        PaperNumber never = new PaperNumber(field.campaignId(), 11);

        String refused = page(get("/paper/entry/" + never.text()), clerk(field, "a"), 422);
        assertThat(refused).contains("Phiếu số " + never.printed() + " chưa được phát ra");
        assertThat(page(get("/paper/entry/" + never.text()).param("lang", "en"), clerk(field, "a"), 422))
                .contains("Paper " + never.printed() + " was never handed out");
        assertThatThrownBy(() -> users.runAs(clerk(field, "a"), () -> entry.key(never.text(), Map.of("satisfaction", "3"),
                Instant.now(), Locale.forLanguageTag("vi"))))
                .isInstanceOf(PaperRefused.class).hasMessage("paper.refused.notHandedOut");
        assertThat(jdbc.sql("SELECT count(*) FROM paper_entry WHERE number = :n").param("n", never.text()).query(Long.class).single())
                .isZero();

        // a handed-out number is keyed twice and stored; keying it again is refused, and it counts as returned filled
        String handed = new PaperNumber(field.campaignId(), 3).text();
        users.runAs(clerk(field, "a"), () -> entry.key(handed, Map.of("satisfaction", "2"), Instant.now(), Locale.forLanguageTag("vi")));
        DoubleEntry.Keyed second = users.runAs(clerk(field, "b"), () -> entry.key(handed, Map.of("satisfaction", "2"), Instant.now(),
                Locale.forLanguageTag("vi")));
        assertThat(second.outcome()).isEqualTo(DoubleEntry.Outcome.STORED);
        assertThat(page(get("/paper/entry/" + handed), clerk(field, "c"), 422)).contains("Phiếu này đã được lưu, không nhập lại.");
        assertThat(jdbc.sql("SELECT state FROM paper_handout WHERE number = :n").param("n", handed).query(String.class).single())
                .isEqualTo("RETURNED_FILLED");

        // a paper returned blank has nothing to key
        record(field, "4", "RETURNED_BLANK").andExpect(flash().attribute("doneCount", 1));
        String blank = new PaperNumber(field.campaignId(), 4).text();
        assertThat(page(get("/paper/entry/" + blank), clerk(field, "a"), 422)).contains("trả lại để trống, hỏng hoặc mất");
    }

    @Test
    void aHandOutNamingAnUnprintedNumberChangesNothingAndNamesTheNumber() throws Exception {
        InField field = fixtures.inField("HOC", "mot-cua-2018", 4, Map.of("PAPER", 1));
        printBlank(field, 5);
        hand(field, "PARTNER", "Hội Cựu chiến binh", "1-3, 9").andExpect(flash().attribute("problem", "paper.handout.numbers.notPrinted"))
                .andExpect(flash().attribute("problemItem", new PaperNumber(field.campaignId(), 9).printed()));
        hand(field, "COUNTER", "khong-co-ai-phc", "1-3").andExpect(flash().attribute("problem", "paper.handout.officerUnknown"));
        hand(field, "PARTNER", "Hội Cựu chiến binh", "1-3, 12 3").andExpect(flash().attribute("problem", "paper.number.length"));
        assertThat(jdbc.sql("SELECT count(*) FROM paper_batch WHERE campaign_id = :c").param("c", field.campaignId())
                .query(Long.class).single()).isZero();

        hand(field, "PARTNER", "Hội Cựu chiến binh", "1-3").andExpect(flash().attribute("done", "paper.handout.done"));
        hand(field, "PARTNER", "Bưu điện", "3-5").andExpect(flash().attribute("problem", "paper.handout.numbers.handedBefore"));
        assertThat(jdbc.sql("SELECT count(*) FROM paper_handout h JOIN paper_batch b ON b.id = h.batch_id WHERE b.campaign_id = :c")
                .param("c", field.campaignId()).query(Long.class).single()).isEqualTo(3);
    }

    private void printBlank(InField field, int copies) throws Exception {
        mvc.perform(post("/campaigns/" + field.campaignId() + "/paper/blank").with(SignedIn.as(field.admin())).with(csrf())
                        .param("unit", Long.toString(field.commune1())).param("copies", Integer.toString(copies)))
                .andExpect(status().is3xxRedirection());
    }

    private org.springframework.test.web.servlet.ResultActions hand(InField field, String kind, String recipient, String numbers)
            throws Exception {
        return mvc.perform(post("/campaigns/" + field.campaignId() + "/paper/handout").with(SignedIn.as(field.admin())).with(csrf())
                        .param("unit", Long.toString(field.commune1())).param("kind", kind).param("recipient", recipient)
                        .param("numbers", numbers).param("due", "5"))
                .andExpect(status().is3xxRedirection());
    }

    private org.springframework.test.web.servlet.ResultActions record(InField field, String numbers, String state) throws Exception {
        return mvc.perform(post("/campaigns/" + field.campaignId() + "/paper/handout/returns").with(SignedIn.as(field.admin()))
                        .with(csrf()).param("numbers", numbers).param("state", state))
                .andExpect(status().is3xxRedirection());
    }

    private static CurrentUser clerk(InField field, String who) {
        return new CurrentUser("nhaplieu-" + who + "-" + field.campaignId(), Set.of(Role.DATA_ENTRY), field.province());
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, CurrentUser who, int status)
            throws Exception {
        return mvc.perform(request.with(SignedIn.as(who))).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
