package org.sipas.index;

/**
 * The sufficient statistics of one stratum for one domain, over the criteria of an index tree in a
 * fixed order (criterion k is row and column k of every array): everything an estimate and its
 * standard error need, so that estimating costs O(strata × criteria²) and never reads responses.
 * For a response i of the stratum, x_ik is 1 when its answer to criterion k is valid (on the scale,
 * not an excluded code) and y_ik is 1 when it is also satisfied; both are 0 outside the domain.
 *
 * @param stratum        the stratum's key (a unit's code, or unit and period)
 * @param populationSize N_h, the stratum's dossiers in the frame (finite population correction)
 * @param sampleSize     n_h, the stratum's responses that count, in the domain or not: a domain
 *                       that cuts across strata is a subpopulation, as R's {@code svyby} treats it
 * @param domainCount    the stratum's responses that count and lie in the domain
 * @param valid          Σ_i x_ik
 * @param satisfied      Σ_i y_ik
 * @param satisfiedBySatisfied Σ_i y_ik·y_il (symmetric)
 * @param satisfiedByValid     Σ_i y_ik·x_il (row k satisfied, column l valid)
 * @param validByValid         Σ_i x_ik·x_il (symmetric)
 */
public record StratumTotals(String stratum, long populationSize, long sampleSize, long domainCount,
                            long[] valid, long[] satisfied,
                            long[][] satisfiedBySatisfied, long[][] satisfiedByValid, long[][] validByValid) {
}
