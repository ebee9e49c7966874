package org.sipas.frame;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

import org.sipas.web.Formats;

/**
 * Reads the moments one-stop systems write: {@code dd/MM/yyyy}, {@code dd/MM/yyyy HH:mm[:ss]}
 * (Vietnamese time) or ISO-8601 (with or without an offset). A million-row file holds three
 * million of them, so the usual forms are read by hand and only the rest go through a formatter.
 */
final class DossierTimes {

    private static final DateTimeFormatter LOOSE = DateTimeFormatter.ofPattern("d/M/uuuu[ H:mm[:ss]]")
            .withResolverStyle(ResolverStyle.STRICT);

    private DossierTimes() {
    }

    /** Seconds since the epoch, or null when the text is no date this reads. */
    static Long epochSecond(String text) {
        try {
            LocalDateTime local = vietnamese(text);
            if (local == null) {
                return fallback(text);
            }
            return local.toEpochSecond(Formats.ZONE.getRules().getOffset(local));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The fixed-width forms dd/MM/yyyy, dd/MM/yyyy HH:mm and dd/MM/yyyy HH:mm:ss, or null for another shape. */
    private static LocalDateTime vietnamese(String t) {
        int length = t.length();
        if ((length != 10 && length != 16 && length != 19) || t.charAt(2) != '/' || t.charAt(5) != '/') {
            return null;
        }
        if (length > 10 && (t.charAt(10) != ' ' || t.charAt(13) != ':' || (length == 19 && t.charAt(16) != ':'))) {
            return null;
        }
        int day = digits(t, 0, 2);
        int month = digits(t, 3, 5);
        int year = digits(t, 6, 10);
        int hour = length > 10 ? digits(t, 11, 13) : 0;
        int minute = length > 10 ? digits(t, 14, 16) : 0;
        int second = length == 19 ? digits(t, 17, 19) : 0;
        if ((day | month | year | hour | minute | second) < 0) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** d/M/yyyy with single digits, ISO dates, ISO date-times with or without an offset. */
    private static Long fallback(String text) {
        if (text.indexOf('/') > 0) {
            TemporalAccessor parsed = LOOSE.parse(text);
            LocalDateTime local = parsed.isSupported(ChronoField.HOUR_OF_DAY)
                    ? LocalDateTime.from(parsed) : LocalDate.from(parsed).atStartOfDay();
            return local.atZone(Formats.ZONE).toEpochSecond();
        }
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(Formats.ZONE).toEpochSecond();
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
        return parsed instanceof OffsetDateTime at ? at.toEpochSecond() : ((LocalDateTime) parsed).atZone(Formats.ZONE).toEpochSecond();
    }
}
