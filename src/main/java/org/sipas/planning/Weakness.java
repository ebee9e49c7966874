package org.sipas.planning;

/**
 * A criterion offered to a unit as a weakness: one of its lowest in the published snapshot, with
 * the figures as published (design-weighted estimate, its 95% CI, the plain percentage, n).
 */
record Weakness(String criterion, String label, long n, Double estimatePct, Double ci95Low, Double ci95High, Double unweightedPct) {
}
