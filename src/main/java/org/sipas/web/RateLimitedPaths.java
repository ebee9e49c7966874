package org.sipas.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one rate limiter ({@link RateLimit}) put in front of some public paths, as a servlet filter
 * before Spring Security, so a refused request costs one upsert and nothing else: a bucket per client
 * address and {@code purpose}; a refused request is a 429 problem with Retry-After; a CORS preflight
 * costs nothing. When the database cannot be reached the request goes on unlimited: the limiter must
 * not be what keeps the public status page from saying the database is down.
 */
public final class RateLimitedPaths {

    private static final Logger log = LoggerFactory.getLogger(RateLimitedPaths.class);

    private RateLimitedPaths() {
    }

    /**
     * The filter for {@code urlPatterns}.
     *
     * @param refusedHeaders headers a refused answer carries too (e.g. CORS for the open data)
     * @param messageKey     the problem's messages ({@code <key>.title}, {@code <key>.detail} with the seconds to wait)
     */
    public static FilterRegistrationBean<OncePerRequestFilter> filter(RateLimit limit, FilterProblems problems, String purpose,
            RateLimit.Allowance allowance, String messageKey, Map<String, String> refusedHeaders, String... urlPatterns) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (!"OPTIONS".equals(request.getMethod())) {
                    Optional<Duration> wait;
                    try {
                        wait = limit.take(purpose + "|" + request.getRemoteAddr(), allowance);
                    } catch (DataAccessException unreachable) {
                        log.warn("rate limit of {} not checked, the database did not answer: {}", purpose, unreachable.getMessage());
                        wait = Optional.empty();
                    }
                    if (wait.isPresent()) {
                        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().toSeconds()));
                        refusedHeaders.forEach(response::setHeader);
                        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", messageKey,
                                wait.get().toSeconds());
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(urlPatterns);
        registration.setName(purpose + "RateLimit");
        // before Spring Security: a refused call costs one upsert and nothing else
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
