package org.sipas.collection.online;

import java.time.Duration;
import java.util.Optional;

import org.sipas.web.RateLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The open portal survey's allowance of the one public rate limiter ({@link RateLimit}) per client
 * address for its POSTs. The bucket is generous because a commune's office Wi-Fi or a mobile
 * carrier's NAT puts many citizens behind one address; it is there to stop a script, not a queue at
 * the counter.
 */
@Component
class PortalRateLimit {

    private final RateLimit limit;
    private final RateLimit.Allowance allowance;

    PortalRateLimit(RateLimit limit, @Value("${sipas.portal.rate-limit.burst:10}") int burst,
                    @Value("${sipas.portal.rate-limit.per-minute:5}") int perMinute) {
        this.limit = limit;
        this.allowance = new RateLimit.Allowance(burst, perMinute);
    }

    /** Takes a token for {@code client}: empty when the request may go on, else how long to wait. */
    Optional<Duration> take(String client) {
        return limit.take(client, allowance);
    }
}
