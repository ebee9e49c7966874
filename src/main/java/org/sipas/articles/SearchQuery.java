package org.sipas.articles;

import java.text.Normalizer;

/**
 * What a visitor typed in the search box, made safe to hand to PostgreSQL: NFC (a word typed with
 * combining marks is the stored word), control characters (NUL above all, which PostgreSQL's text
 * cannot hold) and unpaired surrogates replaced by spaces, cut at 200 characters; null when nothing
 * is left. The words themselves go to {@code websearch_to_tsquery}, which reads any text as a query.
 */
final class SearchQuery {

    static final int LONGEST = 200;

    private SearchQuery() {
    }

    static String of(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(typed.length(), LONGEST));
        for (int i = 0; i < typed.length() && clean.length() < LONGEST; i++) {
            char c = typed.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < typed.length() && Character.isLowSurrogate(typed.charAt(i + 1));
            if (pairedHigh) {
                clean.append(c).append(typed.charAt(++i));
            } else if (Character.isSurrogate(c) || Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF') {
                clean.append(' ');
            } else {
                clean.append(c);
            }
        }
        String text = Normalizer.normalize(clean, Normalizer.Form.NFC).strip();
        return text.isEmpty() ? null : text;
    }
}
