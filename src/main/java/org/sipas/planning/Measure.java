package org.sipas.planning;

import java.time.LocalDate;

/**
 * One row of a unit's improvement plan: the weakness it answers (a criterion of the index with its
 * published figure and 95% CI, or the unit's own words), the measure, who carries it out and by
 * when; and, at the period's end, what was done.
 *
 * @param id        null before it is stored
 * @param criterion the criterion's code, or null for a weakness in the unit's own words
 */
record Measure(Long id, int ordinal, String criterion, String weakness, Double estimatePct, Double ci95Low, Double ci95High,
               String measure, String owner, LocalDate dueOn, Outcome outcome, String outcomeNote) {

    /** What the unit reports it did with a measure. */
    enum Outcome { DONE, PARTLY, NOT_DONE }
}
