package org.sipas.collection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sipas.collection.SurveyTokens.Opening;
import org.sipas.identity.CitizenForms;
import org.sipas.identity.StaffSession;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The first step of a questionnaire as a link or a QR code opens it, given without rendering it
 * again. Every visitor of a QR campaign opens a link of their own, so no page can be kept by its
 * address; but the first step of an unanswered link is the same page for every link of the same
 * methodology version, unit, language and scheme but for two things: the link's token (in the
 * form's action and the language links) and the form's masked CSRF token. So the page the whole
 * stack (security chain, Spring MVC, Thymeleaf) rendered for one link is kept, cut at those two
 * places, and given to the next links with their own tokens put in, after one read of the token
 * and its draft, gathered with the reads of the same moment into one statement.
 *
 * <p>Only a plain GET of {@code /s/{token}} (no query: a language switch or a step asked for goes
 * the whole way) by a visitor without the staff session's cookie, of a link that is open
 * ({@link ClosedLinks}, the same rule as the pages) and has no draft yet, is answered here; any
 * other request goes through the whole stack as before (a link's address is one the firewall never
 * refuses, {@link #linkToken}).
 * The page is kept only when the controller says it drew the first step of an unanswered sitting
 * ({@link #markUnanswered}), with the headers the chain wrote (security headers included); the CSRF
 * token is the chain's own cookie's, masked the chain's way ({@link CitizenForms}), so the form posts
 * as one the chain drew. A kept page is drawn again after {@link #RECHECK} (by one visitor while the
 * others still get it): a frozen methodology version never changes, but a unit's name and officials may.
 * Hits and misses are counted and timed as {@code sipas.survey.first.step} ({@code result=hit|miss}):
 * this filter comes before Boot's request observation, so a kept page is not in
 * {@code http.server.requests} (a page drawn by the whole stack is, as every other request).
 */
@Configuration(proxyBeanMethods = false)
class FirstSteps {

    /** How long a kept page is given before it is drawn again: a renamed unit or a new official shows within it. */
    static final Duration RECHECK = Duration.ofSeconds(10);
    private static final String UNANSWERED = FirstSteps.class.getName() + ".unanswered";
    private static final int KEPT = 2_000;
    /** A link's address: this, then its token (real ones are 24 characters of base64url; a shorter one might be in the page's text). */
    private static final String LINK = "/s/";
    private static final int SHORTEST_TOKEN = 16;
    private static final int LONGEST_TOKEN = 64;

    /** What the first step's page depends on besides the two tokens. */
    record Key(String methodologyCode, int version, Long unitId, Locale language, boolean secure) {
    }

    /** Where a part of the kept page is followed by the link's token or by the form's token. */
    enum Slot { LINK_TOKEN, FORM_TOKEN }

    /**
     * A page as the whole stack answered it: its headers (name, value, name, value…; the content
     * type and language apart, as Tomcat keeps them), then its bytes cut at the slots. The arrays
     * are never changed once kept.
     */
    record Kept(String[] headers, String contentType, Locale locale, byte[][] parts, Slot[] slots, int fixedLength,
                int linkSlots, int formSlots, long keptAt) {
    }

    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();
    /** The kept pages being drawn again by one visitor's request. */
    private final Set<Key> drawing = ConcurrentHashMap.newKeySet();
    private final SurveyTokens tokens;
    private final ClosedLinks closed;
    private final CitizenForms forms;
    private final LocaleResolver locales;
    private final Timer hits;
    private final Timer misses;

    FirstSteps(SurveyTokens tokens, ClosedLinks closed, CitizenForms forms, LocaleResolver locales, MeterRegistry meters) {
        this.tokens = tokens;
        this.closed = closed;
        this.forms = forms;
        this.locales = locales;
        this.hits = timer(meters, "hit");
        this.misses = timer(meters, "miss");
    }

    /**
     * A kept page is answered before Boot's request observation (its {@code http.server.requests}
     * timer, long-task timer and observation context cost a fifth of such a page, PageBenchmark):
     * this timer counts and times it instead, and the pages drawn by the whole stack beside it.
     */
    private static Timer timer(MeterRegistry meters, String result) {
        return Timer.builder("sipas.survey.first.step").tag("result", result)
                .description("First steps of unanswered links: given from the kept page (hit, not in http.server.requests) "
                        + "or drawn by the whole stack (miss)")
                .register(meters);
    }

    /** Said by the pages while they draw the first step of a sitting without answers: such a page may be kept. */
    static void markUnanswered() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(UNANSWERED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    void forget() {
        kept.clear();
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> firstStepPages() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                serve(request, response, chain);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/s/*");
        // first of all, before Boot's request observation (HIGHEST_PRECEDENCE + 1), Spring Session and
        // Spring Security: a kept page costs the token's read, the CSRF token and the copy; a tie with
        // the character encoding filter, a plain Filter bean, is sorted after the registrations
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        String token = linkToken(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        Key key;
        try {
            Optional<Opening> opening = tokens.openingAmongOthers(token);
            if (opening.isEmpty() || opening.get().drafted() || closed.reason(opening.get().token()).isPresent()) {
                chain.doFilter(request, response);
                return;
            }
            SurveyToken found = opening.get().token();
            key = new Key(found.methodologyCode(), found.methodologyVersion(), found.unitId(), locales.resolveLocale(request),
                    request.isSecure());
        } catch (RuntimeException failed) {
            // an invalid language cookie, a database that does not answer: the whole stack answers
            // them the way it always does
            chain.doFilter(request, response);
            return;
        }
        Kept page = kept.get(key);
        long age = page == null ? Long.MAX_VALUE : start - page.keptAt();
        // past its time one visitor's page is drawn again while the others still get the kept one (a
        // crowd would all draw it at once), unless that takes so long that the kept one is too old
        boolean redrawing = age >= RECHECK.toNanos() && age < 3 * RECHECK.toNanos() && drawing.add(key);
        if (age < RECHECK.toNanos() || age < 3 * RECHECK.toNanos() && !redrawing) {
            try {
                answer(page, token, forms.formToken(request, response), response);
            } finally {
                hits.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
            return;
        }
        try {
            ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, recorded);
            keep(key, token, request, recorded);
            recorded.copyBodyToResponse();
        } finally {
            if (redrawing) {
                drawing.remove(key);
            }
            misses.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The token of a plain GET of a link by a visitor; null for any other request. A link's address
     * is {@code /s/} and the token's characters only, none of which Spring Security's firewall
     * refuses ({@code ;}, {@code %}, {@code .}, {@code //}, a backslash, a control character): so
     * a request answered here is one the firewall lets through, and any other address goes the
     * whole way to it. (Nothing else of the request is read here but its cookies, which the
     * firewall does not look at.)
     */
    private static String linkToken(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getQueryString() != null || StaffSession.carriedBy(request)) {
            return null;
        }
        String uri = request.getRequestURI();
        int length = uri.length() - LINK.length();
        if (length < SHORTEST_TOKEN || length > LONGEST_TOKEN || !uri.startsWith(LINK)) {
            return null;
        }
        for (int i = LINK.length(); i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return null;
            }
        }
        return uri.substring(LINK.length());
    }

    /**
     * Keeps the first step the whole stack drew, cut at the tokens: only a 200 the pages marked as
     * the first step of an unanswered sitting, which set no cookie but the CSRF token's and holds
     * the form's token exactly once.
     */
    private void keep(Key key, String token, HttpServletRequest request, ContentCachingResponseWrapper recorded) {
        if (request.getAttribute(UNANSWERED) == null || recorded.getStatus() != HttpServletResponse.SC_OK
                || !(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken formToken)
                || !StandardCharsets.UTF_8.name().equalsIgnoreCase(recorded.getCharacterEncoding())) {
            return;
        }
        if (recorded.getHeaders(HttpHeaders.SET_COOKIE).stream().anyMatch(c -> !c.startsWith("XSRF-TOKEN="))) {
            return;
        }
        String body = new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8);
        String form = formToken.getToken();
        int at = body.indexOf(form);
        if (at < 0 || body.indexOf(form, at + 1) >= 0) {
            return;
        }
        List<byte[]> parts = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        int before = cut(body.substring(0, at), token, parts, slots);
        slots.add(Slot.FORM_TOKEN);
        int after = cut(body.substring(at + form.length()), token, parts, slots);
        if (!slots.contains(Slot.LINK_TOKEN)) {
            return;
        }
        List<String> headers = new ArrayList<>();
        for (String name : recorded.getHeaderNames()) {
            if (!name.equalsIgnoreCase(HttpHeaders.SET_COOKIE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
                    && !name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LANGUAGE)
                    && !name.equalsIgnoreCase(HttpHeaders.TRANSFER_ENCODING)) {
                for (String value : recorded.getHeaders(name)) {
                    headers.add(name);
                    headers.add(value);
                }
            }
        }
        if (kept.size() >= KEPT) {
            kept.clear();
        }
        int linkSlots = (int) slots.stream().filter(Slot.LINK_TOKEN::equals).count();
        kept.put(key, new Kept(headers.toArray(String[]::new), recorded.getContentType(), recorded.getLocale(), parts.toArray(byte[][]::new),
                slots.toArray(Slot[]::new), before + after, linkSlots, slots.size() - linkSlots, System.nanoTime()));
    }

    /** Adds {@code text}'s parts between the occurrences of {@code token}, and a slot for each; its length in bytes. */
    private static int cut(String text, String token, List<byte[]> parts, List<Slot> slots) {
        int length = 0;
        int from = 0;
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, from)) {
            length += add(text.substring(from, at), parts);
            slots.add(Slot.LINK_TOKEN);
            from = at + token.length();
        }
        return length + add(text.substring(from), parts);
    }

    private static int add(String part, List<byte[]> parts) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        parts.add(bytes);
        return bytes.length;
    }

    /** The kept page with the two tokens put in, written as one buffer of the length it announces. */
    private static void answer(Kept page, String token, String formToken, HttpServletResponse response) throws IOException {
        // both tokens are ASCII that HTML does not escape (base64url, base64), as the page printed them
        byte[] link = token.getBytes(StandardCharsets.US_ASCII);
        byte[] form = formToken.getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[page.fixedLength() + page.linkSlots() * link.length + page.formSlots() * form.length];
        int at = 0;
        for (int i = 0; i < page.parts().length; i++) {
            byte[] part = page.parts()[i];
            System.arraycopy(part, 0, body, at, part.length);
            at += part.length;
            if (i < page.slots().length) {
                byte[] slot = page.slots()[i] == Slot.LINK_TOKEN ? link : form;
                System.arraycopy(slot, 0, body, at, slot.length);
                at += slot.length;
            }
        }
        response.setStatus(HttpServletResponse.SC_OK);
        String[] headers = page.headers();
        for (int i = 0; i < headers.length; i += 2) {
            response.addHeader(headers[i], headers[i + 1]);
        }
        response.setContentType(page.contentType());
        response.setLocale(page.locale());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
