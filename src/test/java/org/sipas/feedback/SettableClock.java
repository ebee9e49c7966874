package org.sipas.feedback;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in a test that sets the time: the opener also judges a response at once
 * after its commit, on its own thread, and must see the test's time as the test's own calls do.
 */
final class SettableClock extends Clock {

    private volatile Instant now = Instant.now();

    void set(Instant instant) {
        now = instant;
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
