package org.sipas.web;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;

/** One data row of an imported CSV or XLSX file, with the line it came from. */
public record TabularRow(String file, long line, Map<String, Integer> header, List<String> cells) {

    /**
     * The trimmed cell of a column (names are matched case-insensitively) in Unicode's composed
     * form (NFC: a Mac's or Windows-1258's decomposed "Nguyễn" becomes the one everyone else
     * types), or null when empty.
     */
    public String get(String column) {
        Integer i = header.get(TabularReader.normalise(column));
        if (i == null || i >= cells.size()) {
            return null;
        }
        String value = cells.get(i);
        if (value == null) {
            return null;
        }
        value = value.strip();
        if (value.isEmpty()) {
            return null;
        }
        return Normalizer.isNormalized(value, Normalizer.Form.NFC) ? value : Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    public boolean has(String column) {
        return header.containsKey(TabularReader.normalise(column));
    }

    public RowError error(String column, String code, Object... args) {
        return RowError.of(file, line, column, code, args);
    }

    /** The error of a value longer than {@code limit} characters, saying both lengths. */
    public RowError tooLong(String column, String value, int limit) {
        return error(column, "import.value.tooLong", value.length(), limit);
    }
}
