package org.sipas.methodology;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.sipas.web.CsvWriter;

/**
 * The codebook of one methodology version: every variable with its labels, type, skip logic and
 * value labels, saying which values leave an index's base and which count as satisfied. The
 * basis of data exports (SPSS value labels, missing values), and what an analyst reads to know
 * what a column of a campaign's data means.
 */
public record Codebook(String code, int version, Label title, List<Variable> variables, IndexNode index) {

    /** One variable: a question of the questionnaire. */
    public record Variable(String section, String name, Label label, String type, boolean required, String relevant,
                           String constraint, List<Value> values) {

        /** The kind of answer it takes ({@code type} is as a file writes it: {@code scale sipas5}). */
        public QuestionType questionType() {
            return QuestionKind.parse(type).type();
        }
    }

    /** One value a variable takes, with its label. */
    public record Value(String value, Label label, boolean excludedFromBase, boolean countsAsSatisfied) {
    }

    static final List<String> CSV_COLUMNS = List.of("variable", "label_vi", "label_en", "type", "value",
            "value_label_vi", "value_label_en", "excluded_from_base", "counts_as_satisfied");

    /** The codebook of a version (exports: variable and value labels, missing-value codes). */
    public static Codebook of(Methodology m) {
        List<Variable> variables = new ArrayList<>();
        for (Section section : m.sections()) {
            for (Question q : section.questions()) {
                variables.add(new Variable(section.name(), q.name(), q.label(), QuestionKind.of(q).text(), q.required(),
                        q.relevant(), q.constraint(), values(m, q)));
            }
        }
        return new Codebook(m.code(), m.version(), m.title(), variables, m.index());
    }

    private static List<Value> values(Methodology m, Question q) {
        if (q.type() == QuestionType.SCALE) {
            return m.scale(q.scale()).map(scale -> {
                List<Value> values = new ArrayList<>();
                scale.levels().forEach(l -> values.add(new Value(Integer.toString(l.code()), l.label(), false,
                        scale.satisfied().contains(l.code()))));
                scale.excluded().forEach(l -> values.add(new Value(Integer.toString(l.code()), l.label(), true, false)));
                return values;
            }).orElse(List.of());
        }
        if (q.choices() != null) {
            return m.choiceList(q.choices()).map(list -> list.choices().stream()
                    .map(c -> new Value(c.code(), c.label(), false, false)).toList()).orElse(List.of());
        }
        return List.of();
    }

    /** One row per variable × value (one row with an empty value for a variable without value labels). */
    byte[] csv() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // labels come from an uploaded file: the writer neutralises one that starts like a formula
        try (CsvWriter csv = CsvWriter.to(bytes, false)) {
            csv.row(CSV_COLUMNS);
            for (Variable v : variables) {
                String type = v.type().split(" ")[0].toUpperCase(Locale.ROOT);
                if (v.values().isEmpty()) {
                    csv.row(v.name(), v.label().vi(), v.label().en(), type, null, null, null, null, null);
                }
                for (Value value : v.values()) {
                    // a scale's codes are whole numbers and stay numbers ("-9" for no answer is no formula)
                    Object code = type.equals("SCALE") ? (Object) Long.valueOf(value.value()) : value.value();
                    csv.row(v.name(), v.label().vi(), v.label().en(), type, code, value.label().vi(),
                            value.label().en(), value.excludedFromBase(), value.countsAsSatisfied());
                }
            }
        }
        return bytes.toByteArray();
    }
}
