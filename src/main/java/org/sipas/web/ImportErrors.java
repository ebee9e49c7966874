package org.sipas.web;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns the errors of a rejected import into sentences in the reader's language. */
@Component
public class ImportErrors {

    /** One error as a user reads it: {@code line, column, message}. */
    public record Shown(String file, long line, String column, String code, String message) implements Serializable {
    }

    private final MessageSource messages;

    ImportErrors(MessageSource messages) {
        this.messages = messages;
    }

    public List<Shown> show(ImportRejectedException rejected, Locale locale) {
        return show(rejected.errors(), locale);
    }

    /** The same for the warnings of an import that was stored: what it holds that was left out or kept unused. */
    public List<Shown> show(List<RowError> errors, Locale locale) {
        return errors.stream()
                .map(e -> new Shown(e.file(), e.line(), e.column(), e.code(),
                        messages.getMessage(e.code(), e.args().toArray(), e.code(), locale)))
                .toList();
    }
}
