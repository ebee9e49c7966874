package org.sipas.collection;

import jakarta.servlet.http.HttpSession;
import org.sipas.collection.Questionnaire.Walk;

/**
 * A staff member trying a methodology version: the same pages and checks as a citizen's, the
 * answers kept in the staff member's session and nothing stored, so a preview never counts.
 */
final class PreviewSitting implements Sitting {

    private final Questionnaire questionnaire;
    private final String path;
    private final SessionDraft kept;

    PreviewSitting(Questionnaire questionnaire, String path, HttpSession session) {
        this.questionnaire = questionnaire;
        this.path = path;
        this.kept = new SessionDraft(session, "sipas.preview." + path);
    }

    @Override
    public Questionnaire questionnaire() {
        return questionnaire;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Draft draft() {
        return kept.get();
    }

    @Override
    public void keep(Draft draft) {
        kept.keep(draft);
    }

    /** Checked and dropped: a preview starts afresh after its submit. */
    @Override
    public boolean submit(Walk walk, Draft draft) {
        kept.drop();
        return true;
    }

    @Override
    public boolean isPreview() {
        return true;
    }

    @Override
    public String unitName() {
        return null;
    }
}
