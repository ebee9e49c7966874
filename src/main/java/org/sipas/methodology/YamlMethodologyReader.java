package org.sipas.methodology;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a methodology file written in YAML (the format is documented by the shipped
 * {@code methodology/sipas-2017.yaml}). It reads the YAML as a tree of nodes rather than as plain
 * maps because nodes remember their line: every problem is reported where a methodologist can
 * find it. Problems of shape (a missing field, a word that is not a question type) are recorded
 * and reading goes on, so one pass reports them all; the meaning is checked afterwards by
 * {@link MethodologyRules}.
 */
final class YamlMethodologyReader {

    /** What stands in for a missing label while the rest of the file is still read for problems. */
    private static final Label MISSING = Label.of("?", null);

    private static final Set<String> TOP = Set.of("code", "version", "title", "allow_choice_duplicates", "scales", "choices",
            "sections", "index", "alerts");
    private static final Set<String> SCALE = Set.of("levels", "satisfied", "excluded");
    /** An option holds its code, its kept columns, and its label's texts keyed by language. */
    private static final Set<String> OPTION_FIELDS = Set.of("code", "columns");
    private static final Set<String> SECTION = Set.of("name", "title", "questions");
    private static final Set<String> QUESTION = Set.of("name", "type", "label", "hint", "required", "relevant",
            "constraint", "constraint_message", "columns");
    private static final Set<String> NODE = Set.of("code", "label", "rule", "question", "children", "weights");
    private static final Set<String> ALERT = Set.of("code", "kind", "questions", "codes", "level", "words", "channels",
            "severity", "label", "enabled");

    private final Problems problems;
    private final Map<String, Label> questionLabels = new LinkedHashMap<>();

    private YamlMethodologyReader(Problems problems) {
        this.problems = problems;
    }

    /** The model read from {@code text}, or null when the text is not a YAML mapping at all; problems go to {@code problems}. */
    static Methodology read(String text, Problems problems) {
        return new YamlMethodologyReader(problems).read(text);
    }

