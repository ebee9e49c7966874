package org.sipas.collection.cati;

/** A call outcome or replacement that the case's state does not allow; the message is a key of the cati bundle. */
class CallRefused extends RuntimeException {

    CallRefused(String messageKey) {
        super(messageKey);
    }
}
