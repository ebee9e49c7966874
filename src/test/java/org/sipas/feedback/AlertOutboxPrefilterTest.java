package org.sipas.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.collection.ResponseStore;
import org.sipas.methodology.AlertKind;
import org.sipas.methodology.AnswerScale;
import org.sipas.methodology.Methodologies;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox trigger writes a row only for a response that a rule could set off: never fewer than
 * the judge ({@link RuleCheck}) opens cases for, and none for an answer that plainly sets off nothing.
 */
@SpringBootTest
class AlertOutboxPrefilterTest {

    @Autowired
    AlertRules rules;
    @Autowired
    Methodologies methodologies;
    @Autowired
    FeedbackFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyAnswerThatSetsOffARuleOfAShippedVersionPassesTheOutboxTest() {
        int judged = 0;
        int setOff = 0;
        int kept = 0;
        Set<AlertKind> kinds = new java.util.HashSet<>();
        for (AlertRule rule : rules.all()) {
            Optional<Methodology> methodology = methodologies.find(rule.methodologyCode(), rule.methodologyVersion());
            if (methodology.isEmpty()) {
                continue;
            }
            AlertRule anyChannel = new AlertRule(rule.id(), rule.methodologyCode(), rule.methodologyVersion(), rule.code(), rule.kind(),
                    rule.questions(), rule.codes(), rule.level(), rule.words(), List.of(), rule.severity(), rule.label(), true);
            kinds.add(rule.kind());
            for (String question : rule.questions()) {
                for (String answer : answers(rule, methodology.get(), question)) {
                    boolean judge = RuleCheck.match(anyChannel, methodology.get(), Map.of(question, answer), "WEB").isPresent();
                    boolean passes = mayMatch(rule.id(), answer);
                    judged++;
                    if (judge) {
                        setOff++;
                        assertThat(passes).as("rule %s, %s = '%s' sets the rule off, so the outbox must take it", rule.code(), question, answer)
                                .isTrue();
                    } else if (plainlyQuiet(rule, methodology.get(), answer)) {
                        assertThat(passes).as("rule %s, %s = '%s' plainly sets nothing off", rule.code(), question, answer).isFalse();
                        kept++;
                    }
                }
            }
        }
        assertThat(kinds).contains(AlertKind.NOT_SATISFIED, AlertKind.ANSWER_IN, AlertKind.WATCH_LIST);
        assertThat(setOff).as("of %d answers judged", judged).isPositive();
        assertThat(kept).as("of %d answers judged", judged).isPositive();
    }

    /**
     * A blank answer; a plain level that is no alarm level of a NOT_SATISFIED rule; text holding no
     * code of an ANSWER_IN rule; text of a WATCH_LIST rule with none of the letters of any of its words
     * in a row (diacritics, case, spaces and punctuation aside).
     */
    private static boolean plainlyQuiet(AlertRule rule, Methodology methodology, String answer) {
        if (answer.chars().allMatch(c -> " \t\n\r\f\u000b".indexOf(c) >= 0)) {
            return true;
        }
        return switch (rule.kind()) {
            case NOT_SATISFIED -> answer.matches("[0-9]{1,9}") && !RuleCheck.alarmLevels(rule, methodology).contains(Integer.parseInt(answer));
            case ANSWER_IN -> rule.codes().stream().noneMatch(answer::contains);
            case RATING_AT_MOST -> answer.matches("[0-9]{1,9}") && Integer.parseInt(answer) > rule.level();
            case WATCH_LIST -> rule.words().stream().map(AlertOutboxPrefilterTest::letters)
                    .noneMatch(w -> letters(answer).contains(w));
        };
    }

    @Test
    void aSatisfiedResponseWritesNoOutboxRowAndANotSatisfiedOneWritesOne() {
        FeedbackFixtures.Place place = fixtures.place("FPF", 4);
        long before = lastOutboxSeq();
        ResponseStore.Stored satisfied = fixtures.rate(place, 0, "3", Map.of(), "fpf-key-0");
        assertThat(lastOutboxSeq()).as("a satisfied response of a version with rules").isEqualTo(before);
        ResponseStore.Stored notSatisfied = fixtures.rate(place, 1, "1", Map.of(), "fpf-key-1");
        assertThat(lastOutboxSeq()).isEqualTo(before + 1);
        assertThat(satisfied.responseId()).isNotEqualTo(notSatisfied.responseId());
    }

    /** Only the letters and digits of the text, folded as the judge folds it. */
    private static String letters(String text) {
        return RuleCheck.fold(text).replace(" ", "");
    }

    /** The outbox's sequence moves on every row written, whether or not a drain has taken the row since. */
    private long lastOutboxSeq() {
        return jdbc.sql("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM alert_outbox_seq_seq").query(Long.class).single();
    }

    private boolean mayMatch(long ruleId, String answer) {
        return jdbc.sql("SELECT alert_answer_may_match(kind, level, alarm_levels, code_patterns, word_patterns, :a) FROM alert_rule WHERE id = :id")
                .param("a", answer).param("id", ruleId).query(Boolean.class).single();
    }

    /** Answers a respondent, a clerk or a device could store for the question, plainly written or not. */
    private static List<String> answers(AlertRule rule, Methodology methodology, String question) {
        Set<String> plain = new LinkedHashSet<>(List.of("", " ", "\t", "-1", "0", "9", "99", "99999999999", "abc", "không có",
                "Rất hài lòng", "cán bộ nhũng nhiễu", "Can bo NHUNG NHIEU", "a b c", "Cần thêm chỗ ngồi chờ và hướng dẫn rõ hơn.",
                "CÁN BỘ NHŨNG-NHIỄU!!", java.text.Normalizer.normalize("cán bộ nhũng nhiễu, phiền hà", java.text.Normalizer.Form.NFD),
                "phiền   hà", "Đòi tiền ngoài", "doi tien\nngoai", "vòi vĩnh.", "nhũng"));
        Optional<AnswerScale> scale = methodology.question(question).map(Question::scale).flatMap(methodology::scale);
        scale.ifPresent(s -> {
            s.levels().forEach(l -> plain.add(Integer.toString(l.code())));
            s.excluded().forEach(l -> plain.add(Integer.toString(l.code())));
        });
        for (int level = 0; level <= 10; level++) {
            plain.add(Integer.toString(level));
        }
        plain.addAll(rule.codes());
        rule.codes().forEach(c -> plain.add("khac " + c + " xyz"));
        plain.addAll(rule.words());
        rule.words().forEach(w -> plain.add("Tôi thấy " + w.toUpperCase() + "!"));
        List<String> all = new ArrayList<>();
        for (String answer : plain) {
            all.add(answer);
            all.add(" " + answer);
            all.add(answer + " ");
            all.add("+" + answer);
            all.add("0" + answer);
            all.add("\t" + answer + "\n");
            all.add("\u2003" + answer);
            all.add(answer + "\u00a0");
        }
        return all;
    }
}
