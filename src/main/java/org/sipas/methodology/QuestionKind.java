package org.sipas.methodology;

import java.util.Locale;

/**
 * A question's type as written in a file, XLSForm style: {@code scale sipas5},
 * {@code select_one gender}, {@code select_multiple expectations_e1}, {@code text},
 * {@code integer}, {@code date}, {@code official}.
 */
record QuestionKind(QuestionType type, String scale, String choices) {

    /** The kind written in {@code text}, or null when it names no question type. */
    static QuestionKind parse(String text) {
        String[] words = text.strip().split("\\s+");
        QuestionType type;
        try {
            type = QuestionType.valueOf(words[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
        boolean takesList = type == QuestionType.SCALE || type == QuestionType.SELECT_ONE
                || type == QuestionType.SELECT_MULTIPLE;
        if (takesList != (words.length == 2) || words.length > 2) {
            return null;
        }
        return switch (type) {
            case SCALE -> new QuestionKind(type, words[1], null);
            case SELECT_ONE, SELECT_MULTIPLE -> new QuestionKind(type, null, words[1]);
            default -> new QuestionKind(type, null, null);
        };
    }

    static QuestionKind of(Question question) {
        return new QuestionKind(question.type(), question.scale(), question.choices());
    }

    /** The type as a file writes it. */
    String text() {
        String word = type.name().toLowerCase(Locale.ROOT);
        return scale != null ? word + " " + scale : choices != null ? word + " " + choices : word;
    }
}
