package org.sipas.methodology;

import java.util.Locale;

/**
 * The XLSForm convention (ODK) as sipas speaks it: the sheets and columns both the reader and
 * the writer use. ODK tools ignore the extra columns ({@code satisfied}, {@code excluded}) and
 * the extra {@code index} sheet, so an exported form still opens in ODK: a scale question is a
 * {@code select_one} of a list whose rows say which codes count as satisfied or leave the base,
 * and the official question picks from the unit's officials in {@code officials.csv}.
 */
final class XlsForm {

    static final String SURVEY = "survey";
    static final String CHOICES = "choices";
    static final String SETTINGS = "settings";
    static final String INDEX = "index";
    /**
     * sipas's own sheet of alert rules (one row a rule: code, kind, questions, codes, level, words,
     * channels, severity, label, enabled); names in a cell are cut at spaces or commas, the
     * watch list's words (which hold spaces) at commas only. ODK ignores the sheet.
     */
    static final String ALERTS = "alerts";

    static final String BEGIN_GROUP = "begin_group";
    static final String END_GROUP = "end_group";
    /** How the official question reads in ODK: a pick from a CSV of the unit's officials. */
    static final String OFFICIAL = "select_one_from_file officials.csv";

    private XlsForm() {
    }

    /**
     * How a column names a language: {@code Vietnamese (vi)}, {@code German (de)}; a language
     * known only by a name the form gave it stands as that name.
     */
    static String languageHeader(String language) {
        if (language.equals("und")) {
            return "und"; // undetermined: written back as it was read, a plain label with no default_language
        }
        if (!language.matches("[a-z]{2,3}(-[A-Za-z0-9]+)*")) {
            return language;
        }
        String name = Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH);
        return (name.isBlank() || name.equalsIgnoreCase(language) ? language : name) + " (" + language + ")";
    }
}
