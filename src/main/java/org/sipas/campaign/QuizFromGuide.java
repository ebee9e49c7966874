package org.sipas.campaign;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.sipas.methodology.AnswerScale;
import org.sipas.methodology.ChoiceList;
import org.sipas.methodology.Label;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;
import org.sipas.methodology.QuestionType;

/**
 * Quiz questions built from the interviewer's guide, that is from the campaign's methodology and
 * its codebook: which code of a scale means a level ("Mã nào nghĩa là «Hài lòng»?"), which levels
 * count as satisfied, and which code of a question's choice list means an option. The codes are
 * what an interviewer keys on paper and reads back on the phone, so these are the facts a wrong
 * answer costs most on. The questions come in the guide's order, so the same methodology gives
 * the same quiz; each names the codebook item it is built from, so generating again adds none
 * twice.
 */
final class QuizFromGuide {

    /** A question ready to store. */
    record Drafted(String generatedFrom, String prompt, List<String> options, int correct) {
    }

    /** Options shown per question at most: the right one and up to three others, in code order. */
    static final int OPTIONS = 4;

    private QuizFromGuide() {
    }

    /** Every question the guide offers, in order: per scale its codes and its satisfied levels, then per choice list its codes. */
    static List<Drafted> candidates(Methodology methodology) {
        List<Drafted> drafted = new ArrayList<>();
        Set<String> scalesAsked = new LinkedHashSet<>();
        Set<String> listsAsked = new LinkedHashSet<>();
        methodology.questions().forEach(q -> {
            if (q.type() == QuestionType.SCALE && q.scale() != null && scalesAsked.add(q.scale())) {
                methodology.scale(q.scale()).ifPresent(scale -> drafted.addAll(ofScale(scale, q)));
            }
            if ((q.type() == QuestionType.SELECT_ONE || q.type() == QuestionType.SELECT_MULTIPLE) && q.choices() != null
                    && listsAsked.add(q.choices())) {
                methodology.choiceList(q.choices()).ifPresent(list -> drafted.addAll(ofChoices(list, q)));
            }
        });
        return interleaved(drafted);
    }

    /**
     * The first {@code count} of the candidates: one kind after another (a scale code, a choice code,
     * the satisfied levels…) rather than all of a scale's codes first, so that a short quiz covers the guide.
     */
    private static List<Drafted> interleaved(List<Drafted> drafted) {
        List<List<Drafted>> byItem = new ArrayList<>();
        for (Drafted d : drafted) {
            String item = d.generatedFrom().substring(0, d.generatedFrom().lastIndexOf(':'));
            List<Drafted> group = byItem.stream().filter(g -> g.get(0).generatedFrom().startsWith(item + ":")).findFirst()
                    .orElse(null);
            if (group == null) {
                group = new ArrayList<>();
                byItem.add(group);
            }
            group.add(d);
        }
        List<Drafted> out = new ArrayList<>();
        for (int round = 0; out.size() < drafted.size(); round++) {
            for (List<Drafted> group : byItem) {
                if (round < group.size()) {
                    out.add(group.get(round));
                }
            }
        }
        return out;
    }

    private static List<Drafted> ofScale(AnswerScale scale, Question askedBy) {
        List<AnswerScale.Level> all = new ArrayList<>(scale.levels());
        all.addAll(scale.excluded());
        List<String> codes = all.stream().map(l -> Integer.toString(l.code())).toList();
        List<Drafted> drafted = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            AnswerScale.Level level = all.get(i);
            List<Integer> shown = around(i, all.size());
            drafted.add(new Drafted("scale:" + scale.name() + ":code:" + level.code(),
                    "Câu «%s»: mã nào nghĩa là «%s»?".formatted(text(askedBy.label()), text(level.label())),
                    shown.stream().map(codes::get).toList(), shown.indexOf(i)));
        }
        String satisfied = scale.levels().stream().filter(l -> scale.satisfied().contains(l.code()))
                .map(l -> Integer.toString(l.code())).collect(Collectors.joining(", "));
        List<String> options = new ArrayList<>();
        options.add(satisfied);
        // the wrong sets an interviewer mixes up: the top level alone, the satisfied levels with the middle one, the lowest levels
        List<AnswerScale.Level> levels = scale.levels();
        String top = Integer.toString(levels.get(levels.size() - 1).code());
        String wider = levels.stream().skip(Math.max(0, levels.size() - scale.satisfied().size() - 1))
                .map(l -> Integer.toString(l.code())).collect(Collectors.joining(", "));
        String lowest = levels.stream().limit(Math.max(1, scale.satisfied().size()))
                .map(l -> Integer.toString(l.code())).collect(Collectors.joining(", "));
        for (String wrong : List.of(top, wider, lowest)) {
            if (!options.contains(wrong)) {
                options.add(wrong);
            }
        }
        if (options.size() >= 2) {
            List<String> sorted = options.stream().sorted().toList();
            drafted.add(new Drafted("scale:" + scale.name() + ":satisfied:all",
                    "Trên thang đo của câu «%s», những mã nào được tính là hài lòng?".formatted(text(askedBy.label())),
                    sorted, sorted.indexOf(satisfied)));
        }
        return drafted;
    }

    private static List<Drafted> ofChoices(ChoiceList list, Question askedBy) {
        List<ChoiceList.Choice> choices = list.choices();
        List<Drafted> drafted = new ArrayList<>();
        if (choices.size() < 2) {
            return drafted;
        }
        for (int i = 0; i < choices.size(); i++) {
            ChoiceList.Choice choice = choices.get(i);
            List<Integer> shown = around(i, choices.size());
            drafted.add(new Drafted("choices:" + list.name() + ":" + choice.code(),
                    "Câu «%s»: mã nào nghĩa là «%s»?".formatted(text(askedBy.label()), text(choice.label())),
                    shown.stream().map(k -> choices.get(k).code()).toList(), shown.indexOf(i)));
        }
        return drafted;
    }

    /** Up to {@link #OPTIONS} positions of {@code size} around {@code i}, ascending, {@code i} among them. */
    private static List<Integer> around(int i, int size) {
        int count = Math.min(OPTIONS, size);
        int from = Math.max(0, Math.min(i - count / 2, size - count));
        List<Integer> shown = new ArrayList<>();
        for (int k = from; k < from + count; k++) {
            shown.add(k);
        }
        return shown;
    }

    /** The guide is Vietnamese first: the label's Vietnamese text, else the form's own language. */
    private static String text(Label label) {
        return label.vi() != null ? label.vi() : label.first();
    }
}
