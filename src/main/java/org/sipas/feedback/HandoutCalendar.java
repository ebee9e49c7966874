package org.sipas.feedback;

import java.time.Instant;

import org.sipas.collection.paper.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * The holiday calendar of the SLA lent to paper hand-outs, whose batches are due in working days:
 * one {@code public_holiday} table for both, and collection stays below feedback.
 */
@Component
class HandoutCalendar implements WorkingCalendar {

    private final WorkingDays days;

    HandoutCalendar(WorkingDays days) {
        this.days = days;
    }

    @Override
    public Instant add(Instant from, int workingDays) {
        return days.add(from, workingDays);
    }

    @Override
    public int between(Instant from, Instant to) {
        return days.between(from, to);
    }
}
