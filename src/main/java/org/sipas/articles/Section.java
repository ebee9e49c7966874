package org.sipas.articles;

import java.util.Locale;

/** A section of the portal's articles (tin tức, phương pháp, quy trình, kết quả, văn bản). */
public record Section(String code, String nameVi, String nameEn) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }
}
