package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * With the token reads gathered switched off ({@code sipas.collection.gather-token-reads=false}, or
 * ResponseBenchmark's {@code no-token-gathering} turning it on the running server), the token API
 * answers as it does with them gathered: a known token's response stored (201), a retry answered
 * as the first time, an unknown token 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenReadsAloneTest {

    @LocalServerPort
    int port;
    @Autowired
    SurveyTokens tokens;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theTokenApiAnswersAlikeWhetherItsTokenReadsAreGatheredOrEachAlone() throws Exception {
        String body = json.writeValueAsString(Map.of("answers", SipasAnswers.typed()));
        String gathered = tokens.issue(SipasAnswers.CODE, 1, null, null);
        String alone = tokens.issue(SipasAnswers.CODE, 1, null, null);

        assertThat(post(gathered, body).statusCode()).isEqualTo(201);
        tokens.gatherReads(false);
        try {
            assertThat(tokens.findAmongOthers(alone)).isEqualTo(tokens.find(alone)).isPresent();
            assertThat(post(alone, body).statusCode()).isEqualTo(201);
            assertThat(post(alone, body).statusCode()).isEqualTo(200);
            assertThat(post(gathered, body).statusCode()).isEqualTo(200);
            assertThat(post("no-such-token-alone", body).statusCode()).isEqualTo(404);
        } finally {
            tokens.gatherReads(true);
        }
        assertThat(post(alone, body).statusCode()).isEqualTo(200);
        assertThat(post("no-such-token-gathered", body).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> post(String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/s/" + token + "/response"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "alone-key-" + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
