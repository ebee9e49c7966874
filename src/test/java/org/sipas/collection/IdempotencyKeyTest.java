package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * An idempotency key names one submit of one respondent: a retry with it gets that submit back,
 * and the same key sent for another token is refused as the client's mistake (422, naming the
 * key), never answered with the other respondent's response, and never closing the new token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyKeyTest {

    @LocalServerPort
    int port;
    @Autowired
    SurveyTokens tokens;
    @Autowired
    ResponseStore store;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aKeyAlreadyUsedOnAnotherTokenIsA422NamingItAndTheNewTokenStaysOpenForItsOwnSubmit() throws Exception {
        String first = tokens.issue(SipasAnswers.CODE, 1, null, null);
        String second = tokens.issue(SipasAnswers.CODE, 1, null, null);
        String body = json.writeValueAsString(Map.of("answers", SipasAnswers.typed()));
        String key = "shared-key-" + first;

        HttpResponse<String> stored = post(first, body, key);
        HttpResponse<String> reused = post(second, body, key);

        assertThat(stored.statusCode()).isEqualTo(201);
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(reused.body()).get("type").asString()).isEqualTo("urn:sipas:problem:idempotency-key-reused");
        assertThat(reused.body()).contains(key).doesNotContain(json.readTree(stored.body()).get("responseId").asString());
        assertThat(tokens.find(second).orElseThrow().isUsed()).isFalse();
        assertThat(responsesOf(second)).isZero();

        HttpResponse<String> own = post(second, body, "own-key-" + second);
        assertThat(own.statusCode()).isEqualTo(201);
        assertThat(responsesOf(second)).isOne();
        assertThat(responsesOf(first)).isOne();
    }

    @Test
    void aBatchHoldingAKeyOfAnotherTokenStoresItsNeighboursAndRefusesOnlyThatOne() {
        String earlier = tokens.issue("mot-cua-2018", 1, null, null);
        String before = tokens.issue("mot-cua-2018", 1, null, null);
        String reusing = tokens.issue("mot-cua-2018", 1, null, null);
        String after = tokens.issue("mot-cua-2018", 1, null, null);
        store.submit(answer(earlier, "taken-" + earlier));

        List<ResponseStore.Outcome> outcomes = store.storeTogether(Stream.of(answer(before, "own-" + before),
                answer(reusing, "taken-" + earlier), answer(after, "own-" + after)).map(store::row).toList());

        assertThat(outcomes.get(0).stored().created()).isTrue();
        assertThat(outcomes.get(1).refusal()).isInstanceOfSatisfying(IdempotencyKeyReused.class,
                refused -> assertThat(refused.key()).isEqualTo("taken-" + earlier));
        assertThat(outcomes.get(2).stored().created()).isTrue();
        assertThat(tokens.find(reusing).orElseThrow().isUsed()).isFalse();
        assertThat(List.of(responsesOf(before), responsesOf(reusing), responsesOf(after))).containsExactly(1L, 0L, 1L);
    }

    @Test
    void twoTokensSendingTheSameKeyInOneBatchStoreTheFirstAndRefuseTheSecond() {
        String one = tokens.issue("mot-cua-2018", 1, null, null);
        String two = tokens.issue("mot-cua-2018", 1, null, null);

        List<ResponseStore.Outcome> outcomes = store.storeTogether(Stream.of(answer(one, "same-moment-" + one),
                answer(two, "same-moment-" + one)).map(store::row).toList());

        assertThat(outcomes.get(0).stored().created()).isTrue();
        assertThat(outcomes.get(1).refusal()).isInstanceOf(IdempotencyKeyReused.class);
        assertThat(tokens.find(two).orElseThrow().isUsed()).isFalse();
    }

    @Test
    void aCitizensKeyCannotTakeTheKeyOfAnInterviewersSubmit() {
        InField campaign = fixtures.inField("IDKA", "mot-cua-2018", 10, Map.of("PHONE", 1));
        FieldCase called = campaign.cases().get(0);
        String citizen = tokens.issue("mot-cua-2018", 1, null, null);
        String formKey = "cati-form-" + called.id() + "-" + citizen;
        store.submit(answer(citizen, formKey));

        ResponseStore.Stored interview = store.store(Submission.of(ResponseChannel.CATI, "mot-cua-2018", 1, called.unitId(),
                        Map.of("satisfaction", "3"), Instant.now())
                .forCase(called.campaignId(), called.stratumId(), called.id(), called.dossierId())
                .collectedBy("dtv-idka").withIdempotencyKey(formKey));

        assertThat(interview.created()).isTrue();
        assertThat(jdbc.sql("SELECT channel FROM response WHERE id = :id").param("id", interview.responseId())
                .query(String.class).single()).isEqualTo("CATI");
    }

    private Submission answer(String token, String key) {
        return Submission.of(ResponseChannel.WEB, "mot-cua-2018", 1, null, Map.of("satisfaction", "3"), Instant.now())
                .withToken(token).withIdempotencyKey(key);
    }

    private HttpResponse<String> post(String token, String body, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/s/" + token + "/response"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long responsesOf(String token) {
        return jdbc.sql("SELECT count(*) FROM response WHERE token = :t").param("t", token).query(Long.class).single();
    }
}
