package org.sipas.methodology;

import java.util.List;

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

    static final String VI = "Vietnamese (vi)";
    static final String EN = "English (en)";

    static final String BEGIN_GROUP = "begin_group";
    static final String END_GROUP = "end_group";
    /** How the official question reads in ODK: a pick from a CSV of the unit's officials. */
    static final String OFFICIAL = "select_one_from_file officials.csv";

    static final List<String> SURVEY_COLUMNS = List.of("type", "name", "label::" + VI, "label::" + EN,
            "hint::" + VI, "hint::" + EN, "required", "relevant", "constraint", "constraint_message::" + VI,
            "constraint_message::" + EN);
    static final List<String> CHOICE_COLUMNS = List.of("list_name", "name", "label::" + VI, "label::" + EN,
            "satisfied", "excluded");
    static final List<String> SETTINGS_COLUMNS = List.of("form_id", "version", "form_title",
            "form_title::" + EN, "default_language");
    static final List<String> INDEX_COLUMNS = List.of("code", "label::" + VI, "label::" + EN, "rule", "question",
            "parent", "weight");

    private XlsForm() {
    }

    /**
     * The language of a column such as {@code label::English (en)}, {@code label::en} or plain
     * {@code label} (Vietnamese, the default language): "vi", "en", or null for another language.
     */
    static String language(String header) {
        int cut = header.indexOf("::");
        if (cut < 0) {
            return "vi";
        }
        String language = header.substring(cut + 2).strip().toLowerCase(java.util.Locale.ROOT);
        if (language.equals("vi") || language.endsWith("(vi)") || language.startsWith("vietnamese")
                || language.startsWith("tiếng việt")) {
            return "vi";
        }
        if (language.equals("en") || language.endsWith("(en)") || language.startsWith("english")) {
            return "en";
        }
        return null;
    }

    /** The column's field without its language: {@code label::English (en)} → {@code label}. */
    static String field(String header) {
        int cut = header.indexOf("::");
        return (cut < 0 ? header : header.substring(0, cut)).strip().toLowerCase(java.util.Locale.ROOT);
    }
}
