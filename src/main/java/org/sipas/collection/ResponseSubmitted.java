package org.sipas.collection;

/**
 * Published by {@link ResponseStore} in the transaction that stores a response, for listeners that
 * act once it is committed ({@code @TransactionalEventListener}): the tallies fold it at once.
 *
 * @param campaignId the response's campaign, or null (a response outside every campaign)
 */
public record ResponseSubmitted(long responseId, Long campaignId, ResponseChannel channel, boolean sampled) {
}
