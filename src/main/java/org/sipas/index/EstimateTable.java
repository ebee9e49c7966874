package org.sipas.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.sipas.web.CsvWriter;
import org.sipas.web.XlsxWriter;

/**
 * The figures of the standalone engine as a table with exactly the columns of the estimation
 * fixture's {@code expected.csv}, as CSV or XLSX. Numbers keep every digit a double has (the
 * shortest decimal that reads back to the same double, never in exponent form), empty figures are
 * {@code NA} as R writes them, so a CSV read back into R or compared with R's own loses nothing.
 */
final class EstimateTable {

    static final List<String> COLUMNS = List.of("domain_kind", "domain", "level", "index", "n", "unweighted_pct",
            "estimate_pct", "se_pct", "ci95_low", "ci95_high");
    static final String CSV = "text/csv;charset=UTF-8";
    static final String XLSX = XlsxWriter.CONTENT_TYPE;
    static final String NA = "NA";

    private EstimateTable() {
    }

    /**
     * The CSV, written by the product's one CSV writer: UTF-8, with a byte order mark when it is
     * for a spreadsheet (so that Excel reads the diacritics of a domain's name), without one for
     * programs (R's read.csv takes it as part of the first column's name). Figures are written as
     * numbers, an empty one as {@code NA}; a domain's name that starts like a formula is text.
     */
    static byte[] csv(List<AnalysisSample.DomainEstimate> rows, boolean byteOrderMark) {
        return CsvWriter.table(COLUMNS, cells(rows, value -> value == null || value.isNaN() ? NA : value), byteOrderMark);
    }

    /** The XLSX: numbers stay numbers, an empty figure is an empty cell. */
    static byte[] xlsx(List<AnalysisSample.DomainEstimate> rows) {
        return XlsxWriter.write(new XlsxWriter.Table("estimates", COLUMNS, cells(rows, value -> value)));
    }

    /** The rows with the columns of {@link #COLUMNS}, each figure as {@code figure} writes it. */
    private static List<List<Object>> cells(List<AnalysisSample.DomainEstimate> rows, java.util.function.Function<Double, Object> figure) {
        List<List<Object>> cells = new ArrayList<>(rows.size());
        for (AnalysisSample.DomainEstimate row : rows) {
            List<Object> line = new ArrayList<>(COLUMNS.size());
            line.add(row.domainKind());
            line.add(row.domain());
            line.add(row.estimate().level());
            line.add(row.estimate().index());
            line.add(row.estimate().n());
            figures(row.estimate()).forEach(value -> line.add(figure.apply(value)));
            cells.add(line);
        }
        return cells;
    }

    private static List<Double> figures(IndexEstimate e) {
        return Arrays.asList(e.unweightedPct(), e.estimatePct(), e.sePct(), e.ci95Low(), e.ci95High());
    }
}