    private Methodology read(String text) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.addAt(mark == null ? 0 : mark.getLine() + 1, "", "yaml", e.getProblem());
            return null;
        } catch (YAMLException e) {
            problems.addAt(0, "", "yaml", e.getMessage());
            return null;
        }
        if (!(root instanceof MappingNode)) {
            problems.addAt(root == null ? 1 : line(root), "", "notMethodology");
            return null;
        }
        Fields top = new Fields(root, "", TOP);
        String code = top.text("code", true);
        Integer version = top.integer("version", false);
        Label title = top.label("title", true);
        List<AnswerScale> scales = new ArrayList<>();
        top.entries("scales").forEach((name, node) -> scales.add(scale(name, node, top.path("scales") + "." + name)));
        List<ChoiceList> lists = new ArrayList<>();
        top.entries("choices").forEach((name, node) -> lists.add(choiceList(name, node, top.path("choices") + "." + name)));
        List<Section> sections = new ArrayList<>();
        List<Node> sectionNodes = top.list("sections", true);
        for (int i = 0; i < sectionNodes.size(); i++) {
            sections.add(section(sectionNodes.get(i), top.path("sections") + "[" + i + "]"));
        }
        // Without an index tree the file is a questionnaire only: answers are collected, no index computed.
        IndexNode index = top.node("index") == null ? null : indexNode(top.node("index"), top.path("index"));
        List<AlertDeclaration> alerts = new ArrayList<>();
        List<Node> alertNodes = top.list("alerts", false);
        for (int i = 0; i < alertNodes.size(); i++) {
            alerts.add(alert(alertNodes.get(i), top.path("alerts") + "[" + i + "]"));
        }
        return new Methodology(code, version == null ? 1 : version, title, scales, lists, sections, index, alerts,
                top.flag("allow_choice_duplicates"));
    }

    /** One alert rule: {@code {code: fees, kind: ANSWER_IN, questions: [reasons], codes: [phi], severity: HIGH, label: …}}. */
    private AlertDeclaration alert(Node node, String path) {
        Fields fields = new Fields(node, path, ALERT);
        String kindText = fields.text("kind", true);
        AlertKind kind = kindText == null ? null : AlertKind.parse(kindText);
        if (kindText != null && kind == null) {
            problems.add(fields.path("kind"), "unknownAlertKind", kindText, java.util.Arrays.toString(AlertKind.values()));
        }
        String severityText = fields.text("severity", false);
        AlertSeverity severity = severityText == null ? AlertSeverity.MEDIUM : AlertSeverity.parse(severityText);
        if (severity == null) {
            problems.add(fields.path("severity"), "unknownSeverity", severityText,
                    java.util.Arrays.toString(AlertSeverity.values()));
        }
        boolean enabled = fields.text("enabled", false) == null || fields.flag("enabled");
        return new AlertDeclaration(fields.text("code", true), kind, fields.names("questions", AlertDeclaration::names),
                fields.names("codes", AlertDeclaration::names), fields.integer("level", false),
                fields.names("words", AlertDeclaration::words), fields.names("channels", AlertDeclaration::names), severity, fields.text("label", true), enabled);
    }

    private AnswerScale scale(String name, Node node, String path) {
        Fields fields = new Fields(node, path, SCALE);
        List<AnswerScale.Level> levels = levels(fields.list("levels", true), fields.path("levels"));
        Set<Integer> satisfied = new LinkedHashSet<>();
        List<Node> satisfiedNodes = fields.list("satisfied", true);
        for (int i = 0; i < satisfiedNodes.size(); i++) {
            Integer code = integer(satisfiedNodes.get(i), fields.path("satisfied") + "[" + i + "]");
            if (code != null) {
                satisfied.add(code);
            }
        }
        List<AnswerScale.Level> excluded = levels(fields.list("excluded", false), fields.path("excluded"));
        return new AnswerScale(name, levels, satisfied, excluded);
    }

    private List<AnswerScale.Level> levels(List<Node> nodes, String path) {
        List<AnswerScale.Level> levels = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Fields option = new Fields(nodes.get(i), path + "[" + i + "]", null);
            Integer code = option.integer("code", true);
            Label label = option.optionLabel();
            if (code != null) {
                levels.add(new AnswerScale.Level(code, label));
            }
        }
        return levels;
    }

    private ChoiceList choiceList(String name, Node node, String path) {
        List<ChoiceList.Choice> choices = new ArrayList<>();
        List<Node> nodes = sequence(node, path);
        for (int i = 0; i < nodes.size(); i++) {
            Fields option = new Fields(nodes.get(i), path + "[" + i + "]", null);
            String code = option.text("code", true);
            Label label = option.optionLabel();
            if (code != null) {
                choices.add(new ChoiceList.Choice(code, label, option.texts("columns")));
            }
        }
        return new ChoiceList(name, choices);
    }

    private Section section(Node node, String path) {
        Fields fields = new Fields(node, path, SECTION);
        String name = fields.text("name", true);
        Label title = fields.label("title", true);
        List<Question> questions = new ArrayList<>();
        List<Node> nodes = fields.list("questions", true);
        for (int i = 0; i < nodes.size(); i++) {
            questions.add(question(nodes.get(i), fields.path("questions") + "[" + i + "]"));
        }
        return new Section(name, title, questions);
    }

    private Question question(Node node, String path) {
        Fields fields = new Fields(node, path, QUESTION);
        String name = fields.text("name", true);
        String typeText = fields.text("type", true);
        QuestionKind kind = typeText == null ? null : QuestionKind.parse(typeText);
        if (typeText != null && kind == null) {
            problems.add(fields.path("type"), "unknownType", typeText);
        }
        Question question = new Question(name, kind == null ? null : kind.type(), fields.label("label", true),
                fields.label("hint", false), kind == null ? null : kind.scale(), kind == null ? null : kind.choices(),
                fields.flag("required"), fields.text("relevant", false), fields.text("constraint", false),
                fields.label("constraint_message", false), fields.texts("columns"));
        if (name != null) {
            questionLabels.putIfAbsent(name, question.label());
        }
        return question;
    }

    private IndexNode indexNode(Node node, String path) {
        Fields fields = new Fields(node, path, NODE);
        String code = fields.text("code", true);
        String question = fields.text("question", false);
        List<Node> childNodes = fields.list("children", false);
        String ruleText = fields.text("rule", false);
        IndexNode.Rule rule = question != null ? IndexNode.Rule.SHARE_SATISFIED : IndexNode.Rule.MEAN;
        if (ruleText != null) {
            rule = rule(ruleText);
            if (rule == null) {
                problems.add(fields.path("rule"), "unknownRule", ruleText);
            }
        }
        List<IndexNode> children = new ArrayList<>();
        for (int i = 0; i < childNodes.size(); i++) {
            children.add(indexNode(childNodes.get(i), fields.path("children") + "[" + i + "]"));
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        fields.entries("weights").forEach((child, weight) -> {
            Double value = decimal(weight, fields.path("weights") + "." + child);
            if (value != null) {
                weights.put(child, value);
            }
        });
        // A criterion's label may be left out: it is then its question's label.
        Label label = fields.node("label") == null && question != null
                ? questionLabels.getOrDefault(question, MISSING) : fields.label("label", true);
        return new IndexNode(code, label, rule, question, children, weights);
    }

    static IndexNode.Rule rule(String text) {
        try {
            return IndexNode.Rule.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---- scalars

    private List<Node> sequence(Node node, String path) {
        if (node instanceof SequenceNode seq) {
            for (int i = 0; i < seq.getValue().size(); i++) {
                problems.place(path + "[" + i + "]", line(seq.getValue().get(i)));
            }
            return seq.getValue();
        }
        problems.add(path, "notList");
        return List.of();
    }

    private String scalar(Node node, String path) {
        if (node instanceof ScalarNode s) {
            return s.getValue().isBlank() ? null : s.getValue().strip();
        }
        problems.add(path, "notText");
        return null;
    }

    /**
     * The text of a label: a quoted scalar exactly as written, spaces included (the writer quotes
     * every label, so a form's words come back byte for byte); a plain or block one stripped.
     */
    private String words(Node node, String path) {
        if (node instanceof ScalarNode s && !s.getValue().isBlank()
                && (s.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                || s.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED)) {
            return s.getValue();
        }
        return scalar(node, path);
    }

    private Integer integer(Node node, String path) {
        String text = scalar(node, path);
        try {
            return text == null ? null : Integer.valueOf(text);
        } catch (NumberFormatException e) {
            problems.add(path, "notInteger", text);
            return null;
        }
    }

    private Double decimal(Node node, String path) {
        String text = scalar(node, path);
        try {
            return text == null ? null : Double.valueOf(text);
        } catch (NumberFormatException e) {
            problems.add(path, "notNumber", text);
            return null;
        }
    }

    private static long line(Node node) {
        return node.getStartMark().getLine() + 1L;
    }

    /** The fields of one YAML mapping, each placed at its line; duplicate and unknown keys are problems. */
    private final class Fields {
        private final String path;
        private final Map<String, Node> values = new LinkedHashMap<>();

        Fields(Node node, String path, Set<String> known) {
            this.path = path;
            problems.place(path, line(node));
            if (!(node instanceof MappingNode mapping)) {
                problems.add(path, "notMapping");
                return;
            }
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(tuple.getKeyNode());
                problems.place(path(key), line(tuple.getKeyNode()));
                if (known != null && !known.contains(key)) {
                    problems.addAt(line(tuple.getKeyNode()), path(key), "unknownField", key);
                } else if (values.putIfAbsent(key, tuple.getValueNode()) != null) {
                    problems.addAt(line(tuple.getKeyNode()), path(key), "duplicateKey", key);
                }
            }
        }

        String path(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        Node node(String key) {
            Node node = values.get(key);
            return node instanceof ScalarNode s && s.getValue().isBlank() ? null : node;
        }

        String text(String key, boolean required) {
            Node node = node(key);
            if (node == null) {
                if (required) {
                    problems.add(path(key), "missing", key);
                }
                return null;
            }
            return scalar(node, path(key));
        }

        Integer integer(String key, boolean required) {
            Node node = node(key);
            if (node == null) {
                if (required) {
                    problems.add(path(key), "missing", key);
                }
                return null;
            }
            return YamlMethodologyReader.this.integer(node, path(key));
        }

        boolean flag(String key) {
            String text = text(key, false);
            if (text == null) {
                return false;
            }
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> true;
                case "false", "no" -> false;
                default -> {
                    problems.add(path(key), "notBoolean", text);
                    yield false;
                }
            };
        }

        List<Node> list(String key, boolean required) {
            Node node = node(key);
            if (node == null) {
                if (required) {
                    problems.add(path(key), "missing", key);
                }
                return List.of();
            }
            return sequence(node, path(key));
        }

        /** A list of names, as a YAML list or one text {@code cut} as a cell is ({@code questions: c10 c11}). */
        List<String> names(String key, java.util.function.Function<String, List<String>> cut) {
            Node node = node(key);
            if (node == null) {
                return List.of();
            }
            if (node instanceof ScalarNode) {
                return cut.apply(scalar(node, path(key)));
            }
            List<String> names = new ArrayList<>();
            List<Node> items = sequence(node, path(key));
            for (int i = 0; i < items.size(); i++) {
                String text = scalar(items.get(i), path(key) + "[" + i + "]");
                if (text != null && !text.isBlank()) {
                    names.add(text.strip());
                }
            }
            return names;
        }

        /** A mapping of named entries ({@code scales}, {@code choices}, {@code weights}), in file order. */
        Map<String, Node> entries(String key) {
            Node node = node(key);
            if (node == null) {
                return Map.of();
            }
            Fields entries = new Fields(node, path(key), null);
            return entries.values;
        }

        /** A mapping of texts by name ({@code columns: {"appearance": "minimal"}}), in file order. */
        Map<String, String> texts(String key) {
            Map<String, String> texts = new LinkedHashMap<>();
            entries(key).forEach((name, node) -> {
                String text = scalar(node, path(key) + "." + name);
                if (text != null) {
                    texts.put(name, text);
                }
            });
            return texts;
        }

        /** A label: plain text (Vietnamese) or its texts by language, {@code {vi: …, en: …, de: …}}. */
        Label label(String key, boolean required) {
            Node node = node(key);
            if (node == null) {
                if (required) {
                    problems.add(path(key), "missing", key);
                }
                return required ? MISSING : null;
            }
            if (node instanceof ScalarNode) {
                return Label.of(words(node, path(key)), null);
            }
            Fields texts = new Fields(node, path(key), null);
            return labelOf(texts, Set.of(), path(key));
        }

        /** The label of a level or choice, written beside its code: {@code {code: 4, vi: Hài lòng, en: Satisfied}}. */
        Label optionLabel() {
            return labelOf(this, OPTION_FIELDS, path);
        }

        /** The texts of a label by language, in file order: a methodology may be in any languages, Vietnamese or not. */
        private Label labelOf(Fields fields, Set<String> notLanguages, String labelPath) {
            Map<String, String> texts = new LinkedHashMap<>();
            fields.values.forEach((language, node) -> {
                if (!notLanguages.contains(language)) {
                    String text = words(node, fields.path(language));
                    if (text != null) {
                        texts.put(language, text);
                    }
                }
            });
            if (texts.isEmpty()) {
                problems.add(labelPath, "labelMissing");
                return MISSING;
            }
            return new Label(texts);
        }
    }
}
