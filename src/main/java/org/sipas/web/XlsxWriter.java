package org.sipas.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The product's one way to write tables as an XLSX workbook: a header row, then the rows; numbers
 * stay numbers, text is written as string cells (which a spreadsheet never evaluates, whatever they
 * start with), an empty value (null) is an empty cell. Streaming: a national table of tens of
 * thousands of rows keeps a window of them in memory.
 */
public final class XlsxWriter {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** One sheet: its name (cut to the 31 characters a sheet name may have), header and rows. */
    public record Table(String sheet, List<String> header, List<? extends List<?>> rows) {

        public Table {
            header = List.copyOf(header);
        }
    }

    private XlsxWriter() {
    }

    /** A workbook of one sheet. */
    public static byte[] write(Table table) {
        return write(List.of(table));
    }

    /** A workbook of one sheet per table, in their order. */
    public static byte[] write(List<Table> tables) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            for (Table table : tables) {
                Sheet out = book.createSheet(WorkbookUtil.createSafeSheetName(table.sheet()));
                write(out.createRow(0), table.header());
                for (int r = 0; r < table.rows().size(); r++) {
                    write(out.createRow(r + 1), table.rows().get(r));
                }
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
            } else if (value != null) {
                row.createCell(c).setCellValue(value.toString());
            }
        }
    }
}
