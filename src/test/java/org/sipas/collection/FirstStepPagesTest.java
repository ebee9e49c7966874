package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first step of an unanswered link is given from the page the whole stack drew for another
 * link ({@link FirstSteps}), with the link's own token and a CSRF token of its own: the same bytes
 * and headers as the whole stack gives, a form that posts, and nothing kept where the page differs
 * (another methodology, unit or language), nor for a link answered, expired or half answered.
 *
 * <p>A context of its own (the property only tells it apart): spring-security-test's {@code csrf()},
 * which other tests of the shared context use (AccessMatrixTest), replaces the chain's CSRF token
 * store for good with one kept in a session, and a page whose answer sets a session cookie is rightly
 * never kept.
 */
@SpringBootTest(properties = "sipas.test.context=first-steps")
@AutoConfigureMockMvc
class FirstStepPagesTest {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** The questions of sipas-2017's first step, as its form says they were shown. */
    private static final String[] FIRST_STEP = {"applicant_kind", "gender", "age", "education", "occupation", "result_date"};
    private static final List<String> SAME_HEADERS = List.of("Content-Security-Policy", "X-Frame-Options", "Referrer-Policy",
            "X-Content-Type-Options", "Cache-Control", "Pragma", "Expires", "Content-Type", "Content-Language");

    @Autowired
    MockMvc mvc;
    @Autowired
    SurveyTokens tokens;
    @Autowired
    FirstSteps firstSteps;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    @BeforeEach
    void nothingKept() {
        firstSteps.forget();
    }

    @Test
    void aSecondLinksFirstStepIsTheKeptPageWithItsOwnTokensAndTheSameBytesAndHeadersAsTheWholeStacks() throws Exception {
        String first = issue();
        MockHttpServletResponse drawn = mvc.perform(get(link(first))).andReturn().getResponse();
        String second = issue();
        double hitsBefore = hits();
        MockHttpServletResponse given = mvc.perform(get(link(second))).andReturn().getResponse();
        assertThat(hits()).as("given from the kept page").isEqualTo(hitsBefore + 1);
        // the same link's first step asked by number goes the whole way (a query is never answered from the kept page)
        MockHttpServletResponse whole = mvc.perform(get(link(second) + "?step=0")).andReturn().getResponse();
        assertThat(hits()).isEqualTo(hitsBefore + 1);

        assertThat(drawn.getStatus()).isEqualTo(200);
        assertThat(given.getStatus()).isEqualTo(200);
        assertThat(withoutFormToken(given.getContentAsString())).isEqualTo(withoutFormToken(whole.getContentAsString()));
        assertThat(given.getContentAsString()).contains("action=\"/s/" + second + "\"").doesNotContain(first);
        assertThat(given.getContentLength()).isEqualTo(given.getContentAsByteArray().length);
        for (String header : SAME_HEADERS) {
            assertThat(given.getHeaders(header)).as(header).isNotEmpty().isEqualTo(whole.getHeaders(header));
        }
        assertThat(formToken(given)).as("masked afresh").isNotEqualTo(formToken(drawn)).isNotEqualTo(formToken(whole));
    }

    @Test
    void theKeptPagesFormPostsWithTheVisitorsOwnCookieAndIsRefusedWithoutItsToken() throws Exception {
        mvc.perform(get(link(issue())));
        String token = issue();
        double hitsBefore = hits();
        MockHttpServletResponse page = mvc.perform(get(link(token))).andReturn().getResponse();
        assertThat(hits()).isEqualTo(hitsBefore + 1);
        Cookie cookie = page.getCookie("XSRF-TOKEN");
        assertThat(cookie).as("a first visitor's own CSRF cookie").isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getValue()).matches("[A-Za-z0-9_-]{22}");

        int withoutToken = mvc.perform(post(link(token)).cookie(cookie).param("step", "0").param("go", "next"))
                .andReturn().getResponse().getStatus();
        MockHttpServletResponse posted = mvc.perform(post(link(token)).cookie(cookie).param("_csrf", formToken(page))
                .param("step", "0").param("go", "next").param("shown", FIRST_STEP).param("a.applicant_kind", "ca_nhan"))
                .andReturn().getResponse();

