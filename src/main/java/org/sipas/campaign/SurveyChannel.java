package org.sipas.campaign;

/** How a sampled person is asked (kênh khảo sát). */
enum SurveyChannel {
    /** A link or QR code to the web questionnaire. */
    ONLINE(false),
    /** A tablet at the one-stop section. */
    KIOSK(false),
    /** A telephone interview: needs the applicant's phone. */
    PHONE(true),
    /** An interviewer's visit, arranged by phone: needs it too. */
    FACE_TO_FACE(true),
    /** A paper questionnaire handed or posted. */
    PAPER(false);

    private final boolean needsContact;

    SurveyChannel(boolean needsContact) {
        this.needsContact = needsContact;
    }

    /** Whether a dossier without a phone cannot be reached by this channel. */
    public boolean needsContact() {
        return needsContact;
    }
}
