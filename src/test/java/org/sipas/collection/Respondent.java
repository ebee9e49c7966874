package org.sipas.collection;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A browser without JavaScript, in MockMvc: opens the questionnaire, posts each step's form with
 * what the page showed (its step number and the questions on it) and follows the redirects.
 */
final class Respondent {

    private static final Pattern SHOWN = Pattern.compile("name=\"shown\" value=\"([^\"]+)\"");
    private static final String SESSION_COOKIE = "sipas-session";
    private static final Pattern STEP = Pattern.compile("name=\"step\" value=\"(\\d+)\"");

    private final MockMvc mvc;
    private final String path;
    private final RequestPostProcessor caller;
    /** The staff session a preview keeps its draft in, as a browser keeps the cookie. */
    private Cookie session;
    private MvcResult last;

    Respondent(MockMvc mvc, String path, RequestPostProcessor caller) {
        this.mvc = mvc;
        this.path = path;
        this.caller = caller;
    }

    Respondent(MockMvc mvc, String path) {
        this(mvc, path, request -> request);
    }

    /** Opens the questionnaire where the respondent left off. */
    Respondent open() throws Exception {
        return perform(get(path));
    }

    /** Fills the page's form with {@code answers} (question → values) and presses Next. */
    Respondent next(Map<String, List<String>> answers) throws Exception {
        return press("next", answers);
    }

    /** Opens a step by its link (the summary's edit links, the browser's history). */
    Respondent open(int step) throws Exception {
        return perform(get(path).param("step", Integer.toString(step)));
    }

    Respondent back(Map<String, List<String>> answers) throws Exception {
        return press("back", answers);
    }

    Respondent submit() throws Exception {
        return perform(post(path + "/submit").with(csrf()));
    }

    /** What htmx posts when a live answer changes, with the page's answers. */
    Respondent relevance(Map<String, List<String>> answers) throws Exception {
        return perform(form(post(path + "/relevance"), answers));
    }

    int status() {
        return last.getResponse().getStatus();
    }

    String page() throws Exception {
        return last.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    List<String> shown() throws Exception {
        List<String> shown = new ArrayList<>();
        Matcher m = SHOWN.matcher(page());
        while (m.find()) {
            shown.add(m.group(1));
        }
        return shown;
    }

    private Respondent press(String go, Map<String, List<String>> answers) throws Exception {
        return perform(form(post(path), answers).param("go", go));
    }

    private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, Map<String, List<String>> answers)
            throws Exception {
        Matcher step = STEP.matcher(page());
        if (!step.find()) {
            throw new IllegalStateException("The page has no step form: " + page());
        }
        request.with(csrf()).param("step", step.group(1)).param("shown", shown().toArray(String[]::new));
        answers.forEach((name, values) -> request.param(QuestionView.FIELD + name, values.toArray(String[]::new)));
        return request;
    }

    private Respondent perform(MockHttpServletRequestBuilder request) throws Exception {
        last = send(request);
        String redirect = last.getResponse().getRedirectedUrl();
        if (redirect != null) {
            last = send(get(redirect));
        }
        return this;
    }

    private MvcResult send(MockHttpServletRequestBuilder request) throws Exception {
        if (session != null) {
            request.cookie(session);
        }
        MvcResult result = mvc.perform(request.with(caller)).andReturn();
        Cookie kept = result.getResponse().getCookie(SESSION_COOKIE);
        if (kept != null) {
            session = kept;
        }
        return result;
    }
}
