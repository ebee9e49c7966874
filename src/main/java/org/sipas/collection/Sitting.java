package org.sipas.collection;

import org.sipas.collection.Questionnaire.Walk;

/**
 * One respondent's pass through a questionnaire: where its pages are, where the answers wait
 * between steps and what submitting does. A citizen's sitting is held by a survey token and
 * stores its response; a staff preview keeps its answers in the session and stores nothing.
 */
interface Sitting {

    Questionnaire questionnaire();

    /** The path of the sitting's pages, e.g. {@code /s/<token>}. */
    String path();

    Draft draft();

    void keep(Draft draft);

    /** Takes the checked answers; false when they can no longer be taken (the token was used or expired meanwhile). */
    boolean submit(Walk walk, Draft draft);

    boolean isPreview();

    /** Whether this is a practice by someone in training: answers kept apart, never counted ({@link PracticeCases}). */
    default boolean isPractice() {
        return false;
    }

    /** The unit the answers are about, named at the top of the page; null when unknown. */
    String unitName();
}
