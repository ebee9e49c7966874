package org.sipas.identity;

/** What a staff user or an integration may do; every one is also bounded by its unit scope. */
public enum Role {
    /** Everything, nationwide or in its scope. */
    ADMIN,
    /** Administers users, catalog and campaigns of one province. */
    PROVINCE_ADMIN,
    /** Head of a unit: sees its results and resolves its cases. */
    UNIT_MANAGER,
    /** Reads data and results, makes reports. */
    ANALYST,
    /** Phone and face-to-face interviews. */
    INTERVIEWER,
    /** Keys in paper questionnaires. */
    DATA_ENTRY,
    /** Re-checks (phúc tra) interviews by callback. */
    RECHECKER,
    /** Writes, reviews and publishes the portal's articles (tin, bài). */
    EDITOR,
    /** A one-stop system pushing dossiers through the API with an API key. */
    INTEGRATION;

    public String authority() {
        return "ROLE_" + name();
    }
}
