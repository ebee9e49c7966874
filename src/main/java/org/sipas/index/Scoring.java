package org.sipas.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sipas.methodology.AnswerScale;
import org.sipas.methodology.IndexNode;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;
import org.sipas.methodology.QuestionType;

/**
 * How one methodology version turns a response's answers into the indicators of its criteria:
 * x_k = the answer to criterion k's question is on its scale and not an excluded code; y_k = it is
 * also one of the scale's satisfied levels. Also names the questions the cross-stratum domains read.
 * Nothing here is SIPAS-specific: the tree, the scales and their codes come from the methodology.
 */
final class Scoring {

    private final List<String> criteria;
    private final List<String> questions;
    private final List<AnswerScale> scales;
    private final String respondentQuestion;
    private final List<String> officialQuestions;

    private Scoring(List<String> criteria, List<String> questions, List<AnswerScale> scales, String respondentQuestion,
                    List<String> officialQuestions) {
        this.criteria = criteria;
        this.questions = questions;
        this.scales = scales;
        this.respondentQuestion = respondentQuestion;
        this.officialQuestions = officialQuestions;
    }

    /**
     * @param criteria            the tree's criteria in the engine's order (its leaves depth-first)
     * @param respondentQuestions the names a respondent-type question may have, the first present wins
     */
    static Scoring of(Methodology methodology, List<IndexNode> criteria, List<String> respondentQuestions) {
        List<String> codes = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        List<AnswerScale> scales = new ArrayList<>();
        for (IndexNode criterion : criteria) {
            Question question = methodology.question(criterion.question()).orElseThrow(() -> new IllegalStateException(
                    "criterion " + criterion.code() + " of " + methodology.code() + "/" + methodology.version()
                            + " names no question of the questionnaire: " + criterion.question()));
            codes.add(criterion.code());
            questions.add(question.name());
            scales.add(methodology.scale(question.scale()).orElseThrow(() -> new IllegalStateException(
                    "question " + question.name() + " of " + methodology.code() + " has no scale")));
        }
        String respondent = respondentQuestions.stream()
                .filter(name -> methodology.question(name).filter(q -> q.type() == QuestionType.SELECT_ONE).isPresent())
                .findFirst().orElse(null);
        List<String> officials = methodology.questions().filter(q -> q.type() == QuestionType.OFFICIAL).map(Question::name).toList();
        return new Scoring(List.copyOf(codes), List.copyOf(questions), List.copyOf(scales), respondent, officials);
    }

    List<String> criteria() {
        return criteria;
    }

    int size() {
        return criteria.size();
    }

    /** x (valid) and y (satisfied) of every criterion, in order. */
    Indicators score(Map<String, String> answers) {
        int k = questions.size();
        boolean[] x = new boolean[k];
        boolean[] y = new boolean[k];
        for (int i = 0; i < k; i++) {
            String answer = answers.get(questions.get(i));
            if (answer == null) {
                continue;
            }
            int code;
            try {
                code = Integer.parseInt(answer.strip());
            } catch (NumberFormatException e) {
                continue;
            }
            AnswerScale scale = scales.get(i);
            if (scale.level(code).isPresent() && !scale.isExcluded(code)) {
                x[i] = true;
                y[i] = scale.satisfied().contains(code);
            }
        }
        return new Indicators(x, y);
    }

    /** The respondent type given, or null (no such question in this methodology, or not answered). */
    String respondentType(Map<String, String> answers) {
        return respondentQuestion == null ? null : answers.get(respondentQuestion);
    }

    /** The staff codes the answers name in the methodology's official questions. */
    Set<String> namedOfficials(Map<String, String> answers) {
        java.util.Set<String> named = new java.util.LinkedHashSet<>();
        for (String question : officialQuestions) {
            String staffCode = answers.get(question);
            if (staffCode != null && !staffCode.isBlank()) {
                named.add(staffCode.strip());
            }
        }
        return named;
    }

    /** One response's indicators. */
    record Indicators(boolean[] valid, boolean[] satisfied) {
    }
}
