package org.sipas.collection.capi;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Why the server will not take what a device synced, to show the interviewer: the device keeps
 * the item aside for a supervisor instead of sending it again and again.
 *
 * @param key    message key of the collection-capi bundle
 * @param errors each field or question at fault with what is wrong, in the caller's language
 */
class Refusal extends RuntimeException {

    /** One field (startedAt, caseId, …) or question name, and what is wrong with it. */
    record FieldError(String field, String message) {
    }

    private final HttpStatus status;
    private final String key;
    private final Object[] args;
    private final List<FieldError> errors;

    Refusal(HttpStatus status, String key, Object... args) {
        this(status, List.of(), key, args);
    }

    Refusal(HttpStatus status, List<FieldError> errors, String key, Object... args) {
        super(key);
        this.status = status;
        this.key = key;
        this.args = args;
        this.errors = List.copyOf(errors);
    }

    HttpStatus status() {
        return status;
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args;
    }

    List<FieldError> errors() {
        return errors;
    }
}
