package org.sipas.collection.capi;

import org.sipas.collection.Disposition;

/**
 * How a visit can end without an interview, in the interviewer's words, and the AAPOR disposition
 * it gives the case. Nobody at home is a non-contact (tried again); a refusal, an applicant unable
 * to answer or one who did not use the service settles the case.
 */
enum VisitOutcome {
    /** The applicant refused the interview. */
    REFUSED(Disposition.REFUSED),
    /** Nobody at home, or the applicant not met: visit again. */
    NOT_AT_HOME(Disposition.NO_ANSWER),
    /** Met, and an appointment made for another time. */
    APPOINTMENT(Disposition.CALLBACK),
    /** Met, but unable to answer (illness, language, …). */
    UNABLE(Disposition.OTHER_NON_INTERVIEW),
    /** The applicant did not in fact use the service: the dossier record was wrong. */
    NOT_ELIGIBLE(Disposition.NOT_ELIGIBLE);

    private final Disposition disposition;

    VisitOutcome(Disposition disposition) {
        this.disposition = disposition;
    }

    Disposition disposition() {
        return disposition;
    }
}
