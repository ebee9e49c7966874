package org.sipas.campaign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.sipas.web.CsvWriter;

/**
 * A table a campaign exports (work list, budget), written as CSV (UTF-8 with a byte order mark,
 * so that Excel reads the diacritics; through the product's one {@link CsvWriter}, which keeps an
 * applicant named "=HYPERLINK(…)" from becoming a formula) or XLSX. Numbers stay numbers in both. XLSX
 * text is written as string cells, which a spreadsheet never evaluates, whatever they start with.
 */
record TableFile(String sheet, List<String> header, List<List<Object>> rows) {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv;charset=UTF-8";

    byte[] csv() {
        return CsvWriter.table(header, rows, true);
    }

    byte[] xlsx() {
        // streaming: a national work list of tens of thousands of rows keeps a window of them in memory
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet out = book.createSheet(sheet);
            write(out.createRow(0), List.copyOf(header));
            for (int r = 0; r < rows.size(); r++) {
                write(out.createRow(r + 1), rows.get(r));
            }
            book.write(bytes);
            book.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<?> values) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value instanceof Number number) {
                row.createCell(c).setCellValue(number.doubleValue());
            } else {
                row.createCell(c).setCellValue(value == null ? "" : value.toString());
            }
        }
    }
}
