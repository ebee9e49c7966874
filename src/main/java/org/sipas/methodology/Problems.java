package org.sipas.methodology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;

/**
 * Every problem found in one methodology file, each at its place: the file (or the sheet of a
 * workbook), the line, and the field path such as {@code sections[2].questions[3].relevant}.
 * Readers record where each path was read; checks of the model name a path and find its line
 * here, so the same checks serve YAML and XLSForm.
 */
final class Problems {

    /** @param column the column header as written, for a place in a sheet; null in a YAML file (the path names the field) */
    private record Place(String file, long line, String column, boolean inSheet) {
    }

    private final String file;
    private final Map<String, Place> places = new HashMap<>();
    private final List<RowError> errors = new ArrayList<>();
    private final List<RowError> warnings = new ArrayList<>();
    /** Causes already reported: one error per cause, however many paths lead to it. */
    private final java.util.Set<String> causes = new java.util.HashSet<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void place(String path, long line) {
        place(path, file, line);
    }

    void place(String path, String inFile, long line) {
        places.putIfAbsent(path, new Place(inFile, line, null, false));
    }

    /** Where a field of a sheet was read: the sheet, the spreadsheet's row number and the column header as written. */
    void placeCell(String path, String sheet, long row, String column) {
        places.putIfAbsent(path, new Place(sheet, row, column, true));
    }

    /**
     * A problem at {@code path}, located on the line where that field (or its nearest parent) was
     * read: in a YAML file named by its path, in a sheet by its column header as written.
     */
    void add(String path, String code, Object... args) {
        Place place = placeOf(path);
        String column = place.inSheet() ? place.column() : path;
        if (place.inSheet() && column == null && errors.stream()
                .anyMatch(e -> e.file().equals(place.file()) && e.line() == place.line())) {
            return; // a problem of a whole row whose cell was already named follows from that cell's problem
        }
        if (causes.add(place.file() + "|" + place.line() + "|" + column + "|" + code + "|" + java.util.Arrays.toString(args))) {
            errors.add(RowError.of(place.file(), place.line(), column, "methodology.error." + code, args));
        }
    }

    /** A problem at a cell known directly (a sheet's own row and header). */
    void addInSheet(String sheet, long row, String column, String code, Object... args) {
        if (causes.add(sheet + "|" + row + "|" + column + "|" + code + "|" + java.util.Arrays.toString(args))) {
            errors.add(RowError.of(sheet, row, column, "methodology.error." + code, args));
        }
    }

    /**
     * Something the form holds that sipas reads but does not act on (a column it keeps without
     * using it, a row left out): the upload is stored and answers with every warning.
     */
    void warn(String sheet, long row, String column, String code, Object... args) {
        warnings.add(RowError.of(sheet, row, column, "methodology.warning." + code, args));
    }

    /** Rows the reader left out (a calculate, a metadata row) by the name they had, where they stand. */
    private final Map<String, Place> leftOut = new HashMap<>();

    void leftOut(String name, String sheet, long row, String column) {
        leftOut.putIfAbsent(name, new Place(sheet, row, column, true));
    }

    /**
     * An expression reads a name: when it is a row left out, that row is the one cause, named
     * once at its own place however many expressions read it. False when the name is no such row.
     */
    boolean readsLeftOut(String name) {
        Place place = leftOut.get(name);
        if (place == null) {
            return false;
        }
        addInSheet(place.file(), place.line(), place.column(), "readsLeftOut", name);
        return true;
    }

    List<RowError> warnings() {
        return List.copyOf(warnings);
    }

    /** A problem at a line known directly (a syntax error of the file itself). */
    void addAt(long line, String path, String code, Object... args) {
        errors.add(RowError.of(file, line, path, "methodology.error." + code, args));
    }

    boolean any() {
        return !errors.isEmpty();
    }

    List<RowError> errors() {
        return List.copyOf(errors);
    }

    void rejectIfAny() {
        if (any()) {
            throw new ImportRejectedException(file, errors);
        }
    }

    private Place placeOf(String path) {
        String at = path;
        while (!at.isEmpty()) {
            Place place = places.get(at);
            if (place != null) {
                return place;
            }
            at = parent(at);
        }
        return places.getOrDefault("", new Place(file, 0, null, false));
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
