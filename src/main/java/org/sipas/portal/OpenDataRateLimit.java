package org.sipas.portal;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sipas.web.FilterProblems;
import org.sipas.web.RateLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The open-data API's share of the one public rate limiter: a bucket per client address
 * ({@code sipas.portal.open-data.burst} requests at once, then {@code per-minute}), generous enough
 * for a person or a spreadsheet refreshing, tight enough that a scraper looping over every version
 * waits its turn. A refused call is a 429 problem with Retry-After. A CORS preflight costs nothing.
 */
@Configuration(proxyBeanMethods = false)
class OpenDataRateLimit {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> openDataRateLimitFilter(RateLimit limit, FilterProblems problems,
            @Value("${sipas.portal.open-data.burst:120}") int burst,
            @Value("${sipas.portal.open-data.per-minute:600}") int perMinute) {
        RateLimit.Allowance allowance = new RateLimit.Allowance(burst, perMinute);
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (!"OPTIONS".equals(request.getMethod())) {
                    Optional<Duration> wait = limit.take("open-data|" + request.getRemoteAddr(), allowance);
                    if (wait.isPresent()) {
                        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().toSeconds()));
                        response.setHeader("Access-Control-Allow-Origin", "*");
                        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                                "portal.openData.limited", wait.get().toSeconds());
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/v1/public/*");
        // before Spring Security: a refused call costs one upsert and nothing else
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
