package org.sipas.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipas.SettableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class LoginThrottlingTest {

    private static final String PASSWORD = "mật-khẩu-đủ-dài";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    UnitDirectory units;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    LoginThrottleProperties properties;

    String user;
    /** Each test comes from an address of its own, so that their failures do not add up. */
    String address;

    @BeforeEach
    void anAccount() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        user = "throttled-" + suffix;
        address = "10.77." + (suffix.charAt(0) % 200) + "." + (suffix.charAt(1) % 200 + 1);
        jdbc.sql("DELETE FROM login_throttle WHERE kind = 'address' AND key = :a").param("a", address).update();
        accounts.create(user, "Trần Văn Thử", units.root().id(), EnumSet.of(Role.ANALYST), PASSWORD);
    }

    private RequestPostProcessor from(String client) {
        return request -> {
            request.setRemoteAddr(client);
            return request;
        };
    }

    private MockHttpServletRequestBuilder form(String username, String password, String client) {
        return post("/login").param("username", username).param("password", password).with(csrf()).with(from(client));
    }

    @Test
    void afterFiveWrongPasswordsOnTheFormEvenTheRightOneIsRefusedWithTheWait() throws Exception {
        for (int i = 0; i < properties.accountFailures(); i++) {
            mvc.perform(form(user, "sai-mật-khẩu-" + i, address)).andExpect(redirectedUrl("/login?error"));
        }
        String target = mvc.perform(form(user, PASSWORD, address)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(target).startsWith("/login?throttled=");
        long seconds = Long.parseLong(target.substring(target.indexOf('=') + 1));
        assertThat(seconds).isBetween(1L, properties.firstDelay().toSeconds());

        mvc.perform(get(target)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Đăng nhập sai quá nhiều lần")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("thử lại sau 1 phút")));
        mvc.perform(get(target + "&lang=en")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Too many failed log-ins")));
        // from another address too: the account itself is blocked
        assertThat(mvc.perform(form(user, PASSWORD, "10.99.0.1")).andReturn().getResponse().getRedirectedUrl())
                .startsWith("/login?throttled=");
    }

    @Test
    void afterFiveWrongPasswordsOnTheApiTheRightOneGets429WithRetryAfter() throws Exception {
        for (int i = 0; i < properties.accountFailures(); i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(user, "sai-" + i)).with(from(address)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/me").with(httpBasic(user, PASSWORD)).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:sipas:problem:login-throttled"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Đăng nhập sai quá nhiều lần")));
        mvc.perform(get("/api/v1/me").with(httpBasic(user, PASSWORD)).with(from(address)).header("Accept-Language", "en"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Too many failed log-ins")));
    }

    @Test
    void aRightPasswordClearsTheAccountsCount() throws Exception {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < properties.accountFailures() - 1; i++) {
                mvc.perform(form(user, "sai-" + i, address)).andExpect(redirectedUrl("/login?error"));
            }
            mvc.perform(form(user, PASSWORD, address)).andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void oneAddressTryingManyAccountsIsBlockedForEveryAccount() throws Exception {
        for (int i = 0; i < properties.addressFailures(); i++) {
            mvc.perform(form("nobody-" + i + "-" + user, "sai", address)).andExpect(redirectedUrl("/login?error"));
        }
        assertThat(mvc.perform(form(user, PASSWORD, address)).andReturn().getResponse().getRedirectedUrl())
                .startsWith("/login?throttled=");
        mvc.perform(form(user, PASSWORD, "10.98.0.2")).andExpect(redirectedUrl("/"));
    }

    @Test
    void failuresAndTheBlockAreInTheAuditLogWithoutThePassword() throws Exception {
        for (int i = 0; i < properties.accountFailures(); i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic(user, "sai-bí-mật-" + i)).with(from(address)));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'login.failure' AND entity_id = :u")
                .param("u", user).query(Long.class).single()).isEqualTo((long) properties.accountFailures());
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'login.throttled' AND entity_id = :u")
                .param("u", user).query(String.class).list()).singleElement().asString()
                .contains("account " + user).contains("60 s");
        assertThat(jdbc.sql("SELECT string_agg(coalesce(detail, ''), ' ') FROM audit_log WHERE entity_id = :u")
                .param("u", user).query(String.class).single()).contains(address).contains("api").doesNotContain("bí-mật");
    }

    @Test
    void theBlockDoublesWithEachFailureAfterItAndEndsAtTheLongestDelay() {
        SettableClock clock = new SettableClock(Instant.parse("2026-03-02T01:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(jdbc,
                new LoginThrottleProperties(3, 100, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(5)), audit, clock);
        LoginThrottle.Attempt attempt = new LoginThrottle.Attempt(user.toUpperCase(), address, "form");

        throttle.failed(attempt);
        throttle.failed(attempt);
        assertThat(throttle.blocked(attempt)).isEmpty();
        throttle.failed(attempt);
        assertThat(throttle.blocked(attempt)).contains(Duration.ofMinutes(1));
        // the same name typed in another case is the same account
        assertThat(throttle.blocked(new LoginThrottle.Attempt(user, "10.1.1.1", "api"))).contains(Duration.ofMinutes(1));

        clock.step(Duration.ofSeconds(61));
        assertThat(throttle.blocked(attempt)).isEmpty();
        throttle.failed(attempt);
        assertThat(throttle.blocked(attempt)).contains(Duration.ofMinutes(2));
        clock.step(Duration.ofMinutes(3));
        throttle.failed(attempt);
        assertThat(throttle.blocked(attempt)).contains(Duration.ofMinutes(4));
        clock.step(Duration.ofMinutes(5));
        throttle.failed(attempt);
        assertThat(throttle.blocked(attempt)).contains(Duration.ofMinutes(5));
    }

    @Test
    void twoNodesCountTheSameFailures() {
        LoginThrottleProperties three = new LoginThrottleProperties(3, 100, Duration.ofMinutes(15), Duration.ofMinutes(1),
                Duration.ofMinutes(5));
        LoginThrottle one = new LoginThrottle(jdbc, three, audit);
        LoginThrottle other = new LoginThrottle(jdbc, three, audit);
        LoginThrottle.Attempt attempt = new LoginThrottle.Attempt(user, address, "api");
        one.failed(attempt);
        other.failed(attempt);
        assertThat(one.blocked(attempt)).isEmpty();
        one.failed(attempt);
        assertThat(other.blocked(attempt)).isPresent();
        assertThat(one.blocked(attempt)).isPresent();
    }

    @Test
    void failuresFurtherApartThanTheWindowStartTheCountAgain() {
        SettableClock clock = new SettableClock(Instant.parse("2026-03-02T01:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(jdbc,
                new LoginThrottleProperties(3, 100, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(5)), audit, clock);
        LoginThrottle.Attempt attempt = new LoginThrottle.Attempt(user, address, "form");
        for (int i = 0; i < 10; i++) {
            throttle.failed(attempt);
            throttle.failed(attempt);
            clock.step(Duration.ofMinutes(16));
        }
        assertThat(throttle.blocked(attempt)).isEmpty();
        throttle.failed(attempt);
        throttle.failed(attempt);
        throttle.succeeded(attempt);
        throttle.failed(attempt);
        throttle.failed(attempt);
        assertThat(throttle.blocked(attempt)).isEmpty();
    }
}
