package org.sipas.methodology;

/**
 * One question. Its {@code name} is the variable name in data and exports: it keeps its meaning
 * across versions (a changed meaning gets a new name).
 *
 * @param scale             the answer scale, for {@link QuestionType#SCALE}
 * @param choices           the choice list, for the select types
 * @param relevant          when to ask it, an {@link Expression}; null: always
 * @param constraint        what a valid answer satisfies, an {@link Expression} over {@code .}; null: any
 * @param constraintMessage what to tell a respondent whose answer breaks the constraint
 */
public record Question(String name, QuestionType type, Label label, Label hint, String scale, String choices,
                       boolean required, String relevant, String constraint, Label constraintMessage) {
}
