package org.sipas.collection.paper;

import java.util.Optional;

/**
 * The number printed on a paper questionnaire: the campaign id, a five-digit serial within the
 * campaign and a check digit, digits only so a clerk keys it on the numeric pad
 * ({@code 12 00047 3} printed, {@code 12000473} keyed).
 *
 * <p>The check digit is Damm's: it catches every single wrong digit and every swap of two
 * neighbouring digits, the two slips a clerk makes, so a mistyped number is refused instead of
 * silently naming another paper.
 */
record PaperNumber(long campaignId, int serial) {

    static final int SERIAL_DIGITS = 5;
    static final int LARGEST_SERIAL = 99_999;

    /** Damm's quasigroup of order 10, weakly totally anti-symmetric. */
    private static final int[][] DAMM = {
            {0, 3, 1, 7, 5, 9, 8, 6, 4, 2}, {7, 0, 9, 2, 1, 5, 4, 8, 6, 3}, {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
            {1, 7, 5, 0, 9, 8, 3, 4, 2, 6}, {6, 1, 2, 3, 0, 4, 5, 9, 7, 8}, {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
            {5, 8, 6, 9, 7, 2, 0, 1, 3, 4}, {8, 9, 4, 5, 3, 6, 2, 0, 1, 7}, {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
            {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}};

    /** Why a keyed number was refused: a message key of the paper bundle. */
    static final class Invalid extends IllegalArgumentException {
        Invalid(String key) {
            super(key);
        }
    }

    PaperNumber {
        if (campaignId <= 0 || serial <= 0 || serial > LARGEST_SERIAL) {
            throw new IllegalArgumentException("No paper number for campaign " + campaignId + " serial " + serial);
        }
    }

    /** The number as stored and keyed: digits only. */
    String text() {
        String body = body();
        return body + checkDigit(body);
    }

    /** The number as printed, in three groups a clerk reads at a glance. */
    String printed() {
        String text = text();
        int check = text.length() - 1;
        return text.substring(0, check - SERIAL_DIGITS) + " " + text.substring(check - SERIAL_DIGITS, check) + " "
                + text.substring(check);
    }

    private String body() {
        return campaignId + String.format("%0" + SERIAL_DIGITS + "d", serial);
    }

    /**
     * Reads a keyed number. Spaces, dots and dashes are ignored (the printed groups), and so is
     * everything up to the last slash, so a scanner reading the printed QR code into the field
     * (it types the entry screen's address) gives the number too.
     *
     * @throws Invalid naming what is wrong: empty, not digits, too short, or a check digit that does not match
     */
    static PaperNumber parse(String keyed) {
        String text = keyed == null ? "" : keyed.strip();
        int slash = text.lastIndexOf('/');
        if (slash >= 0) {
            text = text.substring(slash + 1);
        }
        int query = text.indexOf('?');
        if (query >= 0) {
            text = text.substring(0, query);
        }
        text = text.replaceAll("[\\s.\\-]", "");
        if (text.isEmpty()) {
            throw new Invalid("paper.number.required");
        }
        if (!text.chars().allMatch(Character::isDigit)) {
            throw new Invalid("paper.number.digits");
        }
        if (text.length() < SERIAL_DIGITS + 2 || text.length() > 18 || text.charAt(0) == '0') {
            throw new Invalid("paper.number.length");
        }
        String body = text.substring(0, text.length() - 1);
        if (checkDigit(body) != text.charAt(text.length() - 1) - '0') {
            throw new Invalid("paper.number.check");
        }
        int serial = Integer.parseInt(body.substring(body.length() - SERIAL_DIGITS));
        long campaign = Long.parseLong(body.substring(0, body.length() - SERIAL_DIGITS));
        if (serial == 0) {
            throw new Invalid("paper.number.length");
        }
        return new PaperNumber(campaign, serial);
    }

    /** The number a keyed text names, if it is one. */
    static Optional<PaperNumber> tryParse(String keyed) {
        try {
            return Optional.of(parse(keyed));
        } catch (Invalid e) {
            return Optional.empty();
        }
    }

    static int checkDigit(String digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            interim = DAMM[interim][digits.charAt(i) - '0'];
        }
        return interim;
    }
}
