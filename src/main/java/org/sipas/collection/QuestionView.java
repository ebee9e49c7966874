package org.sipas.collection;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One question as a page draws it: a step of the respondent's questionnaire, or the interviewer's
 * whole-questionnaire form (CATI).
 *
 * @param options the levels of a scale or the options of a select; for an official, the staff codes
 * @param apart   a scale's codes that are not levels (no answer, not applicable), shown apart from the scale
 * @param value   the answer as typed, for a field
 * @param asked   false: an empty placeholder, filled when an answer on the same page makes the question relevant
 * @param live    answering it can change what this page asks (a relevance expression of the page reads it)
 * @param readOnly shown, not editable ({@code read_only}): the server answers it with the form's value
 * @param inRow    its choices side by side ({@code appearance horizontal}, {@code horizontal-compact})
 */
public record QuestionView(String name, Widget widget, String label, String hint, boolean required, List<Option> options,
                    List<Option> apart, String value, String error, boolean asked, boolean live, boolean readOnly,
                    boolean inRow) {

    public QuestionView(String name, Widget widget, String label, String hint, boolean required, List<Option> options,
                        List<Option> apart, String value, String error, boolean asked, boolean live) {
        this(name, widget, label, hint, required, options, apart, value, error, asked, live, false, false);
    }

    /** The prefix of every answer's form field, so a question named like a control field (step, note, outcome) cannot clash. */
    public static final String FIELD = "a.";

    /**
     * NOTE: a text shown, no field; DECIMAL: a number that may have decimals; DROPDOWN: one choice
     * from a drop-down list ({@code appearance minimal}).
     */
    public enum Widget { SCALE, CHOICE, CHOICES, TEXT, NUMBER, DECIMAL, DATE, OFFICIAL, NOTE, DROPDOWN }

    /**
     * One radio or box.
     *
     * @param id what makes its element id unique on the page: the code, or the code and a number
     *           for a second choice a form gives the same code ({@code allow_choice_duplicates})
     */
    public record Option(String code, String label, boolean chosen, String id) {

        public Option(String code, String label, boolean chosen) {
            this(code, label, chosen, code);
        }
    }

    /** Radios or checkboxes in a fieldset, rather than one labelled field. */
    public boolean isGroup() {
        return widget == Widget.SCALE || widget == Widget.CHOICE || widget == Widget.CHOICES;
    }

    public String field() {
        return FIELD + name;
    }

    /** The element an error summary link moves to: the first radio or box of a group, else the field. */
    public String firstInputId() {
        return isGroup() && !options.isEmpty() ? "a-" + name + "-" + options.get(0).id() : "a-" + name;
    }

    /** The ids of the hint and the error, for {@code aria-describedby}; null when neither is shown. */
    public String describedBy() {
        String ids = Stream.of(hint == null ? null : "h-" + name, error == null ? null : "e-" + name)
                .filter(id -> id != null).collect(Collectors.joining(" "));
        return ids.isEmpty() ? null : ids;
    }
}
