package org.sipas.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.OptionalDouble;

/**
 * How sipas writes dates and times for people (dd/MM/yyyy in Asia/Ho_Chi_Minh) and reads the numbers
 * they type (a decimal comma as Vietnamese writes it, or a point).
 */
public final class Formats {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZONE);
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZONE);

    private Formats() {
    }

    public static String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at);
    }

    /** A number as a person typed it into a form, "0,1" or "0.1", spaces around ignored; empty when it is not a finite number. */
    public static OptionalDouble decimal(String typed) {
        if (typed == null) {
            return OptionalDouble.empty();
        }
        try {
            double value = Double.parseDouble(typed.strip().replace(',', '.'));
            return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
