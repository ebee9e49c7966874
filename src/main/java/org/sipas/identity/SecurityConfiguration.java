package org.sipas.identity;

import io.swagger.v3.oas.models.security.SecurityScheme;
import org.sipas.web.FilterProblems;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Staff log in with a form; the JSON API under /api/v1 takes HTTP Basic (staff) or an API key
 * (integrations) and keeps no session. A citizen answers a survey at /s/{token} without logging in
 * (the token is the key), and rates at a counter's kiosk at /k/{key} (the kiosk's key is the key); those pages
 * and their static files are public, their forms still carry a CSRF token.
 *
 * <p>Every answer carries the same Content-Security-Policy: scripts only from this server's own
 * files (no inline script, no eval: htmx needs neither for the attributes the templates use,
 * {@code hx-get}, {@code hx-post}, {@code hx-trigger} without filters), never framed. Styles keep
 * {@code 'unsafe-inline'}: the survey's progress bar is drawn by a {@code style="width:…"} the
 * server computes, the QR codes are inline SVG with their own style attributes, and htmx adds its
 * indicator style to the page; a style cannot run code. The citizen's pages send no Referer at all,
 * since their address holds the survey token or the kiosk's key.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final boolean secureCookies;

    SecurityConfiguration(@Value("${sipas.web.secure-cookies:false}") boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    /**
     * The password check for the form and for HTTP Basic, behind the log-in throttle. Set on each
     * chain that takes a password (and not published as a bean, which would replace Boot's user
     * details set-up for nothing).
     */
    private static AuthenticationManager passwordLogin(StaffAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledLogin(passwords, throttle));
    }

    /** The headers every chain sends; {@code referrer} differs between staff and citizens. */
    private static void headers(HeadersConfigurer<HttpSecurity> h, ReferrerPolicy referrer) {
        h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(referrer))
                .frameOptions(f -> f.deny());
    }

    @Bean
    WebSecurityCustomizer firewall() {
        return web -> web.httpFirewall(HeaderRules.firewall());
    }

    /**
     * The public portal and its open data, deliberately open to everyone: published results only,
     * nothing personal, read-only (GET; no form, so no CSRF token). No session made, no saved request,
     * no anonymous token: the busiest public reads go through the headers and nothing else. A staff
     * member's existing session is read (never made), so the portal knows them and offers their
     * navigation back to work. The open-data API answers cross-origin reads (CORS for GET, any origin), so a
     * newsroom's page or a researcher's notebook can fetch it; its rate limit is the portal's own
     * filter before this chain.
     */
    @Bean
    @Order(0)
    SecurityFilterChain publicPortal(HttpSecurity http) throws Exception {
        CorsConfiguration reads = new CorsConfiguration();
        reads.addAllowedOrigin("*");
        reads.setAllowedMethods(java.util.List.of("GET", "HEAD", "OPTIONS"));
        reads.addAllowedHeader("*");
        reads.setExposedHeaders(java.util.List.of("ETag", "Retry-After", "Content-Disposition"));
        reads.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource cors = new UrlBasedCorsConfigurationSource();
        cors.registerCorsConfiguration("/api/v1/public/**", reads);
        return http.securityMatcher("/portal", "/portal/**", "/api/v1/public/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .cors(c -> c.configurationSource(cors))
                .csrf(c -> c.disable())
                .requestCache(r -> r.disable())
                .anonymous(a -> a.disable())
                .logout(l -> l.disable())
                .headers(h -> headers(h, ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, StaffAccounts accounts, PasswordEncoder encoder,
                            LoginThrottle throttle, FilterProblems problems) throws Exception {
        // a throttled HTTP Basic caller learns how long to wait (429, Retry-After); any other failure is a
        // 401 problem in the caller's language saying which credentials the API takes
        AuthenticationEntryPoint unauthorized = (request, response, failure) ->
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "api.unauthorized");
        AuthenticationEntryPoint basic = (request, response, failure) -> {
            if (failure instanceof ThrottledLogin.Throttled throttled) {
                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
                problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "login-throttled", "login.throttled",
                        throttled.retryAfterSeconds());
            } else {
                unauthorized.commence(request, response, failure);
            }
        };
        return http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a
                        // the docs page redirects to springdoc's files beside it, /api/v1/swagger-ui/**
                        .requestMatchers("/api/v1/openapi/**", "/api/v1/docs/**", "/api/v1/swagger-ui/**",
                                "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .authenticationManager(passwordLogin(accounts, encoder, throttle))
                .httpBasic(b -> b.authenticationEntryPoint(basic)
                        .authenticationDetailsSource(request -> new ThrottledLogin.Details(request, "api")))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeRequiredFilter(problems), AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
                .headers(h -> headers(h, ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .build();
    }

    /**
     * A whole survey response posted as JSON: the token in the path is its only credential, so there
     * is no session, no CSRF token (nothing to forge), no saved request, login or logout; the
     * security headers stay. A chain of its own, so that the busiest public path goes through the
     * filters it needs and no others.
     */
    @Bean
    @Order(2)
    SecurityFilterChain tokenResponses(HttpSecurity http) throws Exception {
        return http.securityMatcher("/s/*/response")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(r -> r.disable())
                .anonymous(a -> a.disable())
                .servletApi(s -> s.disable())
                .logout(l -> l.disable())
                .headers(h -> headers(h, ReferrerPolicy.NO_REFERRER))
                .build();
    }

    /**
     * Citizens' survey pages: nobody logs in and no session is kept (any node can answer any
     * request); CSRF stays on, with the token in a cookie instead of the session (SameSite=Lax,
     * Secure with {@code SIPAS_SECURE_COOKIES}).
     */
    @Bean
    @Order(3)
    SecurityFilterChain citizens(HttpSecurity http, CitizenForms forms) throws Exception {
        return http.securityMatcher("/s/**", "/collection/**", "/k/**", "/kiosk/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // the same token store and masking a first step answered before this chain uses (CitizenForms)
                .csrf(c -> c.csrfTokenRepository(forms.tokens()).csrfTokenRequestHandler(forms.masking()))
                .headers(h -> headers(h, ReferrerPolicy.NO_REFERRER))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain pages(HttpSecurity http, StaffAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle,
                              FilterProblems problems) throws Exception {
        // a throttled log-in goes back to the form with the wait in minutes, any other failure as before
        AuthenticationFailureHandler failed = (request, response, failure) -> response.sendRedirect(request.getContextPath()
                + (failure instanceof ThrottledLogin.Throttled t ? "/login?throttled=" + t.retryAfterSeconds() : "/login?error"));
        return http
                .authorizeHttpRequests(a -> a
                        // "/" is the staff home for the signed in and the public portal for everyone else (web.HomeController)
                        .requestMatchers("/").permitAll()
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        // the CAPI app's static files (scripts, styles, manifest, icons, service worker) hold
                        // no data: public, so that a browser refreshing them never lands on the login page
                        .requestMatchers("/capi/*.js", "/capi/*.css", "/capi/*.webmanifest", "/capi/*.svg", "/capi/*.png")
                        .permitAll()
                        .anyRequest().authenticated())
                .authenticationManager(passwordLogin(accounts, encoder, throttle))
                .formLogin(f -> f.loginPage("/login").permitAll().failureHandler(failed)
                        .authenticationDetailsSource(request -> new ThrottledLogin.Details(request, "form")))
                .logout(Customizer.withDefaults())
                .addFilterAfter(new PasswordChangeRequiredFilter(problems), AuthorizationFilter.class)
                .headers(h -> headers(h, ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .build();
    }

    /**
     * The staff session's cookie (the session itself lives in PostgreSQL): HttpOnly, SameSite=Lax,
     * Secure with {@code SIPAS_SECURE_COOKIES}. Set here rather than left to Boot's
     * {@code server.servlet.session.cookie} binding, which a test without a running server skips.
     */
    @Bean
    CookieSerializer sessionCookie() {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(StaffSession.COOKIE);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setUseSecureCookie(secureCookies);
        return cookie;
    }

    /**
     * The same cookie in the API description (the "session" scheme the CAPI app's endpoints name), from
     * the one constant: web's description of the API leaves this scheme to the feature that sets the cookie.
     */
    @Bean
    OpenApiCustomizer sessionCookieDocumented() {
        return api -> api.getComponents().addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name(StaffSession.COOKIE)
                .description("The signed-in staff session of the browser or the CAPI app (with its CSRF token on writes)"));
    }
}
