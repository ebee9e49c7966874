package org.sipas.feedback;

/** What an alert rule looks for in a response's answers (V40 describes each). */
enum RuleKind {
    /** An answer outside its scale's satisfied levels (not a "no answer" code): officials, the counter rating. */
    NOT_SATISFIED,
    /** An answer among the rule's codes: harassment or fees beyond the rules reported. */
    ANSWER_IN,
    /** A valid rating at or below the rule's level (an overall rating). */
    RATING_AT_MOST,
    /** An open text holding a word of the watch list, with or without Vietnamese diacritics. */
    WATCH_LIST
}
