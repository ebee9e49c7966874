package org.sipas.reporting;

import java.time.Instant;

/**
 * One published version of a campaign's results, as a list of versions shows it.
 *
 * @param whatChanged the correction note (null for version 1)
 * @param changed     how many figures differ from the previous version
 */
public record SnapshotVersion(long snapshotId, long campaignId, int version, Instant approvedAt, String approvedBy,
                              String whatChanged, int changed) {
}
