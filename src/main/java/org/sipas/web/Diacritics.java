package org.sipas.web;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text as people type it when they leave the tone and vowel marks out: "Cấp tỉnh",
 * "cap tinh" and "CAP TINH" fold to the same words. For matching what users write (a procedure's
 * level in a file, a password against the common ones, a search), never for storing or showing.
 */
public final class Diacritics {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Diacritics() {
    }

    /** Lower case, without diacritics ({@code đ} as {@code d}), runs of white space as one space, stripped. */
    public static String fold(String text) {
        String decomposed = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String plain = decomposed.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
        return SPACES.matcher(plain).replaceAll(" ").strip();
    }
}
