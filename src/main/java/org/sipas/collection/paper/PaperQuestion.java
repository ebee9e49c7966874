package org.sipas.collection.paper;

import java.util.List;

import org.sipas.methodology.QuestionType;

/**
 * A question as the paper prints it and the clerk keys it.
 *
 * @param number  its number on the paper (câu 1, 2, … through the whole questionnaire)
 * @param options the codes printed with their answers (scales, choices, the unit's officials)
 * @param onlyIf  when it is asked, in words ("Chỉ trả lời nếu câu 1 là 1."), or null when always
 * @param skips   the skip instructions printed under it ("Nếu trả lời 2 hoặc 3, chuyển đến câu 4.")
 * @param trigger answering it can change which questions are asked (the entry form re-asks the server)
 */
record PaperQuestion(int number, String name, QuestionType type, String label, String hint, boolean required,
                     List<PaperOption> options, String onlyIf, List<String> skips, boolean trigger) {

    /** Field name on the entry form. */
    public String field() {
        return "a." + name;
    }

    public String id() {
        return "a-" + name;
    }

    public boolean isMultiple() {
        return type == QuestionType.SELECT_MULTIPLE;
    }

    /** Number of code boxes printed: one per digit of the longest code, at least one. */
    public int boxes() {
        return switch (type) {
            case SCALE, SELECT_ONE -> options.stream().mapToInt(o -> o.digit().length()).max().orElse(1);
            case DATE -> 8;
            default -> 0;
        };
    }
}
