package org.sipas.web;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one rate limiter of the public endpoints: a token bucket per client address and purpose, kept
 * in PostgreSQL (table {@code portal_rate_limit}, created with the open portal survey) so that every
 * node behind the load balancer counts the same requests (nodes are stateless, DESIGN §1). One upsert
 * takes a token under the row's lock: {@code burst} requests at once, then {@code perMinute}.
 * The open portal survey's POSTs and the open-data API each have a bucket of their own per address
 * (the row's key is {@code purpose|address}; the survey's keeps the bare address it always had).
 *
 * <p>Behind a reverse proxy the client's address is the proxy's unless the application trusts its
 * forwarded headers ({@code server.forward-headers-strategy: native} or {@code framework}).
 * Addresses are kept an hour at most: a bucket untouched that long is full again and is deleted.
 */
@Component
public class RateLimit {

    /** How many requests a bucket lets through at once, and how fast it fills again. */
    public record Allowance(int burst, int perMinute) {

        public Allowance {
            if (burst < 1 || perMinute < 1) {
                throw new IllegalArgumentException("a rate limit needs a burst and a rate of at least 1: " + burst + ", " + perMinute);
            }
        }
    }

    private final JdbcClient jdbc;

    RateLimit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes a token from {@code key}'s bucket: empty when the request may go on, else how long to wait. */
    public Optional<Duration> take(String key, Allowance allowance) {
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            jdbc.sql("DELETE FROM portal_rate_limit WHERE updated_at < now() - interval '1 hour'").update();
        }
        double burst = allowance.burst();
        double perSecond = allowance.perMinute() / 60.0;
        boolean taken = jdbc.sql("""
                        INSERT INTO portal_rate_limit AS r (client, tokens, updated_at) VALUES (:client, :burst - 1, clock_timestamp())
                        ON CONFLICT (client) DO UPDATE
                            SET tokens = least(:burst, r.tokens + extract(epoch FROM clock_timestamp() - r.updated_at) * :rate) - 1,
                                updated_at = clock_timestamp()
                            WHERE least(:burst, r.tokens + extract(epoch FROM clock_timestamp() - r.updated_at) * :rate) >= 1""")
                .param("client", key).param("burst", burst).param("rate", perSecond).update() == 1;
        if (taken) {
            return Optional.empty();
        }
        double missing = jdbc.sql("""
                        SELECT 1 - least(:burst, tokens + extract(epoch FROM clock_timestamp() - updated_at) * :rate)
                        FROM portal_rate_limit WHERE client = :client""")
                .param("client", key).param("burst", burst).param("rate", perSecond)
                .query(Double.class).optional().orElse(1.0);
        return Optional.of(Duration.ofSeconds(Math.max(1, (long) Math.ceil(missing / perSecond))));
    }
}
