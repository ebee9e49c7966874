package org.sipas.frame;

/**
 * Vietnamese phone numbers as one-stop systems write them ({@code 0912 345 678},
 * {@code +84 912.345.678}, {@code 84-912-345-678}) brought to one form, {@code 0912345678}, so the
 * same number always hashes the same.
 */
final class VietnamesePhone {

    private VietnamesePhone() {
    }

    /**
     * The number with separators removed and the country code turned into the leading 0, or null
     * when it is not a Vietnamese number (10 digits for mobiles, 11 for landlines after the 2017 change).
     */
    static String normalise(String raw) {
        StringBuilder digits = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && i == 0) {
                continue;
            } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') {
                return null;
            }
        }
        String number = digits.toString();
        if (number.startsWith("84") && (raw.strip().startsWith("+") || number.length() >= 11)) {
            number = "0" + number.substring(2);
        } else if (raw.strip().startsWith("+")) {
            return null;
        }
        boolean valid = number.length() >= 10 && number.length() <= 11 && number.charAt(0) == '0' && number.charAt(1) != '0';
        return valid ? number : null;
    }

    /** {@code 09******78}: enough to recognise a number on the phone, not enough to dial it. */
    static String mask(String normalised) {
        if (normalised == null || normalised.length() < 5) {
            return normalised == null ? "" : "*".repeat(normalised.length());
        }
        return normalised.substring(0, 2) + "*".repeat(normalised.length() - 4) + normalised.substring(normalised.length() - 2);
    }
}
