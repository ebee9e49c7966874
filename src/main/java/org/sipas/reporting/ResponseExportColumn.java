package org.sipas.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.sipas.methodology.Label;

/**
 * One column of a response export, the same in the CSV and the {@code .sav}: its variable name,
 * label, kind, value labels and missing-value codes, and how a response gives its value.
 *
 * @param decimals the decimals a number is shown with (the value keeps its precision)
 * @param digits   the width a number is shown in
 * @param values   code → label (a number's codes in their decimal form: "1", "9")
 * @param missing  codes that are answers but no valid rating (the codebook's excluded codes: 9, 0)
 * @param value    the response's value: a {@link Number}, a {@link java.time.LocalDate} or a {@link String}; null when not asked
 */
record ResponseExportColumn(String name, Label label, Kind kind, int digits, int decimals, SavWriter.Measure measure,
                            Map<String, Label> values, List<Double> missing,
                            Function<ResponseExportRow, Object> value) {

    enum Kind { NUMBER, DATE, TEXT }

    ResponseExportColumn {
        values = values == null ? Map.of() : new LinkedHashMap<>(values);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    static ResponseExportColumn number(String name, Label label, int digits, int decimals, SavWriter.Measure measure,
                                       Function<ResponseExportRow, Object> value) {
        return new ResponseExportColumn(name, label, Kind.NUMBER, digits, decimals, measure, null, null, value);
    }

    static ResponseExportColumn text(String name, Label label, Function<ResponseExportRow, Object> value) {
        return new ResponseExportColumn(name, label, Kind.TEXT, 0, 0, SavWriter.Measure.NOMINAL, null, null, value);
    }

    static ResponseExportColumn date(String name, Label label, Function<ResponseExportRow, Object> value) {
        return new ResponseExportColumn(name, label, Kind.DATE, 10, 0, SavWriter.Measure.SCALE, null, null, value);
    }

    ResponseExportColumn withValues(Map<String, Label> labels) {
        return new ResponseExportColumn(name, label, kind, digits, decimals, measure, labels, missing, value);
    }
}