        assertThat(withoutToken).isEqualTo(403);
        assertThat(posted.getStatus()).isEqualTo(302);
        assertThat(posted.getRedirectedUrl()).isEqualTo(link(token) + "?step=1");
    }

    @Test
    void aReturningVisitorKeepsTheirCookieAndTheFormTakesItsToken() throws Exception {
        MockHttpServletResponse first = mvc.perform(get(link(issue()))).andReturn().getResponse();
        Cookie mine = first.getCookie("XSRF-TOKEN");
        String token = issue();
        double hitsBefore = hits();
        MockHttpServletResponse page = mvc.perform(get(link(token)).cookie(mine)).andReturn().getResponse();

        assertThat(hits()).isEqualTo(hitsBefore + 1);
        assertThat(page.getCookie("XSRF-TOKEN")).as("no new cookie for a visitor who has one").isNull();
        assertThat(mvc.perform(post(link(token)).cookie(mine).param("_csrf", formToken(page)).param("step", "0")
                .param("go", "next")).andReturn().getResponse().getStatus()).isNotEqualTo(403).isLessThan(500);
    }

    @Test
    void aFirstVisitorsCookieFromTheKeptPageIsTheCookieTheWholeStackSets() throws Exception {
        Cookie chains = mvc.perform(get(link(issue()))).andReturn().getResponse().getCookie("XSRF-TOKEN");
        MockHttpServletResponse page = mvc.perform(get(link(issue()))).andReturn().getResponse();
        Cookie kept = page.getCookie("XSRF-TOKEN");

        assertThat(page.getHeaders("Set-Cookie")).hasSize(1);
        assertThat(kept.getValue()).isNotEqualTo(chains.getValue()).hasSameSizeAs(chains.getValue());
        assertThat(List.of(kept.getPath(), kept.getMaxAge(), kept.getSecure(), kept.isHttpOnly(), kept.getAttribute("SameSite")))
                .isEqualTo(List.of(chains.getPath(), chains.getMaxAge(), chains.getSecure(), chains.isHttpOnly(),
                        chains.getAttribute("SameSite")));
        assertThat(formToken(page)).as("masked as the chain masks").hasSameSizeAs(formToken(mvc.perform(get(link(issue()) + "?step=0"))
                .andReturn().getResponse()));
    }

    @Test
    void aKeptPageIsTimedAsAFirstStepAndNotAsARequestTheWholeStackAnswered() throws Exception {
        mvc.perform(get(link(issue())));
        double hitsBefore = hits();
        double observedBefore = requestsObserved();
        long missesBefore = meters.get("sipas.survey.first.step").tag("result", "miss").timer().count();

        assertThat(mvc.perform(get(link(issue()))).andReturn().getResponse().getStatus()).isEqualTo(200);
        double observedAfterHit = requestsObserved();
        mvc.perform(get(link(issue()) + "?step=0"));

        assertThat(hits()).isEqualTo(hitsBefore + 1);
        assertThat(meters.get("sipas.survey.first.step").tag("result", "hit").timer().totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(meters.get("sipas.survey.first.step").tag("result", "miss").timer().count()).isEqualTo(missesBefore);
        assertThat(observedAfterHit).as("not in http.server.requests").isEqualTo(observedBefore);
        assertThat(requestsObserved()).as("a page the whole stack drew is").isEqualTo(observedBefore + 1);
    }

    @Test
    void anAnsweredLinkSaysSoAndAnExpiredOneThatItsTimeIsOverAfterTheirFirstStepWasKept() throws Exception {
        String answered = issue();
        String expired = issue();
        mvc.perform(get(link(answered)));
        assertThat(mvc.perform(post(link(answered) + "/response").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("answers", SipasAnswers.typed())))).andReturn().getResponse()
                .getStatus()).isEqualTo(201);
        jdbc.sql("UPDATE survey_token SET expires_at = now() - interval '1 minute' WHERE token = :t").param("t", expired).update();
        double hitsBefore = hits();

        MockHttpServletResponse again = mvc.perform(get(link(answered))).andReturn().getResponse();
        MockHttpServletResponse late = mvc.perform(get(link(expired))).andReturn().getResponse();

        assertThat(hits()).isEqualTo(hitsBefore);
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString()).contains("Phiếu này đã được trả lời").doesNotContain("name=\"_csrf\"");
        assertThat(late.getStatus()).isEqualTo(410);
        assertThat(late.getContentAsString()).contains("Phiếu khảo sát đã hết hạn");
    }

    @Test
    void aHalfAnsweredLinkOpensWhereItsRespondentLeftOff() throws Exception {
        mvc.perform(get(link(issue())));
        String token = issue();
        MockHttpServletResponse page = mvc.perform(get(link(token))).andReturn().getResponse();
        mvc.perform(post(link(token)).cookie(page.getCookie("XSRF-TOKEN")).param("_csrf", formToken(page)).param("step", "0")
                .param("go", "next").param("shown", FIRST_STEP).param("a.applicant_kind", "ca_nhan"));
        double hitsBefore = hits();

        String back = mvc.perform(get(link(token))).andReturn().getResponse().getContentAsString();

        assertThat(hits()).isEqualTo(hitsBefore);
        assertThat(back).contains("Phần 2/7").doesNotContain("Phần 1/7");
    }

    @Test
    void anotherMethodologyUnitOrLanguageGetsItsOwnPage() throws Exception {
        long unit = CollectionCatalog.unitWithOfficials(jdbc, "FSP-1", "fsp-1-a");
        long other = CollectionCatalog.unitWithOfficials(jdbc, "FSP-2", "fsp-2-a");
        mvc.perform(get(link(issue())));
        mvc.perform(get(link(tokens.issue(SipasAnswers.CODE, 1, null, unit))));
        mvc.perform(get(link(tokens.issue("mot-cua-2018", 1, null, null))));
        mvc.perform(get(link(issue())).cookie(new Cookie("sipas-lang", "en")));

        String plain = body(issue(), null);
        String ofUnit = body(tokens.issue(SipasAnswers.CODE, 1, null, unit), null);
        String ofOther = body(tokens.issue(SipasAnswers.CODE, 1, null, other), null);
        String motCua = body(tokens.issue("mot-cua-2018", 1, null, null), null);
        String english = body(issue(), new Cookie("sipas-lang", "en"));

        assertThat(plain).contains("Phần 1/7").doesNotContain("Phường FSP-");
        assertThat(ofUnit).contains("Phường FSP-1").doesNotContain("Phường FSP-2");
        assertThat(ofOther).as("a unit not seen before is drawn for it").contains("Phường FSP-2").doesNotContain("Phường FSP-1");
        assertThat(motCua).doesNotContain("Phần 1/7").contains("Đánh giá hồ sơ");
        assertThat(english).contains("<html lang=\"en\"").contains("Part 1 of 7").doesNotContain("Phần 1/7");
    }

    @Test
    void aRenamedUnitShowsOnItsLinksOnceTheKeptPageIsDrawnAgain() throws Exception {
        long unit = CollectionCatalog.unitWithOfficials(jdbc, "FSP-3", "fsp-3-a");
        jdbc.sql("UPDATE unit SET name = 'Phường FSP-3' WHERE id = :id").param("id", unit).update();
        assertThat(body(tokens.issue(SipasAnswers.CODE, 1, null, unit), null)).contains("Phường FSP-3");
        jdbc.sql("UPDATE unit SET name = 'Phường Mới FSP-3' WHERE id = :id").param("id", unit).update();

        Thread.sleep(FirstSteps.RECHECK.toMillis() + 500);
        String drawnAgain = body(tokens.issue(SipasAnswers.CODE, 1, null, unit), null);
        double hitsBefore = hits();
        String keptAgain = body(tokens.issue(SipasAnswers.CODE, 1, null, unit), null);

        assertThat(drawnAgain).contains("Phường Mới FSP-3");
        assertThat(keptAgain).contains("Phường Mới FSP-3");
        assertThat(hits()).isEqualTo(hitsBefore + 1);
    }

    private String body(String token, Cookie cookie) throws Exception {
        var request = get(link(token));
        if (cookie != null) {
            request.cookie(cookie);
        }
        MockHttpServletResponse page = mvc.perform(request).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        return page.getContentAsString();
    }

    private String issue() {
        return tokens.issue(SipasAnswers.CODE, 1, null, null);
    }

    private static String link(String token) {
        return "/s/" + token;
    }

    private double hits() {
        return meters.get("sipas.survey.first.step").tag("result", "hit").timer().count();
    }

    private double requestsObserved() {
        return meters.find("http.server.requests").timers().stream().mapToDouble(t -> t.count()).sum();
    }

    private static String formToken(MockHttpServletResponse page) throws Exception {
        Matcher m = FORM_TOKEN.matcher(page.getContentAsString());
        assertThat(m.find()).as("the form carries its token").isTrue();
        return m.group(1);
    }

    private static String withoutFormToken(String page) {
        return FORM_TOKEN.matcher(page).replaceAll("name=\"_csrf\" value=\"…\"");
    }
}
