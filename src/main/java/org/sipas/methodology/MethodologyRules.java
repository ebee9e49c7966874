package org.sipas.methodology;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a methodology must mean, whatever file it came from: names unique, every reference
 * resolvable, skip logic that parses and reads only questions asked before, a scale that says who
 * is satisfied, an index tree whose criteria are scale questions. Each problem is named by its
 * field path; {@link Problems} finds its line.
 */
final class MethodologyRules {

    /** Variable names as XLSForm and SPSS accept them: a letter or underscore, then letters, digits, _ - . */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private final Problems problems;
    /** The response channels an alert rule may name; empty when no package above says (the rules then name any). */
    private final Set<String> channels;

    private MethodologyRules(Problems problems, Set<String> channels) {
        this.problems = problems;
        this.channels = channels;
    }

    static void check(Methodology methodology, Problems problems) {
        check(methodology, problems, Set.of());
    }

    static void check(Methodology methodology, Problems problems, Set<String> channels) {
        new MethodologyRules(problems, channels).check(methodology);
    }

    /** The checks of one alert rule against its methodology (the rules editor's, the file's: the same). */
    static void checkAlert(Methodology methodology, AlertDeclaration alert, String path, Problems problems, Set<String> channels) {
        new MethodologyRules(problems, channels).checkAlert(methodology, alert, path);
    }

    private void check(Methodology m) {
        if (m.code() != null && !CODE.matcher(m.code()).matches()) {
            problems.add("code", "badCode", m.code());
        }
        if (m.version() < 1) {
            problems.add("version", "badVersion", m.version());
        }
        m.scales().forEach(this::checkScale);
        m.choiceLists().forEach(list -> checkChoices(list, m.allowChoiceDuplicates()));
        m.choiceLists().stream().filter(list -> m.scale(list.name()).isPresent())
                // an XLSForm keeps scales and choice lists in one choices sheet, by name
                .forEach(list -> problems.add("choices." + list.name(), "scaleAndListName", list.name()));
        checkQuestions(m);
        if (m.index() != null) {
            checkIndex(m, m.index(), "index", new HashSet<>());
        }
        Set<String> alertCodes = new HashSet<>();
        for (int i = 0; i < m.alerts().size(); i++) {
            AlertDeclaration alert = m.alerts().get(i);
            String path = "alerts[" + i + "]";
            if (alert.code() != null && !alertCodes.add(alert.code())) {
                problems.add(at(path, "code"), "duplicateAlert", alert.code());
            }
            checkAlert(m, alert, path);
        }
    }

