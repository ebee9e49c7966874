package org.sipas.reporting;

/**
 * A figure that differs between a version and the one before it: one node of the index tree in one
 * domain of one series, its estimate (the unweighted percentage outside the sample) and n before and
 * after. A figure that appears or disappears has null on the side where it is missing.
 */
public record FigureChange(String series, String domainKind, String domainCode, String domainName, String index,
                           Double before, Double after, Long nBefore, Long nAfter) {
}
