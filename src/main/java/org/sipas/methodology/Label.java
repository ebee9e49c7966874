package org.sipas.methodology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A text in the languages of its form, keyed by language code ({@code vi}, {@code en},
 * {@code de}, {@code ar}, {@code zh} …), in the form's order: the first is the form's default
 * language, the one a reader gets when their own language is missing. sipas's own methodologies
 * are Vietnamese first, English second; an imported form may have no Vietnamese at all.
 */
public record Label(Map<String, String> texts) {

    public Label {
        Map<String, String> kept = new LinkedHashMap<>();
        if (texts != null) {
            texts.forEach((language, text) -> {
                if (language != null && text != null && !text.isBlank()) {
                    kept.putIfAbsent(language, text);
                }
            });
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("A label needs its text in at least one language");
        }
        texts = Collections.unmodifiableMap(kept);
    }

    /** Vietnamese and (when translated) English, sipas's own two languages. */
    public Label(String vi, String en) {
        this(pair(vi, en));
    }

    public static Label of(String vi, String en) {
        return new Label(vi, en);
    }

    private static Map<String, String> pair(String vi, String en) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("vi", vi);
        texts.put("en", en);
        return texts;
    }

    /** The Vietnamese text, or null when the form has none. */
    public String vi() {
        return texts.get("vi");
    }

    /** The English text, or null when the form has none. */
    public String en() {
        return texts.get("en");
    }

    /** The text in {@code language}, or null. */
    public String text(String language) {
        return texts.get(language);
    }

    /** The text in the form's default language (the first one). */
    public String first() {
        return texts.values().iterator().next();
    }

    /** The text for a reader: in their language when present, else in the form's default language. */
    public String in(Locale locale) {
        String own = locale == null ? null : texts.get(locale.getLanguage());
        return own != null ? own : first();
    }

    /** As JSON a label is its texts by language: {@code {"vi": "…", "en": "…"}}. */
    @JsonValue
    Map<String, String> json() {
        return texts;
    }
}
