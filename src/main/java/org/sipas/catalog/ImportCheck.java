package org.sipas.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;
import org.sipas.web.TabularRow;

/**
 * The errors of one imported file, gathered over every row so that a user fixes the file in one
 * pass, and the checks all catalog imports share.
 */
final class ImportCheck {

    /** Codes end up in URLs (/units/00004) and paths (/VN/01/00004/): letters, digits, dot, dash, underscore. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]+");

    private final String file;
    private final List<RowError> errors = new ArrayList<>();
    private final Map<String, Long> firstLines = new HashMap<>();

    ImportCheck(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(RowError error) {
        errors.add(error);
    }

    /** An error found once the whole file was read, when only the line is left of the row. */
    void add(long line, String column, String code, Object... args) {
        errors.add(RowError.of(file, line, column, code, args));
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The cell of a required column no longer than {@code limit}, or null after noting what is wrong. */
    String required(TabularRow row, String column, int limit) {
        String value = row.get(column);
        if (value == null) {
            add(row.error(column, "import.value.required"));
        }
        return withinLimit(row, column, value, limit);
    }

    /** The cell of an optional column no longer than {@code limit}; null when empty or after noting it is too long. */
    String optional(TabularRow row, String column, int limit) {
        return withinLimit(row, column, row.get(column), limit);
    }

    private String withinLimit(TabularRow row, String column, String value, int limit) {
        if (value != null && value.length() > limit) {
            add(row.tooLong(column, value, limit));
            return null;
        }
        return value;
    }

    /** A required code that must be safe in a URL and fit {@link CatalogLimits#CODE}, or null after noting what is wrong. */
    String code(TabularRow row, String column) {
        String code = required(row, column, CatalogLimits.CODE);
        if (code != null && !CODE.matcher(code).matches()) {
            add(row.error(column, "catalog.code.invalid", code));
            return null;
        }
        return code;
    }

    /** Whether this is the first row of the file with {@code key}; a later one is noted as a duplicate. */
    boolean firstOccurrence(TabularRow row, String column, String key) {
        Long first = firstLines.putIfAbsent(key, row.line());
        if (first != null) {
            add(row.error(column, "import.value.duplicate", first));
            return false;
        }
        return true;
    }

    /** Throws, with every error in file order, when any was found: nothing is then written. */
    void rejectIfAny() {
        if (hasErrors()) {
            errors.sort(Comparator.comparingLong(RowError::line));
            throw new ImportRejectedException(file, errors);
        }
    }
}
