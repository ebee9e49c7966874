package org.sipas.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.sipas.catalog.CatalogCodes.UnitOfficial;
import org.sipas.methodology.AnswerScale;
import org.sipas.methodology.ChoiceList;
import org.sipas.methodology.Expression;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;
import org.sipas.methodology.QuestionType;
import org.sipas.web.Formats;

/**
 * A made-up respondent's answers to any methodology, as typed: the questions in order, each asked
 * only when its {@code relevant} holds for the answers so far; ratings lean towards satisfied (as
 * surveys of the kind find, about three in four), with a unit's own leaning so that units differ.
 * Whatever the methodology's constraints refuse is dropped by the caller's check.
 */
final class DemoAnswers {

    private final SplittableRandom random;

    DemoAnswers(SplittableRandom random) {
        this.random = random;
    }

    /** @param satisfaction the chance, 0–1, that a rating is one of the scale's satisfied levels */
    Map<String, String> of(Methodology methodology, double satisfaction, List<UnitOfficial> officials, LocalDate served) {
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, String> stored = new LinkedHashMap<>();
        methodology.questions().forEach(question -> {
            if (question.relevant() != null
                    && !Expression.compiled(question.relevant()).test(name -> stored.getOrDefault(name, ""), "")) {
                return;
            }
            String answer = answer(methodology, question, satisfaction, officials, served);
            if (answer != null) {
                typed.put(question.name(), answer);
                stored.put(question.name(), question.type() == QuestionType.DATE ? served.toString() : answer);
            }
        });
        return typed;
    }

    private String answer(Methodology methodology, Question question, double satisfaction, List<UnitOfficial> officials,
                          LocalDate served) {
        return switch (question.type()) {
            case SCALE -> rating(methodology.scale(question.scale()).orElseThrow(), satisfaction);
            case SELECT_ONE -> pick(methodology.choiceList(question.choices()).orElseThrow()).code();
            case SELECT_MULTIPLE -> {
                ChoiceList list = methodology.choiceList(question.choices()).orElseThrow();
                String first = pick(list).code();
                String second = pick(list).code();
                yield first.equals(second) ? first : first + " " + second;
            }
            case INTEGER -> Integer.toString(1 + random.nextInt(question.name().contains("age") ? 60 : 15)
                    + (question.name().contains("age") ? 18 : 0));
            case DECIMAL -> Integer.toString(1 + random.nextInt(9)) + "," + random.nextInt(10);
            case NOTE, CALCULATE -> null;
            case DATE -> Formats.DATE.format(served.atStartOfDay(Formats.ZONE));
            case TEXT -> question.required() || random.nextInt(6) == 0 ? SUGGESTIONS.get(random.nextInt(SUGGESTIONS.size())) : null;
            case OFFICIAL -> officials.isEmpty() || random.nextInt(3) == 0 ? null
                    : officials.get(random.nextInt(officials.size())).staffCode();
        };
    }

    private String rating(AnswerScale scale, double satisfaction) {
        List<Integer> satisfied = new ArrayList<>();
        List<Integer> not = new ArrayList<>();
        scale.levels().forEach(level -> (scale.satisfied().contains(level.code()) ? satisfied : not).add(level.code()));
        if (random.nextInt(25) == 0 && !scale.excluded().isEmpty()) {
            return Integer.toString(scale.excluded().get(0).code());
        }
        List<Integer> side = random.nextDouble() < satisfaction || not.isEmpty() ? satisfied : not;
        return Integer.toString(side.get(random.nextInt(side.size())));
    }

    private ChoiceList.Choice pick(ChoiceList list) {
        return list.choices().get(random.nextInt(list.choices().size()));
    }

    private static final List<String> SUGGESTIONS = List.of(
            "Cần thêm chỗ ngồi chờ và hướng dẫn rõ hơn.",
            "Cán bộ nhiệt tình, hướng dẫn tận tình.",
            "Nên rút ngắn thời gian giải quyết hồ sơ.",
            "Mong được nhắn tin báo khi có kết quả.",
            "Cổng dịch vụ công trực tuyến còn khó dùng.");
}
