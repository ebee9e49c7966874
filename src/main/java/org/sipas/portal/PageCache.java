package org.sipas.portal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sipas.articles.ArticlePublished;
import org.sipas.campaign.OpenSurveyClosed;
import org.sipas.identity.StaffSession;
import org.sipas.reporting.ResultsPublished;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A micro-cache in front of the portal's pages, as a reverse proxy's would be: the exact answer the
 * whole stack gave to a GET of one address in one language (status 200, every header including the
 * security headers, the bytes) is kept {@link PublishedResults#RECHECK} and given again to the next
 * readers without going through Spring Security and Spring MVC again. Only an address that was
 * answered in full before is in it, so a request the firewall or the security chain would refuse
 * never is; an answer that sets a cookie (the language switch) is never kept. It serves visitors
 * only: a request carrying the staff session's cookie ({@link StaffSession}) goes through the whole
 * stack and is not kept, since a signed-in page has its own navigation. A publication of results or
 * of an article on this node, an open survey's close or a new map empties it at once; another node's publication shows within the recheck time,
 * as the pages themselves do. Hits and misses are counted as {@code sipas.portal.page.cache}
 * ({@code result=hit|miss}) for the metrics endpoint.
 */
@Configuration(proxyBeanMethods = false)
class PageCache {

    /** An answer as given: its headers (name → values) and body. */
    record Kept(List<Map.Entry<String, List<String>>> headers, String etag, byte[] body, long keptAt) {
    }

    private static final int KEPT = 5_000;

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;

    PageCache(MeterRegistry meters) {
        this.hits = counter(meters, "hit");
        this.misses = counter(meters, "miss");
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder("sipas.portal.page.cache").tag("result", result)
                .description("Portal pages asked by visitors: given from the micro-cache (hit) or by the whole stack (miss)")
                .register(meters);
    }

    @TransactionalEventListener
    void published(ResultsPublished published) {
        forget();
    }

    @TransactionalEventListener
    void articlePublished(ArticlePublished published) {
        forget();
    }

    /** A closed open survey's page stops saying it is still collecting, though nothing new may be published. */
    @TransactionalEventListener
    void openSurveyClosed(OpenSurveyClosed closed) {
        forget();
    }

    void forget() {
        kept.clear();
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> portalPageCache() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String key = key(request);
                if (key == null) {
                    chain.doFilter(request, response);
                    return;
                }
                Kept page = kept.get(key);
                if (page != null && System.nanoTime() - page.keptAt() < PublishedResults.RECHECK.toNanos()) {
                    hits.increment();
                    answer(page, request, response);
                    return;
                }
                misses.increment();
                ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
                chain.doFilter(request, recorded);
                keep(key, recorded);
                recorded.copyBodyToResponse();
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/portal", "/portal/*");
        // first of all: a page kept costs a map lookup and a write, nothing else
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** The address and language of a visitor's GET that may be kept; null for anything else. */
    private static String key(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || StaffSession.carriedBy(request) || request.getParameter("lang") != null
                || request.getRequestURI().endsWith(".js") || request.getRequestURI().endsWith(".css")) {
            return null;
        }
        String language = "";
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if ("sipas-lang".equals(cookie.getName())) {
                    language = cookie.getValue();
                }
            }
        }
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query) + "|" + language;
    }

    private void keep(String key, ContentCachingResponseWrapper recorded) {
        if (recorded.getStatus() != 200 || recorded.getHeader(HttpHeaders.SET_COOKIE) != null
                || recorded.getHeader(HttpHeaders.ETAG) == null) {
            return;
        }
        List<Map.Entry<String, List<String>>> headers = new ArrayList<>();
        for (String name : recorded.getHeaderNames()) {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                headers.add(Map.entry(name, List.copyOf(recorded.getHeaders(name))));
            }
        }
        if (recorded.getContentType() != null && headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE))) {
            headers.add(Map.entry(HttpHeaders.CONTENT_TYPE, List.of(recorded.getContentType())));
        }
        if (kept.size() >= KEPT) {
            kept.clear();
        }
        kept.put(key, new Kept(List.copyOf(headers), recorded.getHeader(HttpHeaders.ETAG), recorded.getContentAsByteArray(),
                System.nanoTime()));
    }

    private static void answer(Kept page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        for (Map.Entry<String, List<String>> header : page.headers()) {
            for (String value : header.getValue()) {
                response.addHeader(header.getKey(), value);
            }
        }
        String sent = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (sent != null && (sent.contains(page.etag()) || sent.strip().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            response.setContentLength(0);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }
}
