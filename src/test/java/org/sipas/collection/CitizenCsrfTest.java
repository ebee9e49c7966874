package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A citizen's form is protected against cross-site posts with a token in a cookie and the same,
 * masked, in the form (no session): a post carrying both goes through, one without the form's
 * token or with another visitor's cookie is refused. Every first visit gets a token of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CitizenCsrfTest {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    SurveyTokens tokens;

    @Test
    void aStepIsPostedOnlyWithTheTokenOfTheVisitorsOwnCookieAndForm() throws Exception {
        String path = "/s/" + tokens.issue("sipas-2017", 1, null, null);
        MvcResult first = mvc.perform(get(path)).andReturn();
        MvcResult second = mvc.perform(get(path)).andReturn();
        Cookie mine = first.getResponse().getCookie("XSRF-TOKEN");
        Cookie theirs = second.getResponse().getCookie("XSRF-TOKEN");
        assertThat(mine).isNotNull();
        assertThat(theirs).isNotNull();
        assertThat(mine.getValue()).as("128 random bits, base64url").matches("[A-Za-z0-9_-]{22}").isNotEqualTo(theirs.getValue());
        assertThat(mine.isHttpOnly()).isTrue();
        String formToken = formToken(first);
        assertThat(formToken).as("masked afresh in each form, never the cookie itself").isNotEqualTo(mine.getValue());

        int withBoth = mvc.perform(post(path).cookie(mine).param("_csrf", formToken).param("step", "0").param("go", "next"))
                .andReturn().getResponse().getStatus();
        int withoutForm = mvc.perform(post(path).cookie(mine).param("step", "0").param("go", "next"))
                .andReturn().getResponse().getStatus();
        int withOthersCookie = mvc.perform(post(path).cookie(theirs).param("_csrf", formToken).param("step", "0").param("go", "next"))
                .andReturn().getResponse().getStatus();

        assertThat(withBoth).as("the visitor's own post").isNotEqualTo(403).isLessThan(500);
        assertThat(withoutForm).as("no token in the form").isEqualTo(403);
        assertThat(withOthersCookie).as("another visitor's cookie").isEqualTo(403);
    }

    private static String formToken(MvcResult page) throws Exception {
        Matcher m = FORM_TOKEN.matcher(page.getResponse().getContentAsString());
        assertThat(m.find()).as("the form carries its token").isTrue();
        return m.group(1);
    }
}
