package org.sipas.campaign;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * The dossiers a campaign samples from: those received from {@code from} to {@code to}, both
 * inclusive, in Vietnamese time. A month, quarter or year runs to its last day.
 */
record Period(Kind kind, LocalDate from, LocalDate to) {

    enum Kind {
        MONTH, QUARTER, YEAR, CUSTOM
    }

    Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("campaign.period.invalid");
        }
    }

    /** The month, quarter or year containing {@code day}; for CUSTOM, {@code from} to {@code to}. */
    static Period of(Kind kind, LocalDate from, LocalDate to) {
        return switch (kind) {
            case MONTH -> new Period(kind, from.withDayOfMonth(1), from.withDayOfMonth(from.lengthOfMonth()));
            case QUARTER -> {
                LocalDate start = from.withMonth(3 * (from.get(IsoFields.QUARTER_OF_YEAR) - 1) + 1).withDayOfMonth(1);
                yield new Period(kind, start, start.plusMonths(3).minusDays(1));
            }
            case YEAR -> new Period(kind, from.withDayOfYear(1), from.withDayOfYear(from.lengthOfYear()));
            case CUSTOM -> new Period(kind, from, to);
        };
    }

    /** The period after this one under a schedule: the next month or quarter. */
    Period next(Schedule schedule) {
        return switch (schedule) {
            case MONTHLY -> of(Kind.MONTH, to.plusDays(1), null);
            case QUARTERLY -> of(Kind.QUARTER, to.plusDays(1), null);
            case ONE_OFF -> throw new IllegalStateException("a one-off campaign has no next period");
        };
    }

    enum Schedule {
        ONE_OFF, MONTHLY, QUARTERLY
    }
}
