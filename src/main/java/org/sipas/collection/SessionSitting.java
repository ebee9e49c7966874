package org.sipas.collection;

import jakarta.servlet.http.HttpSession;

/**
 * A sitting whose answers live in a staff member's session between steps (a preview, a practice
 * case): the questionnaire, its path and the session's draft; what a submit does is the kind's own.
 */
abstract class SessionSitting implements Sitting {

    private final Questionnaire questionnaire;
    private final String path;
    /** The draft under a key of the kind and path, so a preview and a practice case of one version never mix. */
    protected final SessionDraft kept;

    SessionSitting(Questionnaire questionnaire, String path, HttpSession session, String kind) {
        this.questionnaire = questionnaire;
        this.path = path;
        this.kept = new SessionDraft(session, "sipas." + kind + "." + path);
    }

    @Override
    public final Questionnaire questionnaire() {
        return questionnaire;
    }

    @Override
    public final String path() {
        return path;
    }

    @Override
    public final Draft draft() {
        return kept.get();
    }

    @Override
    public final void keep(Draft draft) {
        kept.keep(draft);
    }
}
