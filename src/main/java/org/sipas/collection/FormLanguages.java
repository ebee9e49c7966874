package org.sipas.collection;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.sipas.methodology.Methodology;

/**
 * The languages a respondent may read a questionnaire in: sipas's own two (its buttons and
 * messages) and every language the form is written in, each named in itself. The questions are
 * shown in the reader's language when the form has it, else in the form's default language.
 *
 * @param offered the form's languages beyond Vietnamese and English, for the language switch
 * @param content the language the questions are shown in for {@code locale}
 * @param rtl     whether that language is written right to left
 */
record FormLanguages(List<Offered> offered, String content, boolean rtl) {

    /** One language of the switch: its code and its name in itself ("Deutsch", "العربية", "中文"). */
    record Offered(String code, String name) {
    }

    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur", "ps", "yi", "dv", "ku", "sd", "ug");

    static FormLanguages of(Methodology methodology, Locale locale) {
        List<String> languages = methodology.languages();
        List<Offered> offered = languages.stream().filter(l -> !l.equals("vi") && !l.equals("en") && !l.equals("und"))
                .map(l -> new Offered(l, name(l))).toList();
        String own = locale == null ? "vi" : locale.getLanguage();
        String content = languages.contains(own) ? own : languages.get(0);
        return new FormLanguages(offered, content, RIGHT_TO_LEFT.contains(content.replaceAll("-.*", "")));
    }

    private static String name(String language) {
        Locale locale = Locale.forLanguageTag(language);
        String name = locale.getDisplayLanguage(locale);
        return name.isBlank() || name.equalsIgnoreCase(language) ? language : name;
    }
}
