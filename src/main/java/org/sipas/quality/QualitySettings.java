package org.sipas.quality;

import java.time.LocalTime;

/**
 * A campaign's thresholds (table {@code quality_setting}; the defaults where it has no row).
 *
 * @param countUntilDecided  submitted responses count in the dashboards until decided (labelled so)
 * @param recheckShare       the random share of each interviewer's interviews re-checked
 * @param idleGapSeconds     a pause longer than this between two steps is not answering time
 * @param straightLineMinimum rated answers at least, all one level, that make straight-lining
 */
record QualitySettings(boolean countUntilDecided, double recheckShare, int recheckMinPerInterviewer, int minActiveSeconds,
                       int idleGapSeconds, LocalTime workingFrom, LocalTime workingTo, int maxDailyInterviews,
                       int straightLineMinimum, double maxDistanceKm, double chiSquareAlpha, double discrepancyTolerance) {

    static final QualitySettings DEFAULTS = new QualitySettings(true, 0.10, 2, 300, 900, LocalTime.of(7, 0),
            LocalTime.of(21, 0), 30, 8, 20, 0.001, 0.20);
}
