package org.sipas.frame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;

/**
 * The errors of one import, every one up to a limit: a file wrong in every one of a million rows
 * must not turn into a million-line answer, and the first thousand already tell what to fix.
 */
final class DossierErrors {

    static final int SHOWN = 1000;

    private final String source;
    private final DossierOrigin origin;
    private final List<RowError> shown = new ArrayList<>();
    private long count;

    DossierErrors(String source, DossierOrigin origin) {
        this.source = source;
        this.origin = origin;
    }

    /** A problem with a field of the dossier at {@code line}, or with the whole dossier when {@code field} is null. */
    void add(long line, DossierField field, String code, Object... args) {
        count++;
        if (shown.size() < SHOWN) {
            shown.add(RowError.of(source, line, origin.nameOf(field), code, args));
        }
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** The rejection to throw: the errors in line order, and how many more were not listed. */
    ImportRejectedException rejection() {
        List<RowError> errors = new ArrayList<>(shown);
        errors.sort(Comparator.comparingLong(RowError::line));
        if (count > shown.size()) {
            errors.add(RowError.of(source, 0, null, "frame.import.moreErrors", count - shown.size()));
        }
        return new ImportRejectedException(source, errors);
    }
}
