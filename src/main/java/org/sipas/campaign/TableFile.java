package org.sipas.campaign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table a campaign exports (work list, budget), written as CSV (UTF-8 with a byte order mark,
 * so that Excel reads the diacritics) or XLSX. Numbers stay numbers in XLSX.
 */
record TableFile(String sheet, List<String> header, List<List<Object>> rows) {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv;charset=UTF-8";

    byte[] csv() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter out = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.printRecord(header);
            for (List<Object> row : rows) {
                out.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
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
