package org.sipas.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The file an import expects, to download and fill in: its columns in order, which are required,
 * what each holds and the values it allows, and example rows that the import itself accepts.
 * The CSV is the header and the examples (UTF-8 with a byte order mark, for Excel); the XLSX adds
 * a drop-down of the allowed values under each coded column and a second sheet explaining every
 * column in the reader's language.
 *
 * @param name     the file's name without extension (e.g. {@code mau-ho-so})
 * @param columns  in the order the import reads them best (any order is accepted)
 * @param examples rows of example values, one cell per column
 */
public record ImportTemplate(String name, List<Column> columns, List<List<String>> examples) {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Rows of the data sheet that carry the drop-down lists. */
    private static final int VALIDATED_ROWS = 5_000;

    /**
     * One column of the file.
     *
     * @param header  the header as the import reads it
     * @param hintKey message key of what the column holds and its format
     * @param allowed the values the import accepts (empty: free text in the hinted format)
     */
    public record Column(String header, boolean required, String hintKey, List<String> allowed) {
        public Column {
            allowed = List.copyOf(allowed);
        }

        public static Column required(String header, String hintKey, String... allowed) {
            return new Column(header, true, hintKey, List.of(allowed));
        }

        public static Column optional(String header, String hintKey, String... allowed) {
            return new Column(header, false, hintKey, List.of(allowed));
        }
    }

    public ImportTemplate {
        columns = List.copyOf(columns);
        examples = examples.stream().map(List::copyOf).toList();
        for (List<String> example : examples) {
            if (example.size() != columns.size()) {
                throw new IllegalArgumentException("an example row of " + name + " has " + example.size() + " cells for "
                        + columns.size() + " columns");
            }
        }
    }

    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    /** The template as the download {@code format} asks ({@code csv} or {@code xlsx}). */
    public ResponseEntity<byte[]> download(String format, MessageSource messages, Locale locale) {
        boolean xlsx = "xlsx".equals(format);
        byte[] body = xlsx ? xlsx(messages, locale) : csv();
        return ResponseEntity.ok()
                .contentType(xlsx ? MediaType.parseMediaType(XLSX) : MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + "." + format).build().toString())
                .body(body);
    }

    public byte[] csv() {
        return CsvWriter.table(headers(), examples, true);
    }

    public byte[] xlsx(MessageSource messages, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet data = book.createSheet(messages.getMessage("import.template.data", null, locale));
            Row header = data.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c).header());
                header.getCell(c).setCellStyle(bold);
            }
            for (int r = 0; r < examples.size(); r++) {
                Row row = data.createRow(r + 1);
                for (int c = 0; c < columns.size(); c++) {
                    row.createCell(c).setCellValue(examples.get(r).get(c));
                }
            }
            data.createFreezePane(0, 1);

            Sheet guide = book.createSheet(messages.getMessage("import.template.guide", null, locale));
            Row top = guide.createRow(0);
            String[] titles = {"import.template.column", "import.template.required", "import.template.hint", "import.template.allowed"};
            for (int c = 0; c < titles.length; c++) {
                top.createCell(c).setCellValue(messages.getMessage(titles[c], null, locale));
                top.getCell(c).setCellStyle(bold);
            }
            DataValidationHelper validations = data.getDataValidationHelper();
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                Row row = guide.createRow(c + 1);
                row.createCell(0).setCellValue(column.header());
                row.createCell(1).setCellValue(messages.getMessage(column.required() ? "import.template.yes" : "import.template.no", null, locale));
                row.createCell(2).setCellValue(messages.getMessage(column.hintKey(), null, locale));
                row.createCell(3).setCellValue(String.join("; ", column.allowed()));
                if (!column.allowed().isEmpty()) {
                    DataValidation list = validations.createValidation(
                            validations.createExplicitListConstraint(column.allowed().toArray(String[]::new)),
                            new CellRangeAddressList(1, VALIDATED_ROWS, c, c));
                    list.setShowErrorBox(true);
                    data.addValidationData(list);
                }
            }
            for (int c = 0; c < 4; c++) {
                guide.setColumnWidth(c, c == 2 ? 80 * 256 : 24 * 256);
            }
            book.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
