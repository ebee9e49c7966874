package org.sipas.collection.capi;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.sipas.methodology.AnswerScale;
import org.sipas.methodology.ChoiceList;
import org.sipas.methodology.Label;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;
import org.sipas.methodology.QuestionType;
import org.sipas.methodology.Section;

/**
 * A methodology version as the device renders it offline: sections of questions with their
 * labels in both languages, the options a scale or choice list offers, and the skip-logic and
 * constraint expressions as written (the device evaluates them; the server checks again).
 *
 * @param key {@code code/version}, what a case names as its form
 */
record CapiForm(String key, String code, int version, Label title, List<Part> sections) {

    record Part(String name, Label title, List<Item> questions) {
    }

    /**
     * @param type    scale, select_one, select_multiple, text, integer, date or official
     * @param options the codes offered (scale levels, then its "no answer" codes; choices); empty for the other types
     * @param calculation what a {@code calculate} computes from the answers before it, or null; the server computes it again
     * @param defaultAnswer the form's {@code default} as typed (a date dd/MM/yyyy), filled into a new interview; or null
     * @param readOnly    shown, not editable: its answer is its calculation, else its default (the server's too)
     */
    record Item(String name, String type, Label label, Label hint, boolean required, String relevant, String constraint,
                Label constraintMessage, List<Option> options, String choiceFilter, String calculation, String defaultAnswer,
                boolean readOnly) {
    }

    /** @param columns what a {@code choice_filter} reads of the choice besides its code and label (cascades) */
    record Option(String code, Label label, java.util.Map<String, String> columns) {
    }

    static String key(String code, int version) {
        return code + "/" + version;
    }

    static CapiForm of(Methodology methodology) {
        return new CapiForm(key(methodology.code(), methodology.version()), methodology.code(), methodology.version(),
                methodology.title(), methodology.sections().stream().map(s -> part(methodology, s)).toList());
    }

    private static Part part(Methodology methodology, Section section) {
        return new Part(section.name(), section.title(), section.questions().stream().map(q -> item(methodology, q)).toList());
    }

    private static Item item(Methodology methodology, Question q) {
        return new Item(q.name(), q.type().name().toLowerCase(Locale.ROOT), q.label(), q.hint(), q.required(), q.relevant(),
                q.constraint(), q.constraintMessage(), options(methodology, q), q.choiceFilter(),
                q.type() == QuestionType.CALCULATE || q.readOnly() ? q.calculation() : null,
                q.defaultValue() == null ? null : org.sipas.collection.StepViews.typedDefault(q), q.readOnly());
    }

    private static List<Option> options(Methodology methodology, Question q) {
        return switch (q.type()) {
            case SCALE -> {
                AnswerScale scale = methodology.scale(q.scale()).orElseThrow();
                yield Stream.concat(scale.levels().stream(), scale.excluded().stream())
                        .map(l -> new Option(Integer.toString(l.code()), l.label(), java.util.Map.of())).toList();
            }
            case SELECT_ONE, SELECT_MULTIPLE -> {
                ChoiceList list = methodology.choiceList(q.choices()).orElseThrow();
                // what the filter reads of each choice, as the server reads it (a translated label by its language's name too)
                java.util.Set<String> read = q.choiceFilter() == null ? java.util.Set.of()
                        : org.sipas.methodology.Expression.compiled(q.choiceFilter()).columns();
                yield list.choices().stream().map(c -> {
                    java.util.Map<String, String> columns = new java.util.LinkedHashMap<>(c.columns());
                    read.forEach(name -> columns.put(name, c.column(name)));
                    return new Option(c.code(), c.label(), columns);
                }).toList();
            }
            default -> List.of();
        };
    }
}
