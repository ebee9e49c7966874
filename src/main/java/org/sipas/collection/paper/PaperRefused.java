package org.sipas.collection.paper;

import java.util.List;

/**
 * A paper that may not be keyed or settled now, and why: a message key of the paper bundle with
 * its arguments, shown next to the paper number field.
 */
class PaperRefused extends RuntimeException {

    private final String key;
    private final List<Object> args;

    PaperRefused(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = List.of(args);
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.toArray();
    }
}
