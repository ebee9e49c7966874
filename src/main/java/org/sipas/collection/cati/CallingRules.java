package org.sipas.collection.cati;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

import org.sipas.collection.Disposition;
import org.sipas.web.Formats;

/**
 * When a case that did not answer is called again, and when calling it stops. AAPOR practice for
 * telephone surveys is several attempts spread over days and times of day before a number counts
 * as a non-contact; sipas calls a case that rang out or was busy at most {@link #MOST_NO_CONTACTS}
 * times, never sooner than {@link #RETRY_GAP} after the last attempt, and prefers a time of day
 * (morning, afternoon, evening in Vietnam) at which the case has not been tried yet. After the
 * last attempt the case is unreachable: it leaves the queue and may be replaced.
 */
final class CallingRules {

    /** Attempts that made no contact (no answer, busy) before a case counts as unreachable. */
    static final int MOST_NO_CONTACTS = 5;
    /** The shortest wait before a case that did not answer is called again. */
    static final Duration RETRY_GAP = Duration.ofHours(1);

    /** A part of the day in Vietnamese time: people free in the evening are out in the morning. */
    enum Slot {
        MORNING, AFTERNOON, EVENING;

        static Slot of(Instant at) {
            LocalTime time = at.atZone(Formats.ZONE).toLocalTime();
            if (time.isBefore(LocalTime.NOON)) {
                return MORNING;
            }
            return time.isBefore(LocalTime.of(17, 0)) ? AFTERNOON : EVENING;
        }
    }

    private CallingRules() {
    }

    static boolean isNoContact(Disposition outcome) {
        return outcome == Disposition.NO_ANSWER || outcome == Disposition.BUSY;
    }

    /**
     * The campaign's replacement rule: a case goes to the reserve list only when the person
     * refused, or cannot be reached (a wrong or dead number, or every attempt without contact).
     * A completed, partial, ineligible or otherwise unable case is never replaced: that would
     * bias the sample towards people easy to reach.
     */
    static boolean mayBeReplaced(Disposition disposition, int noContacts) {
        return disposition == Disposition.REFUSED || disposition == Disposition.BREAK_OFF
                || disposition == Disposition.WRONG_NUMBER
                || (isNoContact(disposition) && noContacts >= MOST_NO_CONTACTS);
    }
}
