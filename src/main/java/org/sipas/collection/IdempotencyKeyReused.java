package org.sipas.collection;

/**
 * A submit refused because its idempotency key already names another respondent's submit (another
 * token, another case of the same channel): the key is the client's promise that this is a retry,
 * and it is not one. Nothing of the submission is written, and its token stays open; the client
 * sends it again under a key of its own.
 */
public class IdempotencyKeyReused extends RuntimeException {

    private final String key;

    public IdempotencyKeyReused(String key) {
        super("idempotency key " + key + " was used for another submit");
        this.key = key;
    }

    /** The key as the client sent it. */
    public String key() {
        return key;
    }
}
