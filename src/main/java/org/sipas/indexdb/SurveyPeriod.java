package org.sipas.indexdb;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Comparator;

/**
 * The period a survey figure of the index database was measured over: its campaign's, from the
 * published snapshot it came from. A year holds one survey figure per unit, so when two campaigns of
 * the same methodology publish figures of the same unit and year (a province's quarterly campaigns,
 * or a quarterly and a yearly one), which one the year shows is decided here, never by which was
 * published last:
 * <ol>
 *   <li>a period covering the whole calendar year (the yearly campaign) outranks any part of it;</li>
 *   <li>then the period ending later (Q2 outranks Q1, whatever order they were approved in);</li>
 *   <li>then the longer period (the first half-year outranks Q2 alone);</li>
 *   <li>then the later publication (a second campaign of the very same period).</li>
 * </ol>
 * A correction of a campaign first forgets what its earlier versions stored, then competes like any
 * other publication.
 *
 * @param snapshotId the published snapshot the figures came from
 */
record SurveyPeriod(long snapshotId, LocalDate from, LocalDate to) {

    private static final Comparator<SurveyPeriod> RANK = Comparator.comparing(SurveyPeriod::coversItsYear)
            .thenComparing(SurveyPeriod::to)
            .thenComparing(SurveyPeriod::from, Comparator.reverseOrder())
            .thenComparingLong(SurveyPeriod::snapshotId);

    SurveyPeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("a period ends after it starts: " + from + " – " + to);
        }
    }

    /** The year the figures are stored under: the one the period starts in. */
    int year() {
        return from.getYear();
    }

    /** Whether the period covers the whole calendar year it is stored under. */
    boolean coversItsYear() {
        return !from.isAfter(LocalDate.of(year(), 1, 1)) && !to.isBefore(MonthDay.of(12, 31).atYear(year()));
    }

    /** Whether figures of this period replace those of {@code held} for the same unit and year. */
    boolean outranks(SurveyPeriod held) {
        return RANK.compare(this, held) > 0;
    }
}
