package org.sipas.catalog;

import java.util.Locale;
import java.util.Optional;

import org.sipas.web.Diacritics;

/** Cấp thực hiện: the level of government that handles a procedure. */
enum ProcedureLevel {
    CENTRAL("trung uong"), PROVINCE("tinh"), COMMUNE("xa"), MULTI("nhieu cap");

    /** The Vietnamese word as the national catalog writes it, without diacritics and in lower case. */
    private final String word;

    ProcedureLevel(String word) {
        this.word = word;
    }

    /**
     * The level a file names: the Vietnamese words (Trung ương, Tỉnh, Xã, Nhiều cấp, with or
     * without "Cấp", with or without diacritics) or the English names (CENTRAL, PROVINCE…).
     */
    static Optional<ProcedureLevel> parse(String text) {
        String folded = Diacritics.fold(text);
        String word = folded.startsWith("cap ") ? folded.substring(4) : folded;
        for (ProcedureLevel level : values()) {
            if (level.word.equals(word) || level.name().toLowerCase(Locale.ROOT).equals(folded)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

}
