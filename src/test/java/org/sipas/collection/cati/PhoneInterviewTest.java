package org.sipas.collection.cati;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.sipas.collection.CaseDispositions;
import org.sipas.collection.Disposition;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.identity.StaffAccounts;
import org.sipas.web.Formats;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** An interviewer works phone cases through the pages: calls, callbacks, interviews, replacements. */
@SpringBootTest
@AutoConfigureMockMvc
class PhoneInterviewTest {

    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    FieldCases fieldCases;
    @Autowired
    CaseDispositions dispositions;
    @Autowired
    CallQueue queue;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCaseWalksThroughNoAnswerThenCallbackThenCompleted() throws Exception {
        InField field = fixtures.inField("CATW", "mot-cua-2018", 10, Map.of("PHONE", 1));
        CurrentUser interviewer = interviewer(field, "dtv-catw", 3);
        long caseId = field.cases().get(0).id();

        // first call: nobody answers
        mvc.perform(get("/cati").with(SignedIn.as(interviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/cati/cases/" + caseId)))
                .andExpect(content().string(not(containsString("Người dân"))));
        String page = mvc.perform(get("/cati/cases/" + caseId).with(SignedIn.as(interviewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"tel:0912")))
                .andExpect(content().string(containsString("Người dân")))
                .andExpect(content().string(containsString("Thủ tục thử")))
                .andReturn().getResponse().getContentAsString();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'cati.contact.view' AND entity_id = :id")
                .param("id", Long.toString(caseId)).query(Long.class).single()).isEqualTo(1);
        call(interviewer, caseId, key(page), "NO_ANSWER");
        assertThat(dispositions.of(caseId)).contains(Disposition.NO_ANSWER);

        // second call: the applicant asks to be called back tomorrow at nine
        LocalDate tomorrow = LocalDate.now(Formats.ZONE).plusDays(1);
        String second = open(interviewer, caseId);
        mvc.perform(post("/cati/cases/" + caseId + "/calls").with(SignedIn.as(interviewer)).with(csrf())
                        .param("key", key(second)).param("outcome", "CALLBACK")
                        .param("callbackDate", tomorrow.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                        .param("callbackTime", "09:00").param("note", "Đang bận họp"))
                .andExpect(redirectedUrl("/cati"));
        assertThat(dispositions.of(caseId)).contains(Disposition.CALLBACK);
        Instant nine = tomorrow.atTime(LocalTime.of(9, 0)).atZone(Formats.ZONE).toInstant();

        // the callback waits until its time, then comes first, before the cases never called
        assertThat(queue.of("dtv-catw", nine.minus(1, ChronoUnit.HOURS)).later()).extracting(QueueEntry::id).contains(caseId);
        CallQueue.Queue due = queue.of("dtv-catw", nine.plus(1, ChronoUnit.MINUTES));
        assertThat(due.now()).hasSize(3);
        assertThat(due.next().id()).isEqualTo(caseId);
        assertThat(due.next().standing()).isEqualTo(QueueEntry.Standing.CALLBACK_DUE);
        assertThat(due.now().get(1).standing()).isEqualTo(QueueEntry.Standing.NEW);

        // third call: the interview; without JavaScript the follow-up of a low rating appears on refresh
        String third = open(interviewer, caseId);
        String thirdKey = key(third);
        mvc.perform(post("/cati/cases/" + caseId + "/calls").with(SignedIn.as(interviewer)).with(csrf())
                        .param("key", thirdKey).param("go", "refresh").param("a.satisfaction", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"a.reasons\"")));
        MockHttpServletRequestBuilder complete = post("/cati/cases/" + caseId + "/calls").with(SignedIn.as(interviewer))
                .with(csrf()).param("key", thirdKey).param("openedAt", Long.toString(Instant.now().minusSeconds(300).toEpochMilli()))
                .param("outcome", "COMPLETE").param("a.satisfaction", "1").param("a.reasons", "thai_do", "thoi_gian");
        mvc.perform(complete).andExpect(redirectedUrl("/cati"));
        // the same form posted again (a double click, a retry) stores nothing more
        mvc.perform(complete).andExpect(redirectedUrl("/cati"));

        assertThat(dispositions.of(caseId)).contains(Disposition.COMPLETE);
        assertThat(dispositions.attempts(caseId)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT outcome FROM call_attempt WHERE sample_member_id = :c ORDER BY id").param("c", caseId)
                .query(String.class).list()).containsExactly("NO_ANSWER", "CALLBACK", "COMPLETE");
        Map<String, Object> response = jdbc.sql("""
                        SELECT channel, collected_by, campaign_id, sampled, answers::text AS answers, dossier_id,
                               finished_at - started_at >= interval '4 minutes' AS timed
                        FROM response WHERE sample_member_id = :c""")
                .param("c", caseId).query().singleRow();
        assertThat(response).containsEntry("channel", "CATI").containsEntry("collected_by", "dtv-catw")
                .containsEntry("campaign_id", field.campaignId()).containsEntry("sampled", true)
                .containsEntry("dossier_id", field.cases().get(0).dossierId()).containsEntry("timed", true);
        assertThat((String) response.get("answers")).contains("\"satisfaction\": \"1\"").contains("thai_do thoi_gian");
        assertThat(queue.of("dtv-catw", Instant.now()).done()).extracting(QueueEntry::id).containsExactly(caseId);
    }

    @Test
    void aLowRatingBringsItsFollowUpQuestionsThroughHtmx() throws Exception {
        InField field = fixtures.inField("CATH", "mot-cua-2018", 10, Map.of("PHONE", 1));
        CurrentUser interviewer = interviewer(field, "dtv-cath", 1);
        long caseId = field.cases().get(0).id();
        String page = open(interviewer, caseId);
        assertThat(page).contains("hx-post=\"/cati/cases/" + caseId + "/relevance\"").contains("<div id=\"q-reasons\" hidden>");
        mvc.perform(post("/cati/cases/" + caseId + "/relevance").with(SignedIn.as(interviewer)).with(csrf())
                        .param("a.satisfaction", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"a.reasons\"")))
                .andExpect(content().string(containsString("name=\"a.reason_text\"")));
        mvc.perform(post("/cati/cases/" + caseId + "/relevance").with(SignedIn.as(interviewer)).with(csrf())
                        .param("a.satisfaction", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("name=\"a.reasons\""))));
    }

