package org.sipas.campaign;

/**
 * Published in the transaction that draws a sample the level above must approve before fieldwork:
 * who approves is told (by feedback's notifications, which campaign cannot call).
 *
 * @param drawnBy who drew it: four eyes, they are not asked to approve it
 */
public record SampleAwaitingApproval(long campaignId, String campaignName, long scopeUnitId, long seed, String drawnBy,
                                     boolean redrawnAfterReturn) {
}
