package org.sipas.collection.online;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client address for the open portal's POSTs, kept in PostgreSQL so that every
 * node behind the load balancer counts the same requests (nodes are stateless, DESIGN §1). One
 * upsert takes a token under the row's lock: {@code burst} requests at once, then {@code per-minute}.
 * The bucket is generous because a commune's office Wi-Fi or a mobile carrier's NAT puts many
 * citizens behind one address; it is there to stop a script, not a queue at the counter.
 *
 * <p>Behind a reverse proxy the client's address is the proxy's unless the application trusts its
 * forwarded headers ({@code server.forward-headers-strategy: native} or {@code framework}).
 * Addresses are kept an hour at most: a bucket untouched that long is full again and is deleted.
 */
@Component
class PortalRateLimit {

    private final JdbcClient jdbc;
    private final int burst;
    private final double perSecond;

    PortalRateLimit(JdbcClient jdbc, @Value("${sipas.portal.rate-limit.burst:10}") int burst,
                    @Value("${sipas.portal.rate-limit.per-minute:5}") int perMinute) {
        this.jdbc = jdbc;
        this.burst = burst;
        this.perSecond = perMinute / 60.0;
    }

    /** Takes a token for {@code client}: empty when the request may go on, else how long to wait. */
    Optional<Duration> take(String client) {
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            jdbc.sql("DELETE FROM portal_rate_limit WHERE updated_at < now() - interval '1 hour'").update();
        }
        boolean taken = jdbc.sql("""
                        INSERT INTO portal_rate_limit AS r (client, tokens, updated_at) VALUES (:client, :burst - 1, clock_timestamp())
                        ON CONFLICT (client) DO UPDATE
                            SET tokens = least(:burst, r.tokens + extract(epoch FROM clock_timestamp() - r.updated_at) * :rate) - 1,
                                updated_at = clock_timestamp()
                            WHERE least(:burst, r.tokens + extract(epoch FROM clock_timestamp() - r.updated_at) * :rate) >= 1""")
                .param("client", client).param("burst", (double) burst).param("rate", perSecond).update() == 1;
        if (taken) {
            return Optional.empty();
        }
        double missing = jdbc.sql("""
                        SELECT 1 - least(:burst, tokens + extract(epoch FROM clock_timestamp() - updated_at) * :rate)
                        FROM portal_rate_limit WHERE client = :client""")
                .param("client", client).param("burst", (double) burst).param("rate", perSecond)
                .query(Double.class).optional().orElse(1.0);
        return Optional.of(Duration.ofSeconds(Math.max(1, (long) Math.ceil(missing / perSecond))));
    }
}
