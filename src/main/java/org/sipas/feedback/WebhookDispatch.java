package org.sipas.feedback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Posts the due webhook deliveries (one node at a time), signed ({@link WebhookSignature}); every
 * attempt is logged ({@code webhook_attempt}). A failed attempt (no 2xx, no answer in 10 s) is
 * tried again after {@code backoff × 2^(attempts−1)}; after {@code max-attempts} the delivery is
 * FAILED until someone redelivers it by hand.
 */
@Service
class WebhookDispatch {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatch.class);

    private final JdbcClient jdbc;
    private final JobLock lock;
    private final Duration backoff;
    private final int maxAttempts;

    WebhookDispatch(JdbcClient jdbc, JobLock lock, @Value("${sipas.feedback.webhooks.backoff}") Duration backoff,
                    @Value("${sipas.feedback.webhooks.max-attempts}") int maxAttempts) {
        this.jdbc = jdbc;
        this.lock = lock;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
    }

    /**
     * The client is made at the first delivery, not with the bean: building one sets up the JDK's TLS
     * (providers, trust store), a few hundred milliseconds of every start for an installation that
     * may have no webhook at all (bench/README.md, FootprintBenchmark).
     */
    private static final class Client {
        static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    private record Due(long id, String event, String body, int attempts, String url, String secret) {
    }

    /** Tries the deliveries due at {@code now}; returns those delivered. */
    int deliver(Instant now) {
        return lock.exclusively("webhooks", now, 0, () -> {
            List<Due> due = jdbc.sql("""
                            SELECT d.id, d.event, d.body, d.attempts, e.url, e.secret
                            FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
                            WHERE d.state = 'PENDING' AND d.next_attempt_at <= :now AND e.enabled
                            ORDER BY d.next_attempt_at, d.id LIMIT 50""")
                    .param("now", Timestamp.from(now)).query(Due.class).list();
            int delivered = 0;
            for (Due d : due) {
                if (attempt(d, now)) {
                    delivered++;
                }
            }
            return delivered;
        });
    }

    private boolean attempt(Due d, Instant now) {
        long timestamp = now.getEpochSecond();
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            HttpResponse<Void> answer = Client.HTTP.send(HttpRequest.newBuilder(URI.create(d.url())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(d.secret(), timestamp, d.body()))
                    .header(WebhookSignature.EVENT, d.event()).header(WebhookSignature.DELIVERY, Long.toString(d.id()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.body())).build(), HttpResponse.BodyHandlers.discarding());
            status = answer.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = e.toString();
        } catch (Exception e) {
            error = e.toString();
        }
        int millis = (int) ((System.nanoTime() - started) / 1_000_000);
        boolean ok = status != null && status >= 200 && status < 300;
        jdbc.sql("INSERT INTO webhook_attempt (delivery_id, at, status, error, millis) VALUES (:d, :at, :s, :e, :m)")
                .param("d", d.id()).param("at", Timestamp.from(now)).param("s", status).param("e", error).param("m", millis).update();
        int attempts = d.attempts() + 1;
        if (ok) {
            jdbc.sql("UPDATE webhook_delivery SET state = 'DELIVERED', attempts = :a, delivered_at = :now WHERE id = :id")
                    .param("a", attempts).param("now", Timestamp.from(now)).param("id", d.id()).update();
        } else {
            Instant next = now.plus(backoff.multipliedBy(1L << Math.min(attempts - 1, 20)));
            log.info("webhook delivery {} to {} failed (attempt {}): {}", d.id(), d.url(), attempts, status != null ? status : error);
            jdbc.sql("UPDATE webhook_delivery SET attempts = :a, next_attempt_at = :next, state = :state WHERE id = :id")
                    .param("a", attempts).param("next", Timestamp.from(next))
                    .param("state", attempts >= maxAttempts ? "FAILED" : "PENDING").param("id", d.id()).update();
        }
        return ok;
    }
}
