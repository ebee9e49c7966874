package org.sipas.frame;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words one-stop systems use for a coded value: the enum's own name and its Vietnamese
 * wordings, matched without regard to case, spacing or Unicode composition (files from Windows
 * and from the web compose ế differently).
 */
final class Vocabulary<E extends Enum<E>> {

    private final Map<String, E> byWord = new HashMap<>();
    private final List<String> preferred;

    Vocabulary(Map<E, List<String>> words) {
        // each value's first wording, in the enum's order: what a template offers
        preferred = words.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue().get(0)).toList();
        words.forEach((value, wordings) -> {
            add(value.name(), value);
            wordings.forEach(word -> add(word, value));
        });
    }

    private void add(String word, E value) {
        byWord.put(word, value);
        byWord.put(key(word), value);
    }

    /** The wording a file should use for each value, in the values' order. */
    List<String> preferred() {
        return preferred;
    }

    /** The value a word stands for, or null when it is none of them. */
    E parse(String word) {
        E exact = byWord.get(word);
        return exact != null ? exact : byWord.get(key(word));
    }

    private static String key(String word) {
        return Normalizer.normalize(word.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC)
                .toLowerCase(Locale.forLanguageTag("vi")).replace('_', ' ');
    }
}
