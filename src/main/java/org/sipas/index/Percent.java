package org.sipas.index;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Percentages as a reader of the page's language writes them: {@code 85,48 %} in Vietnamese,
 * {@code 85.48%} in English; an empty figure (NA) is a dash.
 */
public record Percent(Locale locale) {

    public String of(Double value) {
        if (value == null) {
            return "—";
        }
        return number(value) + ("vi".equals(locale.getLanguage()) ? " %" : "%");
    }

    /** Two decimals in the language's notation, without the sign. */
    public String number(Double value) {
        if (value == null) {
            return "—";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        if ("vi".equals(locale.getLanguage())) {
            symbols.setDecimalSeparator(',');
            symbols.setGroupingSeparator('.');
        }
        return new DecimalFormat("#,##0.00", symbols).format(value);
    }

    /** A number as the machine reads it (the charts' data attributes). */
    public String raw(Double value) {
        return value == null ? "" : Double.toString(value);
    }
}
