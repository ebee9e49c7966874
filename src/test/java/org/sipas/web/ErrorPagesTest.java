package org.sipas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Errors as a signed-in browser and an API caller meet them, off the wire: a page in the site's
 * layout with its title, language and a way back for the one; problem details for the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("sipas-session=([^;]+)");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private String session;

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @BeforeEach
    void signIn() throws Exception {
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/login")));
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).isTrue();
        Matcher anonymous = SESSION.matcher(String.join(";", form.headers().allValues("Set-Cookie")));
        assertThat(anonymous.find()).isTrue();
        HttpResponse<String> in = send(HttpRequest.newBuilder(uri("/login")).header("Cookie", "sipas-session=" + anonymous.group(1))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=test-admin-password&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))));
        Matcher signed = SESSION.matcher(String.join(";", in.headers().allValues("Set-Cookie")));
        assertThat(signed.find()).isTrue();
        session = "sipas-session=" + signed.group(1);
    }

    private HttpResponse<String> page(String path, String language) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Cookie", session)
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").header("Accept-Language", language));
    }

    private static void assertPage(HttpResponse<String> page, int status, String lang, String title) {
        assertThat(page.statusCode()).isEqualTo(status);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"" + lang + "\"").contains("<title>" + title)
                .contains("href=\"/\"").doesNotContain("\"timestamp\"").doesNotContain("Whitelabel");
    }

    @Test
    void anUnknownCampaignIsAPageNotFoundInTheLayout() throws Exception {
        assertPage(page("/campaigns/99999", "vi"), 404, "vi", "Không tìm thấy trang");
        assertPage(page("/campaigns/99999?lang=en", "en"), 404, "en", "Page not found");
    }

    @Test
    void aPathThatNamesNoObjectAndAnUnknownUrlAreNotFoundPages() throws Exception {
        assertPage(page("/campaigns/new", "vi"), 404, "vi", "Không tìm thấy trang");
        assertPage(page("/methodologies/nope/1", "vi"), 404, "vi", "Không tìm thấy trang");
        assertPage(page("/no/such/page", "vi"), 404, "vi", "Không tìm thấy trang");
    }

    @Test
    void aRefusedPageIsAnErrorPageNotJson() throws Exception {
        // the administrator has no interviewer's call list: /cati is for interviewers
        HttpResponse<String> refused = page("/cati", "vi");
        assertPage(refused, 403, "vi", "Không có quyền truy cập");
        // it says whose page it is, and keeps the navigation to where the administrator may go
        assertThat(refused.body()).contains("Trang này dành cho vai trò:", "<strong>Điều tra viên</strong>", "href=\"/cati/supervision\"");
        assertThat(page("/cati?lang=en", "en").body()).contains("This page is for the roles:", "<strong>Interviewer</strong>");
    }

    @Test
    void theApiAnswersProblemDetailsWhateverTheBrowserAccepts() throws Exception {
        String basic = Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
        for (String path : new String[] {"/api/v1/campaigns/99999", "/api/v1/campaigns/abc", "/api/v1/no-such-thing"}) {
            HttpResponse<String> problem = send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + basic)
                    .header("Accept", "text/html,*/*"));
            assertThat(problem.statusCode()).as(path).isEqualTo(404);
            assertThat(problem.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("application/problem+json");
            assertThat(problem.body()).as(path).contains("\"status\":404");
        }
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/v1/campaigns")).header("Accept", "text/html"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }
}
