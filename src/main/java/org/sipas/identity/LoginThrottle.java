package org.sipas.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed log-ins per account and per client address, in PostgreSQL so that all nodes count the
 * same attempts. Past a number of failures each attempt, right or wrong, is refused until a delay
 * has passed, and every further failure doubles the delay: a guesser gets a few dozen tries a day
 * instead of thousands a minute. A successful log-in clears its account's count, not its
 * address's (one known password must not buy more guesses at other accounts). Failures and the
 * start of a block are in the audit log.
 *
 * <p>The time comes from a {@link Clock}, so that tests step over a delay instead of sleeping.
 */
@Component
class LoginThrottle {

    /** Where a log-in attempt came from: the client's address and the way in ({@code form} or {@code api}). */
    record Attempt(String username, String address, String channel) {

        String account() {
            String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
            return name.length() > 200 ? name.substring(0, 200) : name;
        }
    }

    private final JdbcClient jdbc;
    private final LoginThrottleProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    @Autowired
    LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties, AuditLog audit) {
        this(jdbc, properties, audit, Clock.systemUTC());
    }

    LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** How long this attempt must wait before it is even checked: empty when it may go on. */
    Optional<Duration> blocked(Attempt attempt) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        SELECT max(locked_until) FROM login_throttle
                        WHERE (kind = 'account' AND key = :account) OR (kind = 'address' AND key = :address)""")
                .param("account", attempt.account()).param("address", String.valueOf(attempt.address()))
                .query(Timestamp.class).optional()
                .map(Timestamp::toInstant)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    /** Counts a failed attempt against its account and its address, and blocks either once it has failed too often. */
    @Transactional
    void failed(Attempt attempt) {
        Instant now = clock.instant();
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            jdbc.sql("""
                            DELETE FROM login_throttle
                            WHERE greatest(last_failure_at, coalesce(locked_until, last_failure_at)) < :stale""")
                    .param("stale", Timestamp.from(now.minus(properties.window()))).update();
        }
        audit.record("login.failure", "login", attempt.account(), null, null,
                "address " + attempt.address() + ", " + attempt.channel());
        count("account", attempt.account(), properties.accountFailures(), now, attempt);
        if (attempt.address() != null) {
            count("address", attempt.address(), properties.addressFailures(), now, attempt);
        }
    }

    /** A right password: the account starts again from no failure. */
    void succeeded(Attempt attempt) {
        jdbc.sql("DELETE FROM login_throttle WHERE kind = 'account' AND key = :account")
                .param("account", attempt.account()).update();
    }

    private void count(String kind, String key, int allowed, Instant now, Attempt attempt) {
        // one statement under the row's lock, so two nodes counting at once both count
        int failures = jdbc.sql("""
                        INSERT INTO login_throttle AS t (kind, key, failures, last_failure_at) VALUES (:kind, :key, 1, :now)
                        ON CONFLICT (kind, key) DO UPDATE
                            SET failures = CASE WHEN greatest(t.last_failure_at, coalesce(t.locked_until, t.last_failure_at)) < :stale
                                                THEN 1 ELSE t.failures + 1 END,
                                last_failure_at = :now
                        RETURNING failures""")
                .param("kind", kind).param("key", key).param("now", Timestamp.from(now))
                .param("stale", Timestamp.from(now.minus(properties.window())))
                .query(Integer.class).single();
        if (failures < allowed) {
            return;
        }
        Duration delay = delay(failures - allowed);
        jdbc.sql("UPDATE login_throttle SET locked_until = :until WHERE kind = :kind AND key = :key")
                .param("until", Timestamp.from(now.plus(delay))).param("kind", kind).param("key", key).update();
        audit.record("login.throttled", "login", attempt.account(), null, null,
                kind + " " + key + " blocked for " + delay.toSeconds() + " s after " + failures + " failures");
    }

    /** The first delay, doubled for each failure past the allowed number, never longer than the longest. */
    private Duration delay(int beyond) {
        Duration delay = properties.firstDelay();
        for (int i = 0; i < beyond && delay.compareTo(properties.longestDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(properties.longestDelay()) > 0 ? properties.longestDelay() : delay;
    }
}
