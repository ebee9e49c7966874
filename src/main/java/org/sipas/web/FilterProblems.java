package org.sipas.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details written by a servlet filter, before Spring MVC's own error handling
 * ({@link ApiProblems}) can be reached: a refused log-in, a forced password change, a body too
 * large. The detail is in the caller's language (Vietnamese unless the API caller asks for English).
 */
@Component
public class FilterProblems {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    FilterProblems(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    /**
     * Answers {@code status} with a problem of type {@code urn:sipas:problem:<type>}, whose title
     * and detail are the messages {@code <key>.title} and {@code <key>.detail} (with {@code arguments}).
     */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                      String key, Object... arguments) throws IOException {
        var locale = locales.resolveLocale(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:sipas:problem:" + type);
        problem.put("title", messages.getMessage(key + ".title", null, locale));
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage(key + ".detail", arguments, locale));
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