    @Test
    void anInterviewerCannotOpenACaseNotAssignedToThem() throws Exception {
        InField field = fixtures.inField("CATF", "mot-cua-2018", 10, Map.of("PHONE", 1));
        CurrentUser interviewer = interviewer(field, "dtv-catf", 2);
        long someoneElses = field.cases().get(5).id();
        mvc.perform(get("/cati/cases/" + someoneElses).with(SignedIn.as(interviewer))).andExpect(status().isForbidden());
        mvc.perform(post("/cati/cases/" + someoneElses + "/calls").with(SignedIn.as(interviewer)).with(csrf())
                .param("key", "cati-forbidden-1").param("outcome", "NO_ANSWER")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM call_attempt WHERE sample_member_id = :c").param("c", someoneElses)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'cati.contact.view' AND entity_id = :id")
                .param("id", Long.toString(someoneElses)).query(Long.class).single()).isZero();
    }

    @Test
    void aCallbackMustBeInTheFutureAndAnOutcomeChosen() throws Exception {
        InField field = fixtures.inField("CATV", "mot-cua-2018", 10, Map.of("PHONE", 1));
        CurrentUser interviewer = interviewer(field, "dtv-catv", 1);
        long caseId = field.cases().get(0).id();
        String key = key(open(interviewer, caseId));
        mvc.perform(post("/cati/cases/" + caseId + "/calls").with(SignedIn.as(interviewer)).with(csrf())
                        .param("key", key).param("outcome", "CALLBACK").param("callbackDate", "01/01/2020").param("callbackTime", "09:00"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Thời gian hẹn gọi lại phải ở tương lai.")));
        mvc.perform(post("/cati/cases/" + caseId + "/calls").with(SignedIn.as(interviewer)).with(csrf()).param("key", key))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Chọn kết quả của cuộc gọi.")));
        // an interview without the required rating is not stored
        mvc.perform(post("/cati/cases/" + caseId + "/calls").with(SignedIn.as(interviewer)).with(csrf())
                        .param("key", key).param("outcome", "COMPLETE"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Vui lòng trả lời câu hỏi này.")));
        assertThat(dispositions.of(caseId)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM response WHERE sample_member_id = :c").param("c", caseId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRefusalIsReplacedByAReserveThatJoinsTheSameQueue() throws Exception {
        InField field = fixtures.inField("CATR", "mot-cua-2018", 10, Map.of("PHONE", 1));
        CurrentUser interviewer = interviewer(field, "dtv-catr", 2);
        long refused = field.cases().get(0).id();
        long unanswered = field.cases().get(1).id();
        call(interviewer, refused, key(open(interviewer, refused)), "REFUSED");
        call(interviewer, unanswered, key(open(interviewer, unanswered)), "NO_ANSWER");

        // one unanswered call is not enough to give up on a person
        mvc.perform(post("/cati/cases/" + unanswered + "/replace").with(SignedIn.as(interviewer)).with(csrf()))
                .andExpect(redirectedUrl("/cati?tab=done"));
        assertThat(fieldCases.find(unanswered).orElseThrow().replacesId()).isNull();
        assertThat(fieldCases.assignedTo("dtv-catr")).extracting(FieldCase::id).contains(unanswered);

        mvc.perform(post("/cati/cases/" + refused + "/replace").with(SignedIn.as(interviewer)).with(csrf())
                        .param("note", "Không muốn tham gia"))
                .andExpect(redirectedUrl("/cati?tab=done"));
        List<FieldCase> held = fieldCases.assignedTo("dtv-catr");
        assertThat(held).extracting(FieldCase::id).doesNotContain(refused).contains(unanswered).hasSize(2);
        FieldCase reserve = held.stream().filter(c -> c.id() != unanswered).findFirst().orElseThrow();
        assertThat(reserve.replacesId()).isEqualTo(refused);
        assertThat(reserve.channel()).isEqualTo("PHONE");
        assertThat(queue.of("dtv-catr", Instant.now()).now()).extracting(QueueEntry::id).containsExactly(reserve.id());
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'campaign.replace' AND entity_id = :id")
                .param("id", Long.toString(refused)).query(String.class).list()).hasSize(1);
    }

    @Test
    void aCallPostedAfterTheCampaignClosedIsRefusedWithTheReasonAndNothingIsRecorded() throws Exception {
        InField field = fixtures.inField("CATX", "mot-cua-2018", 10, Map.of("PHONE", 1));
        CurrentUser interviewer = interviewer(field, "dtv-catx", 1);
        long caseId = field.cases().get(0).id();
        String page = open(interviewer, caseId);
        jdbc.sql("UPDATE campaign SET status = 'CLOSED', closed_at = now() WHERE id = :id").param("id", field.campaignId()).update();

        mvc.perform(post("/cati/cases/" + caseId + "/calls").with(SignedIn.as(interviewer)).with(csrf())
                        .param("key", key(page)).param("outcome", "NO_ANSWER"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("Đợt khảo sát của cuộc gọi này đã kết thúc")));
        assertThat(dispositions.of(caseId)).isEmpty();
        mvc.perform(get("/cati/cases/" + caseId).with(SignedIn.as(interviewer)).param("lang", "en"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("The campaign of this call has ended")));
    }

    /** An interviewer account in the fixture's province, holding the first {@code cases} cases. */
    private CurrentUser interviewer(InField field, String username, int cases) {
        users.runAs(field.admin(), () -> accounts.create(username, "Điều tra viên " + username, field.province(),
                Set.of(Role.INTERVIEWER), "mat-khau-dai-du"));
        List<Long> ids = field.cases().stream().limit(cases).map(FieldCase::id).toList();
        users.runAs(field.admin(), () -> fieldCases.assign(ids, username));
        return new CurrentUser(username, Set.of(Role.INTERVIEWER), field.province());
    }

    private String open(CurrentUser interviewer, long caseId) throws Exception {
        return mvc.perform(get("/cati/cases/" + caseId).with(SignedIn.as(interviewer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private void call(CurrentUser interviewer, long caseId, String key, String outcome) throws Exception {
        mvc.perform(post("/cati/cases/" + caseId + "/calls").with(SignedIn.as(interviewer)).with(csrf())
                        .param("key", key).param("outcome", outcome))
                .andExpect(redirectedUrl("/cati"));
    }

    static String key(String page) {
        Matcher m = KEY.matcher(page);
        assertThat(m.find()).as("the page has a form key").isTrue();
        return m.group(1);
    }
}
