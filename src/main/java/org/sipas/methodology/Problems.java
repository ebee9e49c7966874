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

    private record Place(String file, long line) {
    }

    private final String file;
    private final Map<String, Place> places = new HashMap<>();
    private final List<RowError> errors = new ArrayList<>();

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
        places.putIfAbsent(path, new Place(inFile, line));
    }

    /** A problem at {@code path}, located on the line where that field (or its nearest parent) was read. */
    void add(String path, String code, Object... args) {
        Place place = placeOf(path);
        errors.add(RowError.of(place.file(), place.line(), path, "methodology.error." + code, args));
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
        return places.getOrDefault("", new Place(file, 0));
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
