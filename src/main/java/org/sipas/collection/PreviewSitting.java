package org.sipas.collection;

import jakarta.servlet.http.HttpSession;
import org.sipas.collection.Questionnaire.Walk;

/**
 * A staff member trying a methodology version: the same pages and checks as a citizen's, the
 * answers kept in the staff member's session and nothing stored, so a preview never counts.
 */
final class PreviewSitting extends SessionSitting {

    PreviewSitting(Questionnaire questionnaire, String path, HttpSession session) {
        super(questionnaire, path, session, "preview");
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
