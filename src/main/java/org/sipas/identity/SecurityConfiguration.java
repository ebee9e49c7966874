package org.sipas.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

/**
 * Staff log in with a form; the JSON API under /api/v1 takes HTTP Basic (staff) or an API key
 * (integrations) and keeps no session. A citizen answers a survey at /s/{token} without logging in
 * (the token is the key), and rates at a counter's kiosk at /k/{key} (the kiosk's key is the key); those pages
 * and their static files are public, their forms still carry a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    WebSecurityCustomizer firewall() {
        return web -> web.httpFirewall(HeaderRules.firewall());
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys) throws Exception {
        return http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/openapi/**", "/api/v1/docs/**", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
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
                .build();
    }

    /**
     * Citizens' survey pages: nobody logs in and no session is kept (any node can answer any
     * request); CSRF stays on, with the token in a cookie instead of the session.
     */
    @Bean
    @Order(3)
    SecurityFilterChain citizens(HttpSecurity http) throws Exception {
        return http.securityMatcher("/s/**", "/collection/**", "/k/**", "/kiosk/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.csrfTokenRepository(new CookieCsrfTokenRepository()))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        // the CAPI app's static files (scripts, styles, manifest, icons, service worker) hold
                        // no data: public, so that a browser refreshing them never lands on the login page
                        .requestMatchers("/capi/*.js", "/capi/*.css", "/capi/*.webmanifest", "/capi/*.svg", "/capi/*.png")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll())
                .logout(Customizer.withDefaults())
                .addFilterAfter(new PasswordChangeRequiredFilter(), AuthorizationFilter.class)
                .build();
    }
}
