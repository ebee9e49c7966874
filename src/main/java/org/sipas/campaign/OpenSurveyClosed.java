package org.sipas.campaign;

/**
 * An open survey stopped taking answers (closed by its manager), in the transaction that closes it:
 * reporting publishes its results then when the survey's own setting says they publish themselves.
 *
 * @param scopeUnitId the unit whose survey it is
 */
public record OpenSurveyClosed(long campaignId, long scopeUnitId, boolean publishResults) {
}
