package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The citizen's endpoints read at most 256 KB of a body: more is a 413 problem before it is read,
 * whether the length is declared or the body comes in chunks; the token stays unused. The
 * largest answer a citizen can legitimately send is far below.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicBodyLimitTest {

    @LocalServerPort
    int port;
    @Autowired
    SurveyTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    private String answersWithSuggestion(int characters) {
        Map<String, String> answers = new LinkedHashMap<>(SipasAnswers.typed());
        answers.put("suggestion", "Cần thêm chỗ ngồi chờ và hướng dẫn rõ hơn. ".repeat(characters / 43 + 1).substring(0, characters));
        return json.writeValueAsString(Map.of("answers", answers));
    }

    private HttpResponse<String> post(String token, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/s/" + token + "/response"))
                .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLargestLegitimateResponseIsFarBelowTheLimit() throws Exception {
        // every question of the SIPAS questionnaire answered, the open suggestion at its 2,000 letters with diacritics (the questionnaire's own limit)
        String token = tokens.issue(SipasAnswers.CODE, 1, null, null);
        String body = answersWithSuggestion(2_000);
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        System.out.printf("largest legitimate token response: %,d bytes (limit 262,144)%n", bytes);
        assertThat(bytes).isLessThan(256 * 1024 / 10);
        assertThat(post(token, HttpRequest.BodyPublishers.ofString(body)).statusCode()).isEqualTo(201);
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedWith413() throws Exception {
        String token = tokens.issue(SipasAnswers.CODE, 1, null, null);
        HttpResponse<String> refused = post(token, HttpRequest.BodyPublishers.ofString(answersWithSuggestion(300_000)));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(json.readTree(refused.body()).get("type").asString()).isEqualTo("urn:sipas:problem:body-too-large");
        assertThat(json.readTree(refused.body()).get("detail").asString()).contains("256 KB");
        assertThat(tokens.find(token).orElseThrow().isUsed()).isFalse();
    }

    @Test
    void aChunkedBodyIsReadNoFurtherThanTheLimit() throws Exception {
        String token = tokens.issue(SipasAnswers.CODE, 1, null, null);
        byte[] huge = answersWithSuggestion(300_000).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = post(token, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(tokens.find(token).orElseThrow().isUsed()).isFalse();

        byte[] small = answersWithSuggestion(100).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> stored = post(token, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small)));
        assertThat(stored.statusCode()).isEqualTo(201);
    }

    @Test
    void aCitizensSurveyPageSendsNoRefererAndASameSiteCsrfCookie() throws Exception {
        String token = tokens.issue(SipasAnswers.CODE, 1, null, null);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/s/" + token))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self';").doesNotContain("unsafe-eval");
        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("XSRF-TOKEN="))
                .singleElement().asString().contains("SameSite=Lax").contains("HttpOnly");
    }
}
