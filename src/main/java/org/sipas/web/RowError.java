package org.sipas.web;

import java.util.List;

/**
 * One problem found in an imported file: where it is and what is wrong, as a message code with
 * arguments so it reads in the user's language ({@code i18n/*}/messages*.properties).
 *
 * @param line   the line of the file (1 is the header); 0 when the problem is the whole file
 * @param column the column's name as in the header, or null when the whole row is wrong
 * @param args   the message's arguments; a text longer than 60 characters is kept as its start and length
 */
public record RowError(String file, long line, String column, String code, List<Object> args) {

    public RowError {
        // a value quoted back is cut short: a 5 MB cell must not come back a thousand times in one answer
        args = args == null ? List.of() : args.stream()
                .map(a -> a instanceof String text ? TabularReader.shown(text) : a)
                .toList();
    }

    public static RowError of(String file, long line, String column, String code, Object... args) {
        return new RowError(file, line, column, code, List.of(args));
    }
}
