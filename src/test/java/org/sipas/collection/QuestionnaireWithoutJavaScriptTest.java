package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipas.collection.SipasAnswers.CODE;
import static org.sipas.collection.SipasAnswers.STEPS;
import static org.sipas.collection.SipasAnswers.answers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** The questionnaire walked as a browser without JavaScript walks it: one form post per step. */
@SpringBootTest
@AutoConfigureMockMvc
class QuestionnaireWithoutJavaScriptTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    SurveyTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @Test
    void walkingTheSipasQuestionnaireStepByStepStoresExactlyTheAnswersGiven() throws Exception {
        String token = tokens.issue(CODE, 1, null, null);
        Respondent respondent = new Respondent(mvc, "/s/" + token).open();
        assertThat(respondent.page()).contains("Phần 1/7", "Thông tin về người trả lời", "lang=\"vi\"");

        respondent.next(STEPS.get(0)).next(STEPS.get(1));
        assertThat(respondent.page()).contains("Phần 3/7").doesNotContain("class=\"q\" id=\"q-c09_late_days\"");
        assertThat(respondent.shown()).doesNotContain("c09_late_days", "e2_expect");

        // rating the handling time 2 asks how late, on the same page, before moving on
        respondent.next(SipasAnswers.withoutFollowUps(2));
        assertThat(respondent.status()).isEqualTo(200);
        assertThat(respondent.page()).contains("Phần 3/7", "Hồ sơ của Ông/Bà bị trễ hẹn bao nhiêu ngày?", "role=\"status\"");
        assertThat(respondent.shown()).contains("c09_late_days", "e2_expect");

        respondent.next(STEPS.get(2));
        walkFrom(3, respondent);
        assertThat(respondent.page()).contains("Xem lại và gửi phiếu", "Rất hài lòng", "Rút ngắn thời hạn giải quyết; Giảm phí, lệ phí",
                "05/03/2025");

        respondent.submit();
        assertThat(respondent.page()).contains("Cảm ơn Ông/Bà!");
        assertThat(stored(token)).isEqualTo(SipasAnswers.stored());
        assertThat(jdbc.sql("SELECT count(*) FROM response_draft WHERE token = :t").param("t", token)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anAnswerToAQuestionThatIsNotRelevantIsDropped() throws Exception {
        String token = tokens.issue(CODE, 1, null, null);
        Respondent respondent = new Respondent(mvc, "/s/" + token).open().next(STEPS.get(0));
        // all access criteria satisfied: the expectations question is not asked, a forged answer to it is dropped
        Map<String, List<String>> e1 = new LinkedHashMap<>(STEPS.get(1));
        e1.put("e1_expect", List.of("cntt"));
        respondent.next(e1).next(STEPS.get(2));
        // back to the procedure, now satisfied with the handling time: days late and expectations go
        Map<String, List<String>> e2 = new LinkedHashMap<>(STEPS.get(2));
        e2.put("c09", List.of("5"));
        respondent.open(2).next(e2);
        assertThat(respondent.page()).contains("Phần 4/7");
        walkFrom(3, respondent).submit();

        Map<String, String> expected = new LinkedHashMap<>(SipasAnswers.stored());
        expected.put("c09", "5");
        expected.keySet().removeAll(Set.of("c09_late_days", "e2_expect"));
        assertThat(stored(token)).isEqualTo(expected).doesNotContainKey("e1_expect");
    }

    @Test
    void aRequiredQuestionLeftEmptyShowsTheStepAgainWithItsError() throws Exception {
        Respondent respondent = new Respondent(mvc, "/s/" + tokens.issue(CODE, 1, null, null)).open();
        Map<String, List<String>> step = new LinkedHashMap<>(STEPS.get(0));
        step.remove("applicant_kind");

        respondent.next(step);

        assertThat(respondent.status()).isEqualTo(422);
        assertThat(respondent.page())
                .contains("Phần 1/7", "class=\"errors\" role=\"alert\"", "href=\"#a-applicant_kind-ca_nhan\"",
                        "id=\"e-applicant_kind\"", "Vui lòng trả lời câu hỏi này.")
                .containsPattern("name=\"a.applicant_kind\" value=\"ca_nhan\" id=\"a-applicant_kind-ca_nhan\" aria-invalid=\"true\"")
                .containsPattern("<fieldset aria-describedby=\"e-applicant_kind\"")
                // what was given stays filled in
                .contains("value=\"42\"");
    }

    @Test
    void answersBreakingAConstraintOrTheirTypeAreRejected() throws Exception {
        Respondent respondent = new Respondent(mvc, "/s/" + tokens.issue(CODE, 1, null, null)).open();
        Map<String, List<String>> step = new LinkedHashMap<>(STEPS.get(0));
        step.put("age", List.of("12"));
        step.put("result_date", List.of("31/02/2025"));
        step.put("gender", List.of("unknown-code"));

        respondent.next(step);

        assertThat(respondent.status()).isEqualTo(422);
        assertThat(respondent.page()).contains("Tuổi phải từ 15 đến 100", "Vui lòng nhập ngày theo dạng ngày/tháng/năm",
                "Vui lòng chọn trong các phương án đã cho.", "Vui lòng kiểm tra lại 3 câu trả lời");

        step.put("age", List.of("bốn mươi"));
        respondent.next(step);
        assertThat(respondent.page()).contains("Vui lòng nhập một số nguyên");
    }

    @Test
    void secondSubmitOfSameTokenIsRejected() throws Exception {
        String token = tokens.issue(CODE, 1, null, null);
        Respondent respondent = walkFrom(0, new Respondent(mvc, "/s/" + token).open()).submit();
        assertThat(respondent.page()).contains("Cảm ơn Ông/Bà!");

        respondent.submit();
        assertThat(respondent.status()).isEqualTo(409);
        assertThat(respondent.page()).contains("Phiếu này đã được trả lời");
        respondent.open();
        assertThat(respondent.page()).contains("Phiếu này đã được trả lời").doesNotContain("name=\"step\"");
        assertThat(jdbc.sql("SELECT count(*) FROM response WHERE token = :t").param("t", token).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void anUnknownTokenGetsAPolitePageAndAnExpiredOneIsGone() throws Exception {
        Respondent unknown = new Respondent(mvc, "/s/no-such-token-AAAAAAAAAAAA").open();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.page()).contains("Không tìm thấy phiếu khảo sát", "mã QR");

        String token = tokens.issue(CODE, 1, null, null);
        jdbc.sql("UPDATE survey_token SET expires_at = now() - interval '1 day' WHERE token = :t").param("t", token).update();
        Respondent late = new Respondent(mvc, "/s/" + token).open();
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.page()).contains("Phiếu khảo sát đã hết hạn");
    }

    @Test
    void skipLogicIsCheckedAgainOnSubmit() throws Exception {
        String token = tokens.issue(CODE, 1, null, null);
        Respondent respondent = walkFrom(0, new Respondent(mvc, "/s/" + token).open());
        // a draft tampered with after the steps were accepted: a required criterion lost
        jdbc.sql("UPDATE response_draft SET answers = answers - 'c17' WHERE token = :t").param("t", token).update();

        respondent.submit();

        assertThat(respondent.status()).isEqualTo(422);
        assertThat(respondent.page()).contains("Phần 5/7", "id=\"e-c17\"");
        assertThat(jdbc.sql("SELECT count(*) FROM response WHERE token = :t").param("t", token).query(Long.class).single())
                .isZero();
    }

    @Test
    void relevanceIsRedrawnForTheAnswersOnThePage() throws Exception {
        Respondent respondent = new Respondent(mvc, "/s/" + tokens.issue(CODE, 1, null, null)).open()
                .next(STEPS.get(0)).next(STEPS.get(1));
        String page = respondent.page();
        assertThat(page).contains("hx-post=\"/s/").contains("hx-select-oob=\"#q-c09_late_days,#q-e2_expect\"");

        respondent.relevance(answers("c09", "2"));
        assertThat(respondent.page()).contains("id=\"q-c09_late_days\" class=\"q\"").doesNotContain("<html");
        respondent.open(2).relevance(answers("c09", "5"));
        assertThat(respondent.page()).contains("<div id=\"q-c09_late_days\" hidden></div>");
    }

    @Test
    void theOfficialIsPickedAmongTheOfficialsOfTheTokensUnit() throws Exception {
        long unit = CollectionCatalog.unitWithOfficials(jdbc, "COL-OFF", "COL-OFF-1", "COL-OFF-2");
        String token = tokens.issue(CODE, 1, null, unit);
        Respondent respondent = new Respondent(mvc, "/s/" + token).open();
        assertThat(respondent.page()).contains("Cơ quan, đơn vị: Phường COL-OFF");
        walk(0, 3, respondent);
        // the respondent recognises the person by name; the answer stores the staff code
        assertThat(respondent.page()).contains("<option value=\"COL-OFF-1\">Công chức COL-OFF-1</option>",
                "<option value=\"COL-OFF-2\">Công chức COL-OFF-2</option>");

        Map<String, List<String>> e3 = new LinkedHashMap<>(STEPS.get(3));
        e3.put("official", List.of("someone-else"));
        respondent.next(e3);
        assertThat(respondent.status()).isEqualTo(422);
        e3.put("official", List.of("COL-OFF-2"));
        respondent.next(e3);
        assertThat(respondent.page()).contains("Phần 5/7");
        walkFrom(4, respondent).submit();

        assertThat(stored(token)).containsEntry("official", "COL-OFF-2");
        assertThat(jdbc.sql("SELECT unit_id FROM response WHERE token = :t").param("t", token).query(Long.class).single())
                .isEqualTo(unit);
    }

    @Test
    void thePageSpeaksEnglishAfterTheSwitch() throws Exception {
        String token = tokens.issue(CODE, 1, null, null);
        Respondent respondent = new Respondent(mvc, "/s/" + token + "?lang=en").open();
        assertThat(respondent.page()).contains("lang=\"en\"", "Part 1 of 7", "About the respondent", "Next");
    }

    @Test
    void staffPreviewChecksEverythingAndStoresNothing() throws Exception {
        CurrentUser analyst = new CurrentUser("collection-analyst", Set.of(Role.ANALYST), 1L);
        long responses = jdbc.sql("SELECT count(*) FROM response").query(Long.class).single();
        Respondent preview = new Respondent(mvc, "/methodologies/" + CODE + "/1/preview", SignedIn.as(analyst)).open();
        assertThat(preview.page()).contains("Bản xem trước dành cho cán bộ", "Phần 1/7");

        preview.next(Map.of());
        assertThat(preview.status()).isEqualTo(422);
        walkFrom(0, preview).submit();

        assertThat(preview.page()).contains("Cảm ơn Ông/Bà!", "không có câu trả lời nào được lưu");
        assertThat(jdbc.sql("SELECT count(*) FROM response").query(Long.class).single()).isEqualTo(responses);
        assertThat(new Respondent(mvc, "/methodologies/" + CODE + "/1/preview").open().page())
                .as("a preview asks for a login").contains("name=\"password\"");
    }

    /** Answers every step from {@code first} on, follow-ups as the page asks for them; ends on the summary. */
    private static Respondent walkFrom(int first, Respondent respondent) throws Exception {
        walk(first, STEPS.size(), respondent);
        assertThat(respondent.page()).contains("Xem lại và gửi phiếu");
        return respondent;
    }

    /** Answers the steps from {@code first} to before {@code end}, and the follow-ups each step brings. */
    private static void walk(int first, int end, Respondent respondent) throws Exception {
        for (int step = first; step < end; step++) {
            respondent.next(STEPS.get(step));
            if (respondent.page().contains("role=\"status\"")) {
                respondent.next(STEPS.get(step));
            }
            assertThat(respondent.status()).as(respondent.page()).isEqualTo(200);
        }
    }

    private Map<String, String> stored(String token) {
        return StoredAnswers.of(jdbc, json, token);
    }
}
