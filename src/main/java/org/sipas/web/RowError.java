package org.sipas.web;

import java.util.List;

/**
 * One problem found in an imported file: where it is and what is wrong, as a message code with
 * arguments so it reads in the user's language ({@code i18n/*}/messages*.properties).
 *
 * @param line   the line of the file (1 is the header); 0 when the problem is the whole file
 * @param column the column's name as in the header, or null when the whole row is wrong
 */
public record RowError(String file, long line, String column, String code, List<Object> args) {

    public RowError {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static RowError of(String file, long line, String column, String code, Object... args) {
        return new RowError(file, line, column, code, List.of(args));
    }
}
