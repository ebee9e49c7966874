package org.sipas.methodology;

import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Writes a methodology in the YAML format {@link YamlMethodologyReader} reads, laid out as a
 * methodologist writes it by hand (one question per block, options on one line each). Used to
 * store an XLSForm upload as YAML and to download any version as a file to edit.
 */
final class YamlMethodologyWriter {

    private final StringBuilder out = new StringBuilder();

    private YamlMethodologyWriter() {
    }

    static String write(Methodology m) {
        return new YamlMethodologyWriter().methodology(m);
    }

    private String methodology(Methodology m) {
        out.append("# ").append(m.title().first().replace('\n', ' ')).append(" — sipas methodology file (format: see sipas-2017.yaml)\n");
        out.append("code: ").append(m.code()).append('\n');
        out.append("version: ").append(m.version()).append('\n');
        out.append("title: ").append(label(m.title())).append('\n');
        if (m.allowChoiceDuplicates()) {
            out.append("allow_choice_duplicates: true\n");
        }
        if (!m.scales().isEmpty()) {
            out.append("\nscales:\n");
            for (AnswerScale scale : m.scales()) {
                out.append("  ").append(scale.name()).append(":\n    levels:\n");
                scale.levels().forEach(l -> option(Integer.toString(l.code()), l.label(), Map.of(), "      "));
                out.append("    satisfied: ").append(new TreeSet<>(scale.satisfied())).append('\n');
                if (!scale.excluded().isEmpty()) {
                    out.append("    excluded:\n");
                    scale.excluded().forEach(l -> option(Integer.toString(l.code()), l.label(), Map.of(), "      "));
                }
            }
        }
        if (!m.choiceLists().isEmpty()) {
            out.append("\nchoices:\n");
            for (ChoiceList list : m.choiceLists()) {
                out.append("  ").append(list.name()).append(":\n");
                list.choices().forEach(c -> option(quoted(c.code()), c.label(), c.columns(), "    "));
            }
        }
        out.append("\nsections:\n");
        for (Section section : m.sections()) {
            out.append("  - name: ").append(section.name()).append('\n');
            out.append("    title: ").append(label(section.title())).append('\n');
            out.append("    questions:\n");
            section.questions().forEach(this::question);
        }
        if (m.index() != null) {
            out.append("\nindex:\n");
            node(m, m.index(), "  ", "  ");
        }
        if (!m.alerts().isEmpty()) {
            out.append("\nalerts:\n");
            m.alerts().forEach(this::alert);
        }
        return out.toString();
    }

    private void option(String code, Label label, Map<String, String> columns, String indent) {
        out.append(indent).append("- {code: ").append(code);
        label.texts().forEach((language, text) -> out.append(", ").append(key(language)).append(": ").append(quoted(text)));
        if (!columns.isEmpty()) {
            out.append(", columns: ").append(map(columns));
        }
        out.append("}\n");
    }

    /** A flow mapping of texts: {@code {"appearance": "minimal", "state": "ca"}}. */
    private static String map(Map<String, String> values) {
        StringBuilder s = new StringBuilder("{");
        values.forEach((k, v) -> s.append(s.length() > 1 ? ", " : "").append(quoted(k)).append(": ").append(quoted(v)));
        return s.append('}').toString();
    }

    /** A language code as a key: plain when it is one ("de", "zh-hans"), quoted when a form named it otherwise. */
    private static String key(String language) {
        return language.matches("[a-z]{2,3}(-[a-z0-9]+)*") && !language.equals("code") ? language : quoted(language);
    }

