package org.sipas.collection.capi;

import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The app's shell: one page that the service worker keeps for offline use, with every text the
 * scripts show in the page's language (the scripts hold no words of their own).
 */
@Controller
@PreAuthorize(CapiApi.INTERVIEWERS)
class CapiPages {

    private static final String APP = "collection/capi/app";
    private static final String BUNDLE = "i18n/collection-capi/messages";
    /** Texts of the web questionnaire that the device's own checks show, so both say the same. */
    private static final String[] SHARED = {"survey.error.required", "survey.error.option", "survey.error.integer", "survey.error.decimal",
            "survey.error.date", "survey.error.tooLong", "survey.error.constraint", "survey.date.hint",
            "survey.official.none", "survey.required"};

    private final MessageSource messages;

    CapiPages(MessageSource messages) {
        this.messages = messages;
    }

    /** The service worker's scope is {@code /capi/}: the app lives there. */
    @GetMapping("/capi")
    String root() {
        return "redirect:/capi/";
    }

    @GetMapping("/capi/")
    String app(Model model, Locale locale) {
        model.addAttribute("texts", texts(locale));
        return APP;
    }

    /** Where "log in again" leads: past the login page (which returns here) back to the app. */
    @GetMapping("/capi/relogin")
    String relogin() {
        return "redirect:/capi/";
    }

    private Map<String, String> texts(Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        Enumeration<String> keys = ResourceBundle.getBundle(BUNDLE, Locale.ROOT).getKeys();
        while (keys.hasMoreElements()) {
            String key = keys.nextElement();
            if (key.startsWith("capi.ui.")) {
                texts.put(key.substring("capi.ui.".length()), messages.getMessage(key, null, locale));
            }
        }
        for (String key : SHARED) {
            texts.put(key, messages.getMessage(key, null, locale));
        }
        return texts;
    }
}
