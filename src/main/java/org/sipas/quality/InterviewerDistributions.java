package org.sipas.quality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;
import org.sipas.methodology.QuestionType;

/**
 * Whether an interviewer's answers are distributed like the other interviewers' in the same units
 * (a fabricating interviewer's ratings rarely are): for each interviewer, the rated levels of their
 * interviews against those of the others' interviews in the units they worked in, a chi-square test
 * of the 2 × levels table, with its p-value; below the campaign's alpha, the interviewer differs.
 */
final class InterviewerDistributions {

    /** One interviewer's test; n: their rated answers, others: the others' in the same units. */
    record Distribution(String interviewer, long n, long others, double statistic, int degreesOfFreedom, double pValue,
                        boolean differs) {
    }

    private InterviewerDistributions() {
    }

    static List<Distribution> of(List<ArrivedResponse> responses, Methodology methodology, double alpha) {
        List<Question> rated = methodology.questions().filter(q -> q.type() == QuestionType.SCALE).toList();
        TreeSet<Integer> levels = new TreeSet<>();
        for (Question q : rated) {
            methodology.scale(q.scale()).ifPresent(scale -> scale.levels().forEach(l -> levels.add(l.code())));
        }
        List<Integer> columns = new ArrayList<>(levels);
        Set<String> interviewers = new TreeSet<>();
        responses.stream().filter(r -> r.interviewer() != null).forEach(r -> interviewers.add(r.interviewer()));
        List<Distribution> tests = new ArrayList<>();
        for (String interviewer : interviewers) {
            Set<Long> units = new HashSet<>();
            responses.stream().filter(r -> interviewer.equals(r.interviewer())).forEach(r -> units.add(r.unitId()));
            long[][] table = new long[2][columns.size()];
            for (ArrivedResponse r : responses) {
                if (r.interviewer() == null || !units.contains(r.unitId())) {
                    continue;
                }
                int row = interviewer.equals(r.interviewer()) ? 0 : 1;
                for (Question q : rated) {
                    Integer level = Flags.ratedLevel(r.answers().get(q.name()), methodology.scale(q.scale()).orElse(null));
                    if (level != null && columns.contains(level)) {
                        table[row][columns.indexOf(level)]++;
                    }
                }
            }
            long n = sum(table[0]);
            long others = sum(table[1]);
            if (n == 0 || others == 0) {
                continue;
            }
            ChiSquare.Test test = ChiSquare.of(table);
            tests.add(new Distribution(interviewer, n, others, test.statistic(), test.degreesOfFreedom(), test.pValue(),
                    test.degreesOfFreedom() > 0 && test.pValue() < alpha));
        }
        return tests;
    }

    private static long sum(long[] row) {
        long s = 0;
        for (long v : row) {
            s += v;
        }
        return s;
    }
}
