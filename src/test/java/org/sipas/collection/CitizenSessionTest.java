package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Over real HTTP, as a load balancer in front of several nodes sees it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CitizenSessionTest {

    @LocalServerPort
    int port;
    @Autowired
    SurveyTokens tokens;

    @Test
    void aRespondentGetsNoServerSessionOnlyACsrfCookieSoAnyNodeCanServeTheNextStep() throws Exception {
        String token = tokens.issue("sipas-2017", 1, null, null);
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/s/" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertThat(cookies).noneMatch(c -> c.startsWith("sipas-session=") || c.startsWith("JSESSIONID"));
        assertThat(cookies).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
    }
}
