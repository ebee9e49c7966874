package org.sipas.collection.paper;

import java.time.Instant;

/**
 * The working days a hand-out is due in: Saturdays, Sundays and public holidays do not count.
 * Implemented by feedback's holiday calendar (the one {@code public_holiday} table of the SLA), so
 * collection keeps its place below feedback and the calendar stays one.
 */
public interface WorkingCalendar {

    /** The moment {@code days} working days after {@code from}. */
    Instant add(Instant from, int days);

    /** Whole working days from {@code from} to {@code to} (0 on the same day). */
    int between(Instant from, Instant to);
}
