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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
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
 * other request, and a link the firewall would refuse, goes through the whole stack as before.
 * The page is kept only when the controller says it drew the first step of an unanswered sitting
 * ({@link #markUnanswered}), with the headers the chain wrote (security headers included); the CSRF
 * token comes from the chain's own store and masking ({@link CitizenForms}), so the form posts as
 * one the chain drew. A kept page is drawn again after {@link #RECHECK} (by one visitor while the
 * others still get it): a frozen methodology version never changes, but a unit's name and officials may.
 * Hits and misses are counted as {@code sipas.survey.first.step} ({@code result=hit|miss}).
 */
@Configuration(proxyBeanMethods = false)
class FirstSteps {

    /** How long a kept page is given before it is drawn again: a renamed unit or a new official shows within it. */
    static final Duration RECHECK = Duration.ofSeconds(10);
    private static final String UNANSWERED = FirstSteps.class.getName() + ".unanswered";
    private static final int KEPT = 2_000;
    /** A link's token: real ones are 24 characters of base64url; a shorter one might occur in the page's text. */
    private static final Pattern LINK = Pattern.compile("/s/([A-Za-z0-9_-]{16,64})");

    /** What the first step's page depends on besides the two tokens. */
    record Key(String methodologyCode, int version, Long unitId, String language, boolean secure) {
    }

    /** Where a part of the kept page is followed by the link's token or by the form's token. */
    enum Slot { LINK_TOKEN, FORM_TOKEN }

    /** A page as the whole stack answered it: its headers, then its bytes cut at the slots. */
    record Kept(List<Map.Entry<String, List<String>>> headers, String contentType, Locale locale, List<byte[]> parts,
                List<Slot> slots, int fixedLength, long keptAt) {
    }

    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();
    /** The kept pages being drawn again by one visitor's request. */
    private final Set<Key> drawing = ConcurrentHashMap.newKeySet();
    private final SurveyTokens tokens;
    private final ClosedLinks closed;
    private final CitizenForms forms;
    private final LocaleResolver locales;
    private final Counter hits;
    private final Counter misses;

    FirstSteps(SurveyTokens tokens, ClosedLinks closed, CitizenForms forms, LocaleResolver locales, MeterRegistry meters) {
        this.tokens = tokens;
        this.closed = closed;
        this.forms = forms;
        this.locales = locales;
        this.hits = counter(meters, "hit");
        this.misses = counter(meters, "miss");
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder("sipas.survey.first.step").tag("result", result)
                .description("First steps of unanswered links: given from the kept page (hit) or drawn by the whole stack (miss)")
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
        // before Spring Session and Spring Security: a kept page costs the token's read and the copy
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
        return registration;
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = linkToken(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest checked;
        Key key;
        try {
            checked = forms.firewalled(request);
            Optional<Opening> opening = tokens.openingAmongOthers(token);
            if (opening.isEmpty() || opening.get().drafted() || closed.reason(opening.get().token()).isPresent()) {
                chain.doFilter(request, response);
                return;
            }
            SurveyToken found = opening.get().token();
            key = new Key(found.methodologyCode(), found.methodologyVersion(), found.unitId(),
                    locales.resolveLocale(checked).toLanguageTag(), request.isSecure());
        } catch (RuntimeException refusedOrFailed) {
            // the firewall's refusal, an invalid language cookie, a database that does not answer: the
            // whole stack answers them the way it always does
            chain.doFilter(request, response);
            return;
        }
        Kept page = kept.get(key);
        long age = page == null ? Long.MAX_VALUE : System.nanoTime() - page.keptAt();
        // past its time one visitor's page is drawn again while the others still get the kept one (a
        // crowd would all draw it at once), unless that takes so long that the kept one is too old
        boolean redrawing = age >= RECHECK.toNanos() && age < 3 * RECHECK.toNanos() && drawing.add(key);
        if (age < RECHECK.toNanos() || age < 3 * RECHECK.toNanos() && !redrawing) {
            hits.increment();
            answer(page, token, forms.formToken(checked, response), response);
            return;
        }
        misses.increment();
        try {
            ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, recorded);
            keep(key, token, request, recorded);
            recorded.copyBodyToResponse();
        } finally {
            if (redrawing) {
                drawing.remove(key);
            }
        }
    }

    /** The token of a plain GET of a link by a visitor; null for any other request. */
    private static String linkToken(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getQueryString() != null || StaffSession.carriedBy(request)) {
            return null;
        }
        Matcher link = LINK.matcher(request.getRequestURI());
        return link.matches() ? link.group(1) : null;
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
        List<Map.Entry<String, List<String>>> headers = new ArrayList<>();
        for (String name : recorded.getHeaderNames()) {
            if (!name.equalsIgnoreCase(HttpHeaders.SET_COOKIE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
                    && !name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LANGUAGE)
                    && !name.equalsIgnoreCase(HttpHeaders.TRANSFER_ENCODING)) {
                headers.add(Map.entry(name, List.copyOf(recorded.getHeaders(name))));
            }
        }
        if (kept.size() >= KEPT) {
            kept.clear();
        }
        kept.put(key, new Kept(List.copyOf(headers), recorded.getContentType(), recorded.getLocale(), List.copyOf(parts),
                List.copyOf(slots), before + after, System.nanoTime()));
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

    private static void answer(Kept page, String token, String formToken, HttpServletResponse response) throws IOException {
        // both tokens are ASCII that HTML does not escape (base64url, base64), as the page printed them
        byte[] link = token.getBytes(StandardCharsets.US_ASCII);
        byte[] form = formToken.getBytes(StandardCharsets.US_ASCII);
        int length = page.fixedLength();
        for (Slot slot : page.slots()) {
            length += slot == Slot.LINK_TOKEN ? link.length : form.length;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        for (Map.Entry<String, List<String>> header : page.headers()) {
            for (String value : header.getValue()) {
                response.addHeader(header.getKey(), value);
            }
        }
        response.setContentType(page.contentType());
        response.setLocale(page.locale());
        response.setContentLength(length);
        ServletOutputStream out = response.getOutputStream();
        for (int i = 0; i < page.parts().size(); i++) {
            out.write(page.parts().get(i));
            if (i < page.slots().size()) {
                out.write(page.slots().get(i) == Slot.LINK_TOKEN ? link : form);
            }
        }
    }
}
