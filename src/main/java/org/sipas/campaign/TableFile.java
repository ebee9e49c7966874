package org.sipas.campaign;

import java.util.List;

import org.sipas.web.CsvWriter;
import org.sipas.web.XlsxWriter;

/**
 * A table a campaign exports (work list, budget), written as CSV (UTF-8 with a byte order mark,
 * so that Excel reads the diacritics; through the product's one {@link CsvWriter}, which keeps an
 * applicant named "=HYPERLINK(…)" from becoming a formula) or XLSX. Numbers stay numbers in both. XLSX
 * text is written as string cells, which a spreadsheet never evaluates, whatever they start with.
 */
record TableFile(String sheet, List<String> header, List<List<Object>> rows) {

    static final String XLSX = XlsxWriter.CONTENT_TYPE;
    static final String CSV = "text/csv;charset=UTF-8";

    byte[] csv() {
        return CsvWriter.table(header, rows, true);
    }

    byte[] xlsx() {
        // an empty value stays an empty text cell, as the work lists have always been written
        List<List<Object>> cells = rows.stream()
                .map(row -> row.stream().map(v -> v == null ? (Object) "" : v).toList())
                .toList();
        return XlsxWriter.write(new XlsxWriter.Table(sheet, header, cells));
    }
}
