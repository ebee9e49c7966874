package org.sipas.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The headers and cookies a browser gets, read off the wire from a running server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNoInlineScript(HttpResponse<String> response) {
        String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        String scripts = policy.replaceAll(".*script-src ([^;]*);.*", "$1");
        assertThat(scripts).isEqualTo("'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(policy).contains("frame-ancestors 'none'").contains("object-src 'none'");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void aStaffPageForbidsInlineScriptsAndFramingAndSendsOnlyTheOriginAway() throws Exception {
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertNoInlineScript(login);
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
        // no https here: HSTS is only sent on a secure request (behind TLS, see the README)
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void anApiAnswerCarriesTheSameHeaders() throws Exception {
        String basic = Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> me = get("/api/v1/me", "Authorization", "Basic " + basic);
        assertThat(me.statusCode()).isEqualTo(200);
        assertNoInlineScript(me);
        assertThat(me.headers().firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
    }

    @Test
    void aCitizensTokenPageSendsNoRefererAtAll() throws Exception {
        for (String path : List.of("/s/no-such-token-0000", "/k/no-such-kiosk-0000")) {
            HttpResponse<String> page = get(path);
            assertNoInlineScript(page);
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
        }
    }

    @Test
    void sessionAndLanguageCookiesAreSameSiteLax() throws Exception {
        List<String> staff = get("/login").headers().allValues("Set-Cookie");
        assertThat(staff).filteredOn(c -> c.startsWith("sipas-session=")).singleElement().asString()
                .contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");
        HttpResponse<String> english = get("/login?lang=en");
        assertThat(english.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("sipas-lang="))
                .singleElement().asString().contains("SameSite=Lax");
    }
}
