package org.sipas.methodology;

import java.util.Locale;

/** A text in Vietnamese (always) and English (when translated). */
public record Label(String vi, String en) {

    public Label {
        if (vi == null || vi.isBlank()) {
            throw new IllegalArgumentException("A label needs its Vietnamese text");
        }
    }

    public static Label of(String vi, String en) {
        return new Label(vi, en);
    }

    /** The text for a reader: English when asked for and present, else Vietnamese. */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : vi;
    }
}
