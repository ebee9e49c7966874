package org.sipas.collection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One respondent's answers to the shipped SIPAS 2017-2020 questionnaire, step by step, as typed,
 * and what must be stored. Rating c09 (handling time) 2 brings its follow-up (days late) and the
 * procedure's expectations; rating c13 3 brings the officials' expectations.
 */
final class SipasAnswers {

    static final String CODE = "sipas-2017";

    static final List<Map<String, List<String>>> STEPS = List.of(
            answers("applicant_kind", "ca_nhan", "gender", "nu", "age", "42", "education", "dai_hoc",
                    "occupation", "kinh_doanh", "result_date", "05/03/2025"),
            answers("c01", "4", "c02", "5", "c03", "4", "c04", "4"),
            answers("c05", "4", "c06", "4", "c07", "5", "c08", "9", "c09", "2", "c09_late_days", "12",
                    "e2_expect", "rut_ngan giam_phi"),
            answers("c10", "5", "c11", "5", "c12", "4", "c13", "3", "c14", "4", "c15", "0", "e3_expect", "thai_do"),
            answers("c16", "4", "c17", "4", "c18", "4"),
            answers("c19", "4", "c20", "4", "c21", "5", "c22", "5"),
            answers("suggestion", "Cần thêm chỗ ngồi chờ và hướng dẫn rõ hơn."));

    private SipasAnswers() {
    }

    /** Every step's answers as one respondent typed them, by question (choices of a select_multiple joined by a space). */
    static Map<String, String> typed() {
        Map<String, String> typed = new LinkedHashMap<>();
        STEPS.forEach(step -> step.forEach((name, values) -> typed.put(name, String.join(" ", values))));
        return typed;
    }

    /** The answers stored for {@link #STEPS}: as typed, the date as yyyy-mm-dd. */
    static Map<String, String> stored() {
        Map<String, String> stored = typed();
        stored.put("result_date", "2025-03-05");
        return stored;
    }

    /** The step's answers without the questions that only its own answers make relevant. */
    static Map<String, List<String>> withoutFollowUps(int step) {
        Map<String, List<String>> answers = new LinkedHashMap<>(STEPS.get(step));
        answers.keySet().removeIf(name -> name.endsWith("_expect") || name.equals("c09_late_days"));
        return answers;
    }

    /** Pairs of question and answer; the codes of an expectations question (select_multiple) separated by spaces. */
    static Map<String, List<String>> answers(String... pairs) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            answers.put(pairs[i], pairs[i].endsWith("_expect") ? List.of(pairs[i + 1].split(" ")) : List.of(pairs[i + 1]));
        }
        return answers;
    }
}
