package org.sipas.collection.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldCases;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Paper questionnaires keyed twice, through the pages a clerk and a supervisor use, on a campaign
 * of the one-stop quick rating in the field with a sample on the PAPER channel: satisfaction (câu
 * 1: 1 Không hài lòng, 2 Hài lòng, 3 Rất hài lòng), reasons (câu 2, asked only when 1; choices
 * keyed by position 1–5), reason text (câu 3, only when 1), the official (câu 4).
 */
@SpringBootTest
@AutoConfigureMockMvc
class DoubleEntryTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    FieldCases cases;
    @Autowired
    CurrentUsers users;

    @Test
    void doubleEntryWithOneDifferingFieldBlocksTheResponseUntilSettled() throws Exception {
        Paper paper = printed("PDA");
        key(paper, clerk(paper, "a"), Map.of("satisfaction", "1", "reasons", "1 4", "reason_text", "Chờ lâu"))
                .andExpect(flash().attribute("outcome", "FIRST_PASS"));
        key(paper, clerk(paper, "b"), Map.of("satisfaction", "1", "reasons", "1 2", "reason_text", "Chờ lâu"))
                .andExpect(flash().attribute("outcome", "DIFFERENCES")).andExpect(flash().attribute("differing", 1));

        assertThat(responses(paper)).isZero();
        assertThat(jdbc.sql("SELECT disposition FROM case_disposition WHERE sample_member_id = :m").param("m", paper.caseId())
                .query(String.class).optional()).isEmpty();
        String waiting = page(get("/paper/differences"), paper.field().admin());
        assertThat(waiting).contains(paper.printed());
        String sideBySide = page(get("/paper/differences/" + paper.number()), paper.field().admin());
        assertThat(sideBySide).contains("1 · Thái độ của công chức; 4 · Phí, lệ phí hoặc chi phí ngoài quy định")
                .contains("1 · Thái độ của công chức; 2 · Thời gian chờ đợi, giải quyết");
        assertThat(Pattern.compile("<tr[^>]*class=\"differs\"").matcher(sideBySide).results().count()).isEqualTo(1);

        // no pick, no note: nothing stored, both named
        mvc.perform(post("/paper/differences/" + paper.number()).with(SignedIn.as(paper.field().admin())).with(csrf()))
                .andExpect(status().isUnprocessableEntity());
        assertThat(responses(paper)).isZero();

        mvc.perform(post("/paper/differences/" + paper.number()).with(SignedIn.as(paper.field().admin())).with(csrf())
                        .param("pick.reasons", "1").param("note", "Đã xem phiếu giấy: lần 2 gõ nhầm câu 2"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/paper/differences"));

        Map<String, String> stored = storedAnswers(paper);
        assertThat(stored).containsEntry("satisfaction", "1").containsEntry("reasons", "thai_do phi")
                .containsEntry("reason_text", "Chờ lâu");
        assertThat(responses(paper)).isOne();
        assertThat(jdbc.sql("SELECT collected_by || ' ' || channel || ' ' || sample_member_id FROM response WHERE paper_number = :n")
                .param("n", paper.number()).query(String.class).single())
                .isEqualTo(clerk(paper, "a").name() + " PAPER " + paper.caseId());
        assertThat(jdbc.sql("SELECT disposition FROM case_disposition WHERE sample_member_id = :m").param("m", paper.caseId())
                .query(String.class).single()).isEqualTo("COMPLETE");
        Map<String, Object> audit = jdbc.sql("""
                        SELECT actor, before::text AS before, after::text AS after, detail FROM audit_log
                        WHERE action = 'paper.settle' AND entity_id = :n""")
                .param("n", paper.number()).query().singleRow();
        assertThat(audit.get("actor")).isEqualTo(paper.field().admin().name());
        assertThat((String) audit.get("before")).contains("thai_do phi").contains("thai_do thoi_gian");
        assertThat((String) audit.get("after")).isEqualTo("{\"reasons\": \"thai_do phi\"}");
        assertThat(audit.get("detail")).isEqualTo("Đã xem phiếu giấy: lần 2 gõ nhầm câu 2");
        assertThat(page(get("/paper/differences"), paper.field().admin())).doesNotContain(paper.printed());

        // settled once: a second settlement and a third keying are refused
        mvc.perform(post("/paper/differences/" + paper.number()).with(SignedIn.as(paper.field().admin())).with(csrf())
                        .param("pick.reasons", "2").param("note", "lại"))
                .andExpect(redirectedUrl("/paper/differences")).andExpect(flash().attribute("problem", "paper.settle.already"));
        key(paper, clerk(paper, "c"), Map.of("satisfaction", "2")).andExpect(status().isConflict());
        assertThat(storedAnswers(paper)).containsEntry("reasons", "thai_do phi");
    }

    @Test
    void identicalPassesStoreTheResponseAtOnce() throws Exception {
        Paper paper = printed("PDB");
        Map<String, String> answers = Map.of("satisfaction", "3");
        key(paper, clerk(paper, "a"), answers).andExpect(flash().attribute("outcome", "FIRST_PASS"));
        assertThat(responses(paper)).isZero();
        key(paper, clerk(paper, "b"), answers).andExpect(flash().attribute("outcome", "STORED"));

        assertThat(storedAnswers(paper)).isEqualTo(Map.of("satisfaction", "3"));
        assertThat(jdbc.sql("SELECT count(*) FROM paper_entry WHERE number = :n").param("n", paper.number())
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT started_at < finished_at FROM response WHERE paper_number = :n").param("n", paper.number())
                .query(Boolean.class).single()).isTrue();
        // a number already stored is not keyed again, by anybody
        String again = page(get("/paper/entry/" + paper.number()), clerk(paper, "c"), 422);
        assertThat(again).contains("Phiếu này đã được lưu, không nhập lại.");

        String progress = page(get("/campaigns/" + paper.field().campaignId() + "/paper/progress"), paper.field().admin());
        assertThat(figure(progress, "keyedTwice")).isEqualTo(1);
        assertThat(figure(progress, "stored")).isEqualTo(1);
        assertThat(figure(progress, "withDifferences")).isZero();
        assertThat(progress).contains(clerk(paper, "a").name()).contains("100,0 %");

        // the manager of the campaign's other commune sees that commune's papers only: none keyed, no clerk
        long paperUnit = jdbc.sql("SELECT unit_id FROM paper_form WHERE number = :n").param("n", paper.number())
                .query(Long.class).single();
        long otherCommune = paperUnit == paper.field().commune1() ? paper.field().commune2() : paper.field().commune1();
        CurrentUser otherManager = new CurrentUser("quanly-" + paper.field().campaignId(), Set.of(Role.UNIT_MANAGER), otherCommune);
        String theirs = page(get("/campaigns/" + paper.field().campaignId() + "/paper/progress"), otherManager);
        assertThat(figure(theirs, "keyedTwice")).isZero();
        assertThat(figure(theirs, "stored")).isZero();
        assertThat(theirs).doesNotContain(clerk(paper, "a").name());
    }

    @Test
    void theSameClerkCannotKeyTheSecondPass() throws Exception {
        Paper paper = printed("PDC");
        CurrentUser first = clerk(paper, "a");
        key(paper, first, Map.of("satisfaction", "2")).andExpect(flash().attribute("outcome", "FIRST_PASS"));

        String opened = page(get("/paper/entry/" + paper.number()), first, 422);
        assertThat(opened).contains("lần 2 phải do một người nhập liệu khác nhập");
        key(paper, first, Map.of("satisfaction", "2")).andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT count(*) FROM paper_entry WHERE number = :n").param("n", paper.number())
                .query(Long.class).single()).isOne();
        assertThat(responses(paper)).isZero();
        // the second clerk opens a blank form: nothing of the first pass is shown
        String blind = page(get("/paper/entry/" + paper.number()), clerk(paper, "b"));
        assertThat(blind).contains("Lần nhập 2/2");
        assertThat(blind).contains("name=\"a.satisfaction\" value=\"\"").contains("name=\"a.reasons\" value=\"\"");
    }

    @Test
    void aWrongCheckDigitIsRefusedNamingTheField() throws Exception {
        Paper paper = printed("PDD");
        String number = paper.number();
        int check = number.charAt(number.length() - 1) - '0';
        String wrong = number.substring(0, number.length() - 1) + (check + 1) % 10;

        String page = page(get("/paper/entry").param("number", wrong), clerk(paper, "a"), 422);
        assertThat(page).contains("Số phiếu: chữ số kiểm tra (số cuối) không khớp");
        assertThat(page).containsPattern("id=\"number\"[^>]*aria-invalid=\"true\"");
        assertThat(page(get("/paper/entry").param("number", wrong).param("lang", "en"), clerk(paper, "a"), 422))
                .contains("Paper number: the check digit (the last one) does not match");
        // the printed form of the right number, spaces and all, opens the paper
        mvc.perform(get("/paper/entry").param("number", paper.printed()).with(SignedIn.as(clerk(paper, "a"))))
                .andExpect(redirectedUrl("/paper/entry/" + number));
    }

    @Test
    void skipLogicDropsANonRelevantKeyedAnswer() throws Exception {
        Paper paper = printed("PDE");
        // reasons are asked only of the not satisfied: keyed anyway for a satisfied respondent, by both clerks
        Map<String, String> answers = Map.of("satisfaction", "2", "reasons", "3", "reason_text", "không liên quan");
        key(paper, clerk(paper, "a"), answers).andExpect(flash().attribute("outcome", "FIRST_PASS"));
        key(paper, clerk(paper, "b"), answers).andExpect(flash().attribute("outcome", "STORED"));
        assertThat(storedAnswers(paper)).isEqualTo(Map.of("satisfaction", "2"));

        // the live check the form asks as the clerk keys says the same
        Paper another = printed("PDF");
        String asked = mvc.perform(post("/paper/entry/" + another.number() + "/asked").with(SignedIn.as(clerk(another, "a")))
                        .with(csrf()).param("a.satisfaction", "2"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(asked).contains("satisfaction").doesNotContain("reasons");
        // and a code the paper does not offer is named next to its field
        String refused = mvc.perform(post("/paper/entry/" + another.number()).with(SignedIn.as(clerk(another, "a"))).with(csrf())
                        .param("a.satisfaction", "7").param("openedAt", Long.toString(Instant.now().toEpochMilli())))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("id=\"e-satisfaction\"").contains("Vui lòng chọn trong các phương án đã cho.");
        assertThat(jdbc.sql("SELECT count(*) FROM paper_entry WHERE number = :n").param("n", another.number())
                .query(Long.class).single()).isZero();
    }

    @Test
    void thePrintPageCarriesOneQrCodePerPaperAndItsNumber() throws Exception {
        Paper paper = printed("PDG");
        List<String> numbers = jdbc.sql("SELECT number FROM paper_form WHERE campaign_id = :c ORDER BY serial")
                .param("c", paper.field().campaignId()).query(String.class).list();
        assertThat(numbers).hasSize(4);
        String print = page(get("/campaigns/" + paper.field().campaignId() + "/paper").param("show", "cases"), paper.field().admin());

        assertThat(Pattern.compile("<svg [^>]*class=\"qr\"").matcher(print).results().count()).isEqualTo(4);
        assertThat(Pattern.compile("<article class=\"sheet\"").matcher(print).results().count()).isEqualTo(4);
        for (String number : numbers) {
            PaperNumber parsed = PaperNumber.parse(number);
            assertThat(print).contains("class=\"no\">" + parsed.printed() + "<");
            assertThat(print).contains("Mã QR mở màn hình nhập phiếu " + parsed.printed());
        }
        assertThat(print).contains("Nếu trả lời 2 hoặc 3, chuyển đến câu 4.").contains("Chỉ trả lời nếu câu 1 là 1.")
                .contains("<b>4</b> <span>Phí, lệ phí hoặc chi phí ngoài quy định</span>");

        // printing again keeps the numbers; blank copies for a unit get the next serials
        mvc.perform(post("/campaigns/" + paper.field().campaignId() + "/paper/blank").with(SignedIn.as(paper.field().admin()))
                        .with(csrf()).param("unit", Long.toString(paper.field().commune1())).param("copies", "3"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/campaigns/" + paper.field().campaignId() + "/paper?from=5&to=7"));
        String blank = page(get("/campaigns/" + paper.field().campaignId() + "/paper").param("from", "5").param("to", "7"),
                paper.field().admin());
        assertThat(Pattern.compile("<svg [^>]*class=\"qr\"").matcher(blank).results().count()).isEqualTo(3);
        // each code says the address of the entry screen for its paper
        PaperNumber fifth = new PaperNumber(paper.field().campaignId(), 5);
        assertThat(blank).contains(QrSvg.of("http://localhost/paper/entry/" + fifth.text(), fifth.printed()));
    }

    @Test
    void aPaperOfACaseReplacedFromTheReserveIsNotKeyed() throws Exception {
        Paper paper = printed("PDH");
        users.runAs(paper.field().admin(), () -> cases.replace(paper.caseId(), "Chuyển nơi ở"));

        String refused = page(get("/paper/entry/" + paper.number()), clerk(paper, "a"), 422);
        assertThat(refused).contains("đã được thay bằng một hồ sơ dự phòng");
        key(paper, clerk(paper, "a"), Map.of("satisfaction", "3")).andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT count(*) FROM paper_entry WHERE number = :n").param("n", paper.number())
                .query(Long.class).single()).isZero();
    }

    // ---- helpers

    /** A campaign of four PAPER cases in the field, its papers printed by its administrator; the first paper. */
    private Paper printed(String prefix) throws Exception {
        InField field = fixtures.inField(prefix, "mot-cua-2018", 4, Map.of("PAPER", 1));
        mvc.perform(post("/campaigns/" + field.campaignId() + "/paper/cases").with(SignedIn.as(field.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/campaigns/" + field.campaignId() + "/paper?show=cases"));
        Map<String, Object> first = jdbc.sql("SELECT number, sample_member_id FROM paper_form WHERE campaign_id = :c ORDER BY serial LIMIT 1")
                .param("c", field.campaignId()).query().singleRow();
        String number = (String) first.get("number");
        return new Paper(field, number, PaperNumber.parse(number).printed(), ((Number) first.get("sample_member_id")).longValue());
    }

    private record Paper(InField field, String number, String printed, long caseId) {
    }

    private static CurrentUser clerk(Paper paper, String who) {
        return new CurrentUser("nhaplieu-" + who + "-" + paper.field().campaignId(), Set.of(Role.DATA_ENTRY), paper.field().province());
    }

    private ResultActions key(Paper paper, CurrentUser clerk, Map<String, String> answers) throws Exception {
        MockHttpServletRequestBuilder request = post("/paper/entry/" + paper.number()).with(SignedIn.as(clerk)).with(csrf())
                .param("openedAt", Long.toString(Instant.now().minusSeconds(40).toEpochMilli()));
        answers.forEach((question, value) -> request.param("a." + question, value));
        return mvc.perform(request);
    }

    private String page(MockHttpServletRequestBuilder request, CurrentUser who) throws Exception {
        return page(request, who, 200);
    }

    private String page(MockHttpServletRequestBuilder request, CurrentUser who, int status) throws Exception {
        return mvc.perform(request.with(SignedIn.as(who))).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long responses(Paper paper) {
        return jdbc.sql("SELECT count(*) FROM response WHERE paper_number = :n").param("n", paper.number()).query(Long.class).single();
    }

    private Map<String, String> storedAnswers(Paper paper) {
        return json.readValue(jdbc.sql("SELECT answers::text FROM response WHERE paper_number = :n").param("n", paper.number())
                .query(String.class).single(), new TypeReference<Map<String, String>>() {
        });
    }

    private static long figure(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(page);
        assertThat(m.find()).as(id).isTrue();
        return Long.parseLong(m.group(1));
    }
}
