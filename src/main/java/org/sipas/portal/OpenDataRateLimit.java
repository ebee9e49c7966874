package org.sipas.portal;

import java.util.Map;

import org.sipas.web.FilterProblems;
import org.sipas.web.RateLimit;
import org.sipas.web.RateLimitedPaths;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The open-data API's share of the one public rate limiter: a bucket per client address
 * ({@code sipas.portal.open-data.burst} requests at once, then {@code per-minute}), generous enough
 * for a person or a spreadsheet refreshing, tight enough that a scraper looping over every version
 * waits its turn. A refused call is a 429 problem with Retry-After (readable cross-origin). The public
 * status page shares the bucket of its JSON twin under {@code /api/v1/public/status}.
 */
@Configuration(proxyBeanMethods = false)
class OpenDataRateLimit {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> openDataRateLimitFilter(RateLimit limit, FilterProblems problems,
            @Value("${sipas.portal.open-data.burst:120}") int burst,
            @Value("${sipas.portal.open-data.per-minute:600}") int perMinute) {
        return RateLimitedPaths.filter(limit, problems, "open-data", new RateLimit.Allowance(burst, perMinute),
                "portal.openData.limited", Map.of("Access-Control-Allow-Origin", "*"), "/api/v1/public/*", "/portal/status");
    }
}
