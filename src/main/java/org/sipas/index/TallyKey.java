package org.sipas.index;

/**
 * Which tally row a response adds to: its campaign and series, its stratum (0 outside the sample)
 * and unit, and one of its domains ({@link Domain#WHOLE_STRATUM} and "" for the whole stratum).
 */
record TallyKey(long campaignId, Series series, long stratumId, long unitId, String domainKind, String domainValue) {
}
