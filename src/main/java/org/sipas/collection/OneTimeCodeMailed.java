package org.sipas.collection;

import java.time.Instant;

/**
 * A one-time code of an open survey to be mailed to the address that asked for it, in the
 * request's own transaction (the code is stored only as a hash; the mail outbox carries it once).
 *
 * @param expiresAt when the code stops being accepted
 */
public record OneTimeCodeMailed(long campaignId, String campaignName, String recipient, String code, Instant expiresAt) {

    @Override
    public String toString() {
        // an event may be logged: never with the code or the address in it
        return "OneTimeCodeMailed[campaign=" + campaignId + "]";
    }
}
