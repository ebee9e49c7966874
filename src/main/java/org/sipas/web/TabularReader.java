package org.sipas.web;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an uploaded table, CSV (UTF-8, comma or semicolon) or XLSX (first sheet), row by row
 * without holding the file in memory, so one import pipeline serves units, procedures, officials
 * and millions of dossiers alike. Dates typed as Excel dates come out as {@code dd/MM/yyyy} or
 * {@code dd/MM/yyyy HH:mm}, the form a CSV from a Vietnamese one-stop system uses.
 */
public final class TabularReader {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private TabularReader() {
    }

    static String normalise(String column) {
        return column == null ? "" : column.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Streams the rows of a file to {@code rows}. Throws {@link ImportRejectedException} when the
     * file cannot be read or lacks a required column; row-level checks are the caller's.
     */
    public static void read(String file, InputStream input, List<String> requiredColumns, Consumer<TabularRow> rows) {
        BufferedInputStream in = new BufferedInputStream(input, 1 << 16);
        try {
            in.mark(4);
            byte[] magic = in.readNBytes(4);
            in.reset();
            if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                readXlsx(file, in, requiredColumns, rows);
            } else {
                readCsv(file, in, requiredColumns, rows);
            }
        } catch (IOException e) {
            throw new ImportRejectedException(file, List.of(RowError.of(file, 0, null, "import.file.unreadable", e.getMessage())));
        }
    }

    private static Map<String, Integer> header(String file, List<String> names, List<String> required) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = normalise(names.get(i));
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (!name.isEmpty()) {
                header.putIfAbsent(name, i);
            }
        }
        List<RowError> missing = new ArrayList<>();
        for (String column : required) {
            if (!header.containsKey(normalise(column))) {
                missing.add(RowError.of(file, 1, column, "import.column.missing", column));
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportRejectedException(file, missing);
        }
        return Collections.unmodifiableMap(header);
    }

    private static void readCsv(String file, BufferedInputStream in, List<String> required, Consumer<TabularRow> rows)
            throws IOException {
        in.mark(1 << 15);
        byte[] head = in.readNBytes(1 << 15);
        in.reset();
        String firstLine = new String(head, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        char delimiter = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = null;
            long previousEnd = 0;
            for (CSVRecord record : parser) {
                // the line where this record starts: one after the line where the previous one ended
                long line = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                List<String> cells = record.toList();
                if (header == null) {
                    header = header(file, cells, required);
                } else if (!(cells.size() == 1 && cells.get(0).isBlank())) {
                    rows.accept(new TabularRow(file, line, header, cells));
                }
            }
            if (header == null) {
                throw new ImportRejectedException(file, List.of(RowError.of(file, 0, null, "import.file.empty")));
            }
        } catch (UncheckedIOException e) {
            // a malformed quote: commons-csv names the line in its message
            throw new ImportRejectedException(file, List.of(RowError.of(file, 0, null, "import.file.unreadable",
                    e.getMessage())));
        }
    }

    private static void readXlsx(String file, InputStream in, List<String> required, Consumer<TabularRow> rows) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader xssf = new XSSFReader(pkg);
            StylesTable styles = xssf.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) xssf.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportRejectedException(file, List.of(RowError.of(file, 0, null, "import.file.empty")));
            }
            SheetRows handler = new SheetRows(file, required, rows);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, handler, new VietnameseDates(), false));
                parser.parse(new InputSource(sheet));
            }
            if (handler.header == null) {
                throw new ImportRejectedException(file, List.of(RowError.of(file, 0, null, "import.file.empty")));
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw new ImportRejectedException(file, List.of(RowError.of(file, 0, null, "import.file.unreadable", e.getMessage())));
        }
    }

    /** Collects the cells of each sheet row; a row's cells may skip empty columns. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String file;
        private final List<String> required;
        private final Consumer<TabularRow> rows;
        private Map<String, Integer> header;
        private String[] cells = new String[16];
        private int width;

        SheetRows(String file, List<String> required, Consumer<TabularRow> rows) {
            this.file = file;
            this.required = required;
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            Arrays.fill(cells, null);
            width = 0;
        }

        @Override
        public void endRow(int rowNum) {
            List<String> values = Arrays.asList(Arrays.copyOf(cells, width));
            if (header == null) {
                header = header(file, values, required);
            } else if (values.stream().anyMatch(v -> v != null && !v.isBlank())) {
                rows.accept(new TabularRow(file, rowNum + 1L, header, values));
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int col = new CellReference(reference).getCol();
            if (col >= cells.length) {
                cells = Arrays.copyOf(cells, Math.max(col + 1, cells.length * 2));
            }
            cells[col] = formattedValue;
            width = Math.max(width, col + 1);
        }
    }

    /** Formats Excel date cells as dd/MM/yyyy (HH:mm when the cell has a time of day). */
    private static final class VietnameseDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime at = DateUtil.getLocalDateTime(value, use1904Windowing);
                return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.format(DATE) : at.format(DATE_TIME);
            }
            if (formatString != null && formatString.equals("General") && value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }
}