    private static String at(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private void checkAlert(Methodology m, AlertDeclaration alert, String path) {
        if (alert.code() == null) {
            problems.add(at(path, "code"), "missing", "code");
        } else if (!CODE.matcher(alert.code()).matches() || alert.code().length() > 50) {
            problems.add(at(path, "code"), "badAlertCode", alert.code());
        }
        if (alert.label() == null || alert.label().isBlank()) {
            problems.add(at(path, "label"), "missing", "label");
        }
        if (alert.questions().isEmpty()) {
            problems.add(at(path, "questions"), "missing", "questions");
        }
        List<Question> read = new java.util.ArrayList<>();
        for (String name : alert.questions()) {
            m.question(name).ifPresentOrElse(read::add, () -> problems.add(at(path, "questions"), "unknownQuestion", name));
        }
        for (String channel : alert.channels()) {
            if (!channels.isEmpty() && !channels.contains(channel)) {
                problems.add(at(path, "channels"), "unknownChannel", channel, String.join(", ", new java.util.TreeSet<>(channels)));
            }
        }
        if (alert.kind() == null) {
            return; // named by the reader
        }
        switch (alert.kind()) {
            case NOT_SATISFIED -> read.stream().filter(q -> q.type() != QuestionType.SCALE)
                    .forEach(q -> problems.add(at(path, "questions"), "alertNeedsScale", q.name(), alert.kind().name()));
            case RATING_AT_MOST -> {
                if (alert.level() == null) {
                    problems.add(at(path, "level"), "missing", "level");
                }
                for (Question q : read) {
                    if (q.type() != QuestionType.SCALE) {
                        problems.add(at(path, "questions"), "alertNeedsScale", q.name(), alert.kind().name());
                    } else if (alert.level() != null && m.scale(q.scale())
                            .filter(scale -> scale.levels().stream().anyMatch(l -> l.code() == alert.level())).isEmpty()) {
                        problems.add(at(path, "level"), "alertLevelNotInScale", alert.level(), q.scale());
                    }
                }
            }
            case ANSWER_IN -> {
                if (alert.codes().isEmpty()) {
                    problems.add(at(path, "codes"), "missing", "codes");
                }
                Set<String> offered = new HashSet<>();
                for (Question q : read) {
                    if (q.choices() != null) {
                        m.choiceList(q.choices()).ifPresent(list -> list.choices().forEach(c -> offered.add(c.code())));
                    } else if (q.scale() != null) {
                        m.scale(q.scale()).ifPresent(scale -> {
                            scale.levels().forEach(l -> offered.add(Integer.toString(l.code())));
                            scale.excluded().forEach(l -> offered.add(Integer.toString(l.code())));
                        });
                    } else {
                        problems.add(at(path, "questions"), "alertNeedsChoices", q.name());
                    }
                }
                alert.codes().stream().filter(c -> !read.isEmpty() && !offered.contains(c))
                        .forEach(c -> problems.add(at(path, "codes"), "alertCodeNotOffered", c));
            }
            case WATCH_LIST -> {
                if (alert.words().isEmpty()) {
                    problems.add(at(path, "words"), "missing", "words");
                }
                read.stream().filter(q -> q.type() != QuestionType.TEXT)
                        .forEach(q -> problems.add(at(path, "questions"), "alertNeedsText", q.name()));
            }
        }
    }

    private void checkScale(AnswerScale scale) {
        String path = "scales." + scale.name();
        if (scale.levels().isEmpty()) {
            problems.add(path + ".levels", "noLevels", scale.name());
        }
        Set<Integer> codes = new HashSet<>();
        for (int i = 0; i < scale.levels().size(); i++) {
            if (!codes.add(scale.levels().get(i).code())) {
                problems.add(path + ".levels[" + i + "].code", "duplicateCode", scale.levels().get(i).code());
            }
        }
        for (int i = 0; i < scale.excluded().size(); i++) {
            if (!codes.add(scale.excluded().get(i).code())) {
                problems.add(path + ".excluded[" + i + "].code", "duplicateCode", scale.excluded().get(i).code());
            }
        }
        if (scale.satisfied().isEmpty()) {
            problems.add(path + ".satisfied", "noSatisfied", scale.name());
        }
        scale.satisfied().stream().sorted()
                .filter(code -> scale.levels().stream().noneMatch(l -> l.code() == code))
                .forEach(code -> problems.add(path + ".satisfied", "satisfiedNotLevel", code, scale.name()));
    }

    private void checkChoices(ChoiceList list, boolean allowChoiceDuplicates) {
        String path = "choices." + list.name();
        if (list.choices().isEmpty()) {
            problems.add(path, "noChoices", list.name());
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < list.choices().size(); i++) {
            String code = list.choices().get(i).code();
            boolean first = codes.add(code);
            if (!first && !allowChoiceDuplicates) {
                problems.add(path + "[" + i + "].code", "duplicateCode", code);
            } else if (first && code.contains(" ")) {
                // select_multiple stores the chosen codes separated by spaces
                problems.add(path + "[" + i + "].code", "codeWithSpace", code);
            }
        }
    }

    private void checkQuestions(Methodology m) {
        Map<String, Integer> asked = new HashMap<>(); // name → order of asking
        Set<String> sectionNames = new HashSet<>();
        int order = 0;
        for (int s = 0; s < m.sections().size(); s++) {
            Section section = m.sections().get(s);
            String sectionPath = "sections[" + s + "]";
            checkName(section.name(), sectionPath + ".name", sectionNames);
            if (section.questions().isEmpty()) {
                // a page without questions cannot be stored (its list would read back as missing) nor shown
                problems.add(sectionPath, "emptySection", section.name());
            }
            for (int q = 0; q < section.questions().size(); q++) {
                Question question = section.questions().get(q);
                String path = sectionPath + ".questions[" + q + "]";
                if (question.name() != null && checkName(question.name(), path + ".name", sectionNames)) {
                    asked.put(question.name(), order);
                }
                order++;
            }
        }
        if (asked.isEmpty() && !problems.any()) {
            problems.add("sections", "noQuestions");
        }
        order = 0;
        for (int s = 0; s < m.sections().size(); s++) {
            List<Question> questions = m.sections().get(s).questions();
            for (int q = 0; q < questions.size(); q++) {
                checkQuestion(m, questions.get(q), "sections[" + s + "].questions[" + q + "]", asked, order++);
            }
        }
    }

    /** True when the name is well formed and new; sections and questions share one name space, as in XLSForm. */
    private boolean checkName(String name, String path, Set<String> seen) {
        if (name == null) {
            return false;
        }
        if (!NAME.matcher(name).matches()) {
            problems.add(path, "badName", name);
            return false;
        }
        if (!seen.add(name)) {
            problems.add(path, "duplicateName", name);
            return false;
        }
        return true;
    }

    private void checkQuestion(Methodology m, Question question, String path, Map<String, Integer> asked, int order) {
        if (question.type() == QuestionType.SCALE && question.scale() != null && m.scale(question.scale()).isEmpty()) {
            problems.add(path + ".type", "unknownScale", question.scale());
        }
        if (question.choices() != null && m.choiceList(question.choices()).isEmpty()) {
            problems.add(path + ".type", "unknownChoices", question.choices());
        }
        if (question.relevant() != null) {
            // a question cannot wait for its own answer to decide whether to be asked
            checkExpression(question.relevant(), path + ".relevant", asked, order, false);
        }
        if (question.constraint() != null) {
            checkExpression(question.constraint(), path + ".constraint", asked, order, true);
        }
        if (question.choiceFilter() != null) {
            checkChoiceFilter(m, question, path + ".choice_filter", asked, order);
        }
        if (question.defaultValue() != null && question.type() != null) {
            checkDefault(m, question, path + ".default");
        }
        if (question.readOnly() && question.type() != QuestionType.CALCULATE && question.calculation() != null) {
            // a read-only question shows what its calculation computes from the answers before it
            checkExpression(question.calculation(), path + ".calculation", asked, order, false);
        }
        if (question.type() == QuestionType.CALCULATE) {
            // a calculation reads the answers before it, never itself: the server computes it in order
            if (question.calculation() == null) {
                problems.add(path + ".calculation", "missing", "calculation");
            } else {
                checkExpression(question.calculation(), path + ".calculation", asked, order, false);
            }
        }
        if (question.constraintMessage() != null && question.constraint() == null) {
            problems.add(path + ".constraint_message", "messageWithoutConstraint");
        }
    }

    /** A default is an answer the question could take: a code it offers, a number, a date as ODK writes it (yyyy-mm-dd). */
    private void checkDefault(Methodology m, Question question, String path) {
        String value = question.defaultValue();
        boolean fits = switch (question.type()) {
            case SCALE -> m.scale(question.scale()).map(scale -> java.util.stream.Stream.concat(scale.levels().stream(),
                    scale.excluded().stream()).anyMatch(l -> Integer.toString(l.code()).equals(value))).orElse(true);
            case SELECT_ONE -> m.choiceList(question.choices()).map(list -> list.choice(value).isPresent()).orElse(true);
            case SELECT_MULTIPLE -> m.choiceList(question.choices()).map(list -> java.util.Arrays.stream(value.split("\\s+"))
                    .allMatch(code -> list.choice(code).isPresent())).orElse(true);
            case INTEGER -> value.matches("[+-]?\\d{1,9}");
            case DECIMAL -> value.matches("[+-]?\\d{1,12}([.]\\d{1,9})?");
            case DATE -> isoDate(value);
            case TEXT -> true;
            // nothing is typed into an official, a note or a calculation
            case OFFICIAL, NOTE, CALCULATE -> false;
        };
        if (!fits) {
            problems.add(path, "badDefault", value, QuestionKind.of(question).text());
        }
    }

    private static boolean isoDate(String value) {
        try {
            java.time.LocalDate.parse(value);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** A cascade's filter reads answers asked before, and columns its list has. */
    private void checkChoiceFilter(Methodology m, Question question, String path, Map<String, Integer> asked, int order) {
        Expression filter = checkExpression(question.choiceFilter(), path, asked, order, false, true);
        if (filter == null) {
            return;
        }
        if (question.choices() == null) {
            problems.add(path, "filterWithoutList");
            return;
        }
        m.choiceList(question.choices()).ifPresent(list -> {
            for (String column : filter.columns()) {
                boolean known = column.equals("name") || column.equals("label") || column.startsWith("label:")
                        || list.choices().stream()
                        .anyMatch(c -> c.columns().keySet().stream().anyMatch(k -> k.equalsIgnoreCase(column)));
                if (!known) {
                    problems.add(path, "unknownFilterColumn", column, list.name());
                }
            }
        });
    }

    private void checkExpression(String text, String path, Map<String, Integer> asked, int order, boolean mayReadItself) {
        checkExpression(text, path, asked, order, mayReadItself, false);
    }

    private Expression checkExpression(String text, String path, Map<String, Integer> asked, int order,
                                       boolean mayReadItself, boolean readsColumns) {
        Expression expression;
        try {
            expression = Expression.parse(text);
        } catch (Expression.SyntaxError e) {
            problems.add(path, "expressionSyntax", text, e.position() + 1);
            return null;
        }
        if (!readsColumns && !expression.columns().isEmpty()) {
            // only a choice_filter reads a choice's columns by bare name; elsewhere it is a typo for ${name} or 'text'
            problems.add(path, "bareName", expression.columns().iterator().next());
            return null;
        }
        for (String name : expression.references()) {
            Integer at = asked.get(name);
            if (at == null) {
                if (!problems.readsLeftOut(name)) {
                    problems.add(path, "unknownReference", name);
                }
            } else if (at > order || (at == order && !mayReadItself)) {
                problems.add(path, "laterReference", name);
            }
        }
        return expression;
    }

    private void checkIndex(Methodology m, IndexNode node, String path, Set<String> codes) {
        if (node.code() != null && !codes.add(node.code())) {
            problems.add(path + ".code", "duplicateNode", node.code());
        }
        if (node.rule() == IndexNode.Rule.SHARE_SATISFIED) {
            checkCriterion(m, node, path);
        } else if (node.rule() != null) {
            if (node.question() != null) {
                problems.add(path + ".question", "questionOnInnerNode", node.code());
            }
            if (node.children().isEmpty()) {
                problems.add(path, "noChildren", node.code());
            }
            checkWeights(node, path);
        }
        for (int i = 0; i < node.children().size(); i++) {
            checkIndex(m, node.children().get(i), path + ".children[" + i + "]", codes);
        }
    }

    private void checkCriterion(Methodology m, IndexNode node, String path) {
        if (!node.children().isEmpty()) {
            problems.add(path + ".children", "criterionWithChildren", node.code());
        }
        if (node.question() == null) {
            problems.add(path + ".question", "missing", "question");
            return;
        }
        m.question(node.question()).ifPresentOrElse(
                q -> {
                    if (q.type() != QuestionType.SCALE) {
                        problems.add(path + ".question", "criterionNotScale", node.question());
                    }
                },
                () -> problems.add(path + ".question", "unknownQuestion", node.question()));
    }

    private void checkWeights(IndexNode node, String path) {
        Set<String> children = new HashSet<>();
        node.children().forEach(c -> children.add(c.code()));
        if (node.rule() == IndexNode.Rule.MEAN) {
            if (!node.weights().isEmpty()) {
                problems.add(path + ".weights", "weightsOnMean", node.code());
            }
            return;
        }
        node.weights().keySet().stream().filter(k -> !children.contains(k)).sorted()
                .forEach(k -> problems.add(path + ".weights." + k, "weightNotChild", k, node.code()));
        node.children().stream().map(IndexNode::code).filter(c -> c != null && !node.weights().containsKey(c))
                .forEach(c -> problems.add(path + ".weights", "weightMissing", c, node.code()));
        node.weights().forEach((k, w) -> {
            if (!(w > 0) || w.isInfinite()) {
                problems.add(path + ".weights." + k, "weightNotPositive", k, w);
            }
        });
    }
}
