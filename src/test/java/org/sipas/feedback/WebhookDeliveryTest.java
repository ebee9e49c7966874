package org.sipas.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real HTTP receiver that answers 500 twice and then 200 gets the case on the third try, after
 * the backoff, with a signature it can check with the endpoint's secret; every attempt is in the
 * delivery log, and a manual redelivery sends it once more.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryTest {

    @Autowired
    FeedbackFixtures fixtures;
    @Autowired
    CaseOpener opener;
    @Autowired
    Webhooks webhooks;
    @Autowired
    WebhookDispatch dispatch;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;

    record Received(String body, String timestamp, String signature, String event) {
    }

    HttpServer receiver;
    final AtomicInteger calls = new AtomicInteger();
    final List<Received> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    void receiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int call = calls.incrementAndGet();
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("X-Sipas-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Sipas-Signature"), exchange.getRequestHeaders().getFirst("X-Sipas-Event")));
            int status = call <= 2 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stop() {
        receiver.stop(0);
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheSignedEventOnTheThirdTry() throws Exception {
        FeedbackFixtures.Place place = fixtures.place("FBW", 2);
        Webhooks.Created endpoint = users.runAs(place.admin(), () -> webhooks.create("Một cửa FBW",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "FBW-P"));
        Instant t0 = Instant.parse("2037-03-02T03:00:00Z");
        fixtures.rate(place, 0, "1", Map.of(), "fbw-key-0");
        opener.drain(t0);
        long delivery = jdbc.sql("SELECT id FROM webhook_delivery WHERE endpoint_id = :e").param("e", endpoint.endpoint().id())
                .query(Long.class).single();

        dispatch.deliver(t0);
        assertThat(calls.get()).isEqualTo(1);
        dispatch.deliver(t0.plusSeconds(29));
        assertThat(calls.get()).as("not before the backoff of 30 s").isEqualTo(1);
        dispatch.deliver(t0.plusSeconds(30));
        assertThat(calls.get()).isEqualTo(2);
        dispatch.deliver(t0.plusSeconds(30 + 59));
        assertThat(calls.get()).as("the second backoff is 60 s").isEqualTo(2);
        dispatch.deliver(t0.plusSeconds(30 + 60));
        assertThat(calls.get()).isEqualTo(3);

        Received third = received.get(2);
        assertThat(third.event()).isEqualTo("case.opened");
        assertThat(third.timestamp()).isEqualTo(Long.toString(t0.plusSeconds(90).getEpochSecond()));
        assertThat(third.signature()).isEqualTo("sha256=" + hmac(endpoint.secret(), third.timestamp() + "." + third.body()));
        assertThat(third.body()).contains("\"event\":\"case.opened\"").contains(place.dossier(0));
        assertThat(jdbc.sql("SELECT state FROM webhook_delivery WHERE id = :d").param("d", delivery).query(String.class).single())
                .isEqualTo("DELIVERED");
        assertThat(jdbc.sql("SELECT status FROM webhook_attempt WHERE delivery_id = :d ORDER BY at").param("d", delivery)
                .query(Integer.class).list()).containsExactly(500, 500, 200);

        dispatch.deliver(t0.plusSeconds(10_000));
        assertThat(calls.get()).as("delivered once").isEqualTo(3);
        users.runAs(place.admin(), () -> {
            webhooks.redeliver(endpoint.endpoint().id(), delivery);
            return null;
        });
        dispatch.deliver(Instant.now().plusSeconds(1));
        assertThat(calls.get()).as("a manual redelivery").isEqualTo(4);
        List<Webhooks.Attempt> log = users.runAs(place.admin(), () -> webhooks.attempts(endpoint.endpoint().id()));
        assertThat(log).hasSize(4);
    }

    /** The receiver's own check, written apart from the sender's code. */
    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(text.getBytes(StandardCharsets.UTF_8))) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
