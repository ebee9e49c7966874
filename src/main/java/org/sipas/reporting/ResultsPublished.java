package org.sipas.reporting;

/**
 * A version of a campaign's results was approved and published: published after its transaction
 * commits (listen with {@code @TransactionalEventListener}), so a listener reads it from
 * {@link Publications}.
 */
public record ResultsPublished(long campaignId, long snapshotId, int version) {
}
