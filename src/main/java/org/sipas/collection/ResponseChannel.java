package org.sipas.collection;

/** How a response came in: the channel is part of the design (DESIGN §5), every response keeps it. */
public enum ResponseChannel {
    /** The respondent's own link or QR code (a survey token). */
    WEB(true),
    /** The open portal survey of a campaign that allows it: no token, one answer per phone. */
    PORTAL(false),
    /** The tablet at the one-stop counter: quick ratings, never from the probability sample. */
    KIOSK(false),
    /** A telephone interview of a sampled case. */
    CATI(true),
    /** A face-to-face interview of a sampled case, on the interviewer's device. */
    CAPI(true),
    /** A paper questionnaire keyed twice. */
    PAPER(true);

    private final boolean mayBeSampled;

    ResponseChannel(boolean mayBeSampled) {
        this.mayBeSampled = mayBeSampled;
    }

    /** Whether a response by this channel can belong to the probability sample. */
    public boolean mayBeSampled() {
        return mayBeSampled;
    }
}
