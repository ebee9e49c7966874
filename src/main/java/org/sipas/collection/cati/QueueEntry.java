package org.sipas.collection.cati;

import java.time.Instant;

import org.sipas.campaign.FieldCase;
import org.sipas.collection.Disposition;
import org.sipas.frame.SamplingFrame.DossierFacts;
import org.sipas.web.Formats;

/**
 * A case as the interviewer's queue lists it: what it is about (without the applicant's contact),
 * how it has been called, and where it stands.
 *
 * @param disposition the case's current AAPOR disposition, or null when it was never worked
 * @param nextAt      the time it may be called again (a callback's time, or the end of the retry gap), or null
 */
record QueueEntry(FieldCase fieldCase, DossierFacts facts, CallHistory history, Disposition disposition,
                  Standing standing, Instant nextAt, boolean replaceable) {

    /** Where a case stands in the queue. */
    enum Standing {
        /** The time agreed with the respondent has come. */
        CALLBACK_DUE,
        /** Never called. */
        NEW,
        /** Rang out or busy, and the retry gap has passed. */
        RETRY,
        /** A callback or retry whose time has not come. */
        LATER,
        /** Finished: an interview, a final refusal or wrong number, ineligible, or every attempt without contact. */
        DONE
    }

    public long id() {
        return fieldCase.id();
    }

    public int attempts() {
        return history.count();
    }

    /** The outcome of the last call, or null. */
    public Disposition lastOutcome() {
        return history.last().map(CallAttempt::outcome).orElse(null);
    }

    /** The case's standing as its disposition says: the last call's outcome, or what another channel set. */
    public Disposition shownDisposition() {
        return disposition != null ? disposition : lastOutcome();
    }

    public String callbackText() {
        return history.callbackAt().map(Formats::dateTime).orElse("");
    }

    public String nextText() {
        return Formats.dateTime(nextAt);
    }

    public String receivedText() {
        return facts == null ? "" : Formats.DATE.format(facts.receivedOn().atStartOfDay(Formats.ZONE));
    }

    /** Every attempt so far made no contact: the case is out of the queue as unreachable. */
    public boolean isUnreachable() {
        return standing == Standing.DONE && (disposition == null || !disposition.isFinal())
                && history.noContacts() >= CallingRules.MOST_NO_CONTACTS;
    }
}