    private void question(Question q) {
        String indent = "        ";
        out.append("      - name: ").append(q.name()).append('\n');
        out.append(indent).append("type: ").append(QuestionKind.of(q).text()).append('\n');
        out.append(indent).append("label: ").append(label(q.label())).append('\n');
        if (q.hint() != null) {
            out.append(indent).append("hint: ").append(label(q.hint())).append('\n');
        }
        if (q.required()) {
            out.append(indent).append("required: yes\n");
        }
        if (q.relevant() != null) {
            out.append(indent).append("relevant: ").append(quoted(q.relevant())).append('\n');
        }
        if (q.constraint() != null) {
            out.append(indent).append("constraint: ").append(quoted(q.constraint())).append('\n');
        }
        if (q.constraintMessage() != null) {
            out.append(indent).append("constraint_message: ").append(label(q.constraintMessage())).append('\n');
        }
        if (!q.columns().isEmpty()) {
            out.append(indent).append("columns: ").append(map(q.columns())).append('\n');
        }
    }

    private void alert(AlertDeclaration a) {
        String indent = "    ";
        out.append("  - code: ").append(quoted(a.code())).append('\n');
        out.append(indent).append("kind: ").append(a.kind().name()).append('\n');
        out.append(indent).append("questions: ").append(list(a.questions())).append('\n');
        if (!a.codes().isEmpty()) {
            out.append(indent).append("codes: ").append(list(a.codes())).append('\n');
        }
        if (a.level() != null) {
            out.append(indent).append("level: ").append(a.level()).append('\n');
        }
        if (!a.words().isEmpty()) {
            out.append(indent).append("words: ").append(list(a.words())).append('\n');
        }
        if (!a.channels().isEmpty()) {
            out.append(indent).append("channels: ").append(list(a.channels())).append('\n');
        }
        out.append(indent).append("severity: ").append(a.severity().name()).append('\n');
        out.append(indent).append("label: ").append(quoted(a.label())).append('\n');
        if (!a.enabled()) {
            out.append(indent).append("enabled: no\n");
        }
    }

    /** A flow sequence of texts, each quoted: {@code ["nhũng nhiễu", "phiền hà"]}. */
    private static String list(java.util.List<String> values) {
        return values.stream().map(YamlMethodologyWriter::quoted).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private void node(Methodology m, IndexNode node, String first, String indent) {
        out.append(first).append("code: ").append(quoted(node.code())).append('\n');
        boolean labelFromQuestion = node.question() != null
                && m.question(node.question()).map(q -> Objects.equals(q.label(), node.label())).orElse(false);
        if (!labelFromQuestion) {
            out.append(indent).append("label: ").append(label(node.label())).append('\n');
        }
        out.append(indent).append("rule: ").append(node.rule().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        if (node.question() != null) {
            out.append(indent).append("question: ").append(node.question()).append('\n');
        }
        if (!node.weights().isEmpty()) {
            out.append(indent).append("weights:\n");
            node.children().stream().map(IndexNode::code).filter(node.weights()::containsKey).forEach(c -> out
                    .append(indent).append("  ").append(quoted(c)).append(": ").append(node.weights().get(c)).append('\n'));
            node.weights().keySet().stream().filter(k -> node.children().stream().noneMatch(c -> k.equals(c.code())))
                    .sorted().forEach(k -> out.append(indent).append("  ").append(quoted(k)).append(": ")
                            .append(node.weights().get(k)).append('\n'));
        }
        if (!node.children().isEmpty()) {
            out.append(indent).append("children:\n");
            node.children().forEach(child -> node(m, child, indent + "  - ", indent + "    "));
        }
    }

    private static String label(Label label) {
        if (label.texts().size() == 1 && label.vi() != null) {
            return quoted(label.vi());
        }
        StringBuilder s = new StringBuilder("{");
        label.texts().forEach((language, text) -> s.append(s.length() > 1 ? ", " : "").append(key(language)).append(": ")
                .append(quoted(text)));
        return s.append('}').toString();
    }

    /** A YAML double-quoted scalar: safe for any text, including ':' ',' '#' and '{'. */
    static String quoted(String text) {
        StringBuilder s = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                case '\r' -> s.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        s.append(String.format("\\x%02x", c));
                    } else {
                        s.appendCodePoint(c);
                    }
                }
            }
        });
        return s.append('"').toString();
    }
}
