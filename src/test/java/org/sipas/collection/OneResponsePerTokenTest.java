package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** One submitted response per token, whatever the clients do: over real HTTP, against the real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OneResponsePerTokenTest {

    @LocalServerPort
    int port;
    @Autowired
    SurveyTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twentyConcurrentSubmitsOfOneTokenStoreExactlyOneResponse() throws Exception {
        String token = tokens.issue(SipasAnswers.CODE, 1, null, null);
        String body = json.writeValueAsString(Map.of("answers", SipasAnswers.typed()));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            for (int i = 0; i < 20; i++) {
                String key = "client-" + i + "-" + token;
                statuses.add(clients.submit(() -> {
                    start.await();
                    return post(token, body, key).statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get());
            }
            assertThat(codes).containsOnlyOnce(201).filteredOn(code -> code != 201).hasSize(19).containsOnly(409);
        } finally {
            clients.shutdownNow();
        }
        assertThat(responsesOf(token)).isEqualTo(1);
        assertThat(StoredAnswers.of(jdbc, json, token)).isEqualTo(SipasAnswers.stored());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstResult() throws Exception {
        String token = tokens.issue(SipasAnswers.CODE, 1, null, null);
        String body = json.writeValueAsString(Map.of("answers", SipasAnswers.typed()));

        HttpResponse<String> first = post(token, body, "retry-key-" + token);
        HttpResponse<String> retry = post(token, body, "retry-key-" + token);
        HttpResponse<String> another = post(token, body, "other-key-" + token);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(json.readTree(retry.body()).get("responseId").asLong())
                .isEqualTo(json.readTree(first.body()).get("responseId").asLong());
        assertThat(json.readTree(retry.body()).get("submittedAt").asString())
                .isEqualTo(json.readTree(first.body()).get("submittedAt").asString());
        assertThat(another.statusCode()).isEqualTo(409);
        assertThat(responsesOf(token)).isEqualTo(1);
    }

    @Test
    void answersThatBreakTheQuestionnairesRulesAreRefusedNamingTheQuestion() throws Exception {
        String token = tokens.issue(SipasAnswers.CODE, 1, null, null);
        Map<String, String> answers = new java.util.LinkedHashMap<>(SipasAnswers.typed());
        answers.put("c01", "7");
        answers.remove("c02");

        HttpResponse<String> refused = post(token, json.writeValueAsString(Map.of("answers", answers)), null);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"question\":\"c01\"").contains("\"question\":\"c02\"");
        assertThat(responsesOf(token)).isZero();
        assertThat(tokens.find(token).orElseThrow().isUsed()).isFalse();
    }

    private HttpResponse<String> post(String token, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/s/" + token + "/response"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long responsesOf(String token) {
        return jdbc.sql("SELECT count(*) FROM response WHERE token = :t").param("t", token).query(Long.class).single();
    }
}
