package org.sipas.methodology;

/**
 * What an alert rule of a methodology looks for in a response's answers (the {@code alerts} of a
 * methodology file, the rules feedback evaluates; V40 describes each).
 */
public enum AlertKind {
    /** An answer outside its scale's satisfied levels (not a "no answer" code): officials, the counter rating. */
    NOT_SATISFIED,
    /** An answer among the rule's codes: harassment or fees beyond the rules reported. */
    ANSWER_IN,
    /** A valid rating at or below the rule's level (an overall rating). */
    RATING_AT_MOST,
    /** An open text holding a word of the watch list, with or without Vietnamese diacritics. */
    WATCH_LIST;

    /** The kind a file names: {@code NOT_SATISFIED}, {@code not_satisfied} or {@code not-satisfied}; null when none. */
    public static AlertKind parse(String text) {
        String name = text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (AlertKind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
