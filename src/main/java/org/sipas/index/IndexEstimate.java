package org.sipas.index;

/**
 * One figure of an index tree for one domain: the columns of the estimation fixture's
 * {@code expected.csv}. A criterion with no valid answer in the domain is empty: every percentage
 * is {@code null} (NA), and its parent averages the children that have a value.
 *
 * @param index         the node's code (a criterion, an element, the overall index)
 * @param level         {@code criterion}, {@code element} or the overall index's level name
 * @param n             responses in the domain
 * @param unweightedPct plain percent of valid answers that are satisfied; inner nodes: their rule over the children's
 * @param estimatePct   design-weighted estimate, in percent
 * @param sePct         its linearised standard error (stratified, with finite population correction), in percent
 * @param ci95Low       estimate − 1.96·SE
 * @param ci95High      estimate + 1.96·SE
 */
public record IndexEstimate(String index, String level, long n, Double unweightedPct, Double estimatePct, Double sePct,
                            Double ci95Low, Double ci95High) {
}
