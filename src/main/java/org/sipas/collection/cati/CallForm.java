package org.sipas.collection.cati;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.sipas.collection.Disposition;
import org.sipas.web.Formats;
import org.springframework.util.MultiValueMap;

/**
 * The outcome form of a call as posted, read and checked: each problem is named by its field and
 * is a key of the cati bundle.
 *
 * @param problems field → message key; empty when the call may be recorded
 */
record CallForm(String key, Instant openedAt, Disposition outcome, String callbackDate, String callbackTime,
                Instant callbackAt, String note, Map<String, String> problems) {

    /** The outcomes a call can have, in the order the form offers them (an interview is recorded with its answers). */
    static final List<Disposition> WITHOUT_INTERVIEW = List.of(Disposition.NO_ANSWER, Disposition.BUSY,
            Disposition.CALLBACK, Disposition.REFUSED, Disposition.WRONG_NUMBER, Disposition.NOT_ELIGIBLE,
            Disposition.OTHER_NON_INTERVIEW);
    static final int LONGEST_NOTE = 2000;
    /** A callback further away than this is a new fieldwork plan, not an appointment. */
    static final Duration FURTHEST_CALLBACK = Duration.ofDays(60);
    /** An opening time older than this (a page left open overnight) is not the start of this call. */
    private static final Duration LONGEST_CALL = Duration.ofHours(12);
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{8,200}");
    private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TYPED_TIME = DateTimeFormatter.ofPattern("H:mm");

    static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    static CallForm read(MultiValueMap<String, String> form, Instant now) {
        Map<String, String> problems = new LinkedHashMap<>();
        String key = form.getFirst("key");
        Instant openedAt = openedAt(form.getFirst("openedAt"), now);
        Disposition outcome = null;
        String posted = form.getFirst("outcome");
        try {
            outcome = posted == null || posted.isBlank() ? null : Disposition.valueOf(posted);
        } catch (IllegalArgumentException e) {
            outcome = null;
        }
        if (outcome == null || !(WITHOUT_INTERVIEW.contains(outcome) || outcome == Disposition.COMPLETE
                || outcome == Disposition.PARTIAL)) {
            problems.put("outcome", "cati.error.outcome");
            outcome = null;
        }
        String date = text(form.getFirst("callbackDate"));
        String time = text(form.getFirst("callbackTime"));
        Instant callbackAt = null;
        if (outcome == Disposition.CALLBACK) {
            LocalDate day = parse(date, TYPED_DATE, LocalDate::from);
            LocalTime at = parse(time, TYPED_TIME, LocalTime::from);
            if (day == null) {
                problems.put("callbackDate", date.isEmpty() ? "cati.error.callbackDate.required" : "cati.error.callbackDate");
            }
            if (at == null) {
                problems.put("callbackTime", time.isEmpty() ? "cati.error.callbackTime.required" : "cati.error.callbackTime");
            }
            if (day != null && at != null) {
                callbackAt = day.atTime(at).atZone(Formats.ZONE).toInstant();
                if (!callbackAt.isAfter(now)) {
                    problems.put("callbackDate", "cati.error.callbackPast");
                } else if (callbackAt.isAfter(now.plus(FURTHEST_CALLBACK))) {
                    problems.put("callbackDate", "cati.error.callbackFar");
                }
            }
        }
        String note = text(form.getFirst("note"));
        if (note.length() > LONGEST_NOTE) {
            problems.put("note", "cati.error.note");
        }
        return new CallForm(key, openedAt, outcome, date, time, problems.isEmpty() ? callbackAt : null, note, problems);
    }

    CatiCalls.Call call() {
        return new CatiCalls.Call(key, openedAt, outcome, callbackAt, note);
    }

    /** A blank form for a case just opened. */
    static CallForm blank(String key, Instant openedAt) {
        return new CallForm(key, openedAt, null, "", "", null, "", Map.of());
    }

    public long openedAtMillis() {
        return openedAt.toEpochMilli();
    }

    /**
     * When the case was opened for this call, as the page sent it back; the time of this post when it
     * is missing, in the future or implausibly old (it only dates the attempt, it proves nothing).
     */
    private static Instant openedAt(String millis, Instant now) {
        try {
            Instant at = Instant.ofEpochMilli(Long.parseLong(millis));
            return at.isAfter(now) || at.isBefore(now.minus(LONGEST_CALL)) ? now : at;
        } catch (NumberFormatException | NullPointerException e) {
            return now;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static <T> T parse(String text, DateTimeFormatter format, java.time.temporal.TemporalQuery<T> query) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return format.parse(text, query);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
