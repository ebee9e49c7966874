package org.sipas.articles;

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
 * The public articles' share of the one public rate limiter, per client address
 * ({@code sipas.articles.public.burst} at once, then {@code per-minute}): a reader paging and
 * searching never meets it, a loop of random searches (each one misses every cache) waits its turn.
 * A page the portal's micro-cache holds is given before this and costs no token.
 */
@Configuration(proxyBeanMethods = false)
class ArticleRateLimit {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> articlesRateLimitFilter(RateLimit limit, FilterProblems problems,
            @Value("${sipas.articles.public.burst:60}") int burst,
            @Value("${sipas.articles.public.per-minute:300}") int perMinute) {
        return RateLimitedPaths.filter(limit, problems, "articles", new RateLimit.Allowance(burst, perMinute),
                "articles.limited", Map.of(), "/portal/articles", "/portal/articles/*");
    }
}
