package org.sipas.methodology;

import java.util.List;

/**
 * An alert rule as a methodology file carries it ({@code alerts:} in YAML, the {@code alerts} sheet
 * of an XLSForm): the rules a version starts with, and the rules a download of it carries as they
 * are in force (edited since at {@code /feedback/rules}).
 *
 * @param questions the questions it reads
 * @param codes     ANSWER_IN: the answer codes that alert
 * @param level     RATING_AT_MOST: the highest level that alerts
 * @param words     WATCH_LIST: the words to find in open text (with or without diacritics)
 * @param channels  the response channels it applies to (WEB, KIOSK, CATI …); empty: every channel
 * @param label     what the case is called, in Vietnamese
 */
public record AlertDeclaration(String code, AlertKind kind, List<String> questions, List<String> codes, Integer level,
                               List<String> words, List<String> channels, AlertSeverity severity, String label,
                               boolean enabled) {

    public AlertDeclaration {
        questions = questions == null ? List.of() : List.copyOf(questions);
        codes = codes == null ? List.of() : List.copyOf(codes);
        words = words == null ? List.of() : List.copyOf(words);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** Questions, codes or channels written in one text (a sheet's cell, the editor's field): cut at spaces or commas. */
    public static List<String> names(String text) {
        return cut(text, "[,\\s]+");
    }

    /** The watch list's words written in one text: they hold spaces, so they are cut at commas only. */
    public static List<String> words(String text) {
        return cut(text, ",");
    }

    private static List<String> cut(String text, String separator) {
        if (text == null) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(separator)).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }
}
