package org.sipas.catalog;

import org.sipas.web.ImportResult;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * An import's rows sorted against what is stored: new records and changed ones are written, the
 * unchanged are left alone (a re-import of the same file writes nothing), and each change keeps
 * its before and after for the audit log.
 */
final class Changes<T> {

    /** A stored record that the file changes. */
    record Update<T>(String key, T before, T after) {
    }

    private final BiPredicate<T, T> same;
    private final List<T> written = new ArrayList<>();
    private final List<Update<T>> updates = new ArrayList<>();
    private int rows;
    private int inserted;

    /** @param same whether a stored record and a row mean the same thing, so nothing needs writing */
    Changes(BiPredicate<T, T> same) {
        this.same = same;
    }

    /** @param before the stored record, or null when the row is new */
    void compare(String key, T before, T after) {
        rows++;
        if (before == null) {
            inserted++;
            written.add(after);
        } else if (!same.test(before, after)) {
            written.add(after);
            updates.add(new Update<>(key, before, after));
        }
    }

    /** The new and the changed records, in the order of the file. */
    List<T> written() {
        return written;
    }

    List<Update<T>> updates() {
        return updates;
    }

    ImportResult result() {
        return ImportResult.of(rows, inserted, updates.size());
    }
}
