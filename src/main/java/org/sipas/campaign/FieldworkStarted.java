package org.sipas.campaign;

/** Published in the transaction that sends a campaign to the field: its sample is locked from now on. */
public record FieldworkStarted(long campaignId) {
}
