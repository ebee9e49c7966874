package org.sipas;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in a test that sets the time: the application's own threads (the case
 * opener judging a response after its commit, a scheduled job) see the test's time as the test's
 * own calls do.
 */
public final class SettableClock extends Clock {

    private volatile Instant now;

    public SettableClock() {
        this(Instant.now());
    }

    public SettableClock(Instant start) {
        this.now = start;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void step(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
