package org.sipas.collection;

import jakarta.servlet.http.HttpSession;

/**
 * A draft kept in a staff member's session under a key of its own, for sittings that store nothing
 * between steps: a methodology's preview and a trainee's practice case.
 */
record SessionDraft(HttpSession session, String key) {

    Draft get() {
        return session.getAttribute(key) instanceof Draft draft ? draft : Draft.fresh();
    }

    void keep(Draft draft) {
        session.setAttribute(key, draft);
    }

    /** The sitting starts afresh. */
    void drop() {
        session.removeAttribute(key);
    }
}
