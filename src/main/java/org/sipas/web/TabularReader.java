package org.sipas.web;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
import org.xml.sax.XMLReader;

/**
 * Reads an uploaded table, CSV (comma or semicolon) or XLSX (first sheet), row by row without
 * holding the file in memory, so one import pipeline serves units, procedures, officials and
 * millions of dossiers alike. Dates typed as Excel dates come out as {@code dd/MM/yyyy} or
 * {@code dd/MM/yyyy HH:mm}, the form a CSV from a Vietnamese one-stop system uses.
 * <p>
 * Whatever the bytes, a file is either read or rejected with {@link ImportRejectedException}
 * naming the file, the line and, where there is one, the column: a CSV in another encoding than
 * the one asked for (UTF-8 unless the request says {@code windows-1258} or {@code windows-1252}),
 * binary data, a damaged, truncated or over-inflating XLSX, an old .xls, a cell, row or file past
 * the limits below. Text is handed on in Unicode's composed form (NFC), so "Nguyễn" typed on a
 * Mac or read from Windows-1258 matches "Nguyễn" typed elsewhere.
 */
public final class TabularReader {

    /** The largest file read, the multipart limit of application.yml: about 2.5 million dossiers as CSV. */
    public static final long MAX_BYTES = 512L << 20;
    /** The most data rows of one file; a frame larger than this is imported in parts. */
    public static final long MAX_ROWS = 5_000_000;
    /** The most columns of a row: the widest file sipas reads has 13, a one-stop export a few dozen. */
    public static final int MAX_COLUMNS = 1_000;
    /** The longest cell, Excel's own limit: no spreadsheet can have written a longer one. */
    public static final int MAX_CELL = 32_767;
    /** The longest CSV record read before its cells are looked at, so one endless quoted cell cannot fill the heap. */
    static final int MAX_RECORD_CHARS = 8 << 20;
    /** The most characters of a value quoted back in a message. */
    private static final int SHOWN = 60;
    /** What a byte that is no character of the file's encoding is read as. */
    private static final char UNDECODABLE = '\uFFFD';

    private static final int HEAD = 1 << 15;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private TabularReader() {
    }

    static String normalise(String column) {
        return column == null ? "" : column.strip().toLowerCase(Locale.ROOT);
    }

    /** A value as a message may quote it: at most 60 characters, so a 5 MB cell is not sent back whole. */
    public static String shown(String value) {
        if (value == null || value.length() <= SHOWN) {
            return value;
        }
        return value.substring(0, SHOWN) + "… (" + value.length() + ")";
    }

    /** Reads a file in UTF-8 (a CSV in another encoding is rejected, saying which it looks like). */
    public static void read(String file, InputStream input, List<String> requiredColumns, Consumer<TabularRow> rows) {
        read(file, input, TextEncoding.UTF_8, requiredColumns, rows);
    }

    /**
     * Streams the rows of a file to {@code rows}, a CSV read in {@code encoding}. Throws
     * {@link ImportRejectedException} when the file cannot be read or lacks a required column;
     * row-level checks are the caller's. What the caller throws from {@code rows} passes unchanged.
     */
    public static void read(String file, InputStream input, TextEncoding encoding, List<String> requiredColumns,
                            Consumer<TabularRow> rows) {
        BufferedInputStream in = new BufferedInputStream(new Bounded(file, input), 1 << 16);
        try {
            in.mark(HEAD);
            byte[] head = in.readNBytes(HEAD);
            in.reset();
            if (startsWith(head, 'P', 'K', 3, 4)) {
                readXlsx(file, in, requiredColumns, rows);
            } else if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
                throw rejected(file, 0, null, "import.file.xls");
            } else {
                readCsv(file, in, head, encoding, requiredColumns, rows);
            }
        } catch (IOException e) {
            throw rejected(file, 0, null, "import.file.unreadable", shown(e.getMessage()));
        }
    }

    private static ImportRejectedException rejected(String file, long line, String column, String code, Object... args) {
        return new ImportRejectedException(file, List.of(RowError.of(file, line, column, code, args)));
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
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

    /** The limits every row of every file keeps, whatever its format: checked before the caller sees it. */
    private static void checkRow(String file, long line, long dataRows, List<String> cells, Map<String, Integer> header,
                                 TextEncoding encoding) {
        if (cells.size() > MAX_COLUMNS) {
            throw rejected(file, line, null, "import.row.tooManyColumns", cells.size(), MAX_COLUMNS);
        }
        if (dataRows > MAX_ROWS) {
            throw rejected(file, line, null, "import.file.tooManyRows", MAX_ROWS);
        }
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell == null) {
                continue;
            }
            if (cell.length() > MAX_CELL) {
                throw rejected(file, line, columnName(header, i), "import.value.tooLong", cell.length(), MAX_CELL);
            }
            if (cell.indexOf('\0') >= 0) {
                // PostgreSQL stores no NUL in text; in a CSV one is a sign of binary data or UTF-16
                throw rejected(file, line, columnName(header, i), "import.value.nul");
            }
            if (encoding != null && cell.indexOf(UNDECODABLE) >= 0) {
                throw rejected(file, line, columnName(header, i),
                        encoding == TextEncoding.UTF_8 ? "import.encoding.notUtf8" : "import.encoding.invalidByte",
                        encoding.label());
            }
        }
    }

    /** The header's name of column {@code index} (0-based), or its spreadsheet letter when it has none. */
    private static String columnName(Map<String, Integer> header, int index) {
        if (header != null) {
            for (Map.Entry<String, Integer> column : header.entrySet()) {
                if (column.getValue() == index) {
                    return column.getKey();
                }
            }
        }
        return CellReference.convertNumToColString(index);
    }

    private static void readCsv(String file, BufferedInputStream in, byte[] head, TextEncoding encoding,
                                List<String> required, Consumer<TabularRow> rows) throws IOException {
        checkText(file, head, head.length < HEAD, encoding);
        String firstLine = new String(head, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        char delimiter = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        // a byte that is no character becomes U+FFFD, found in its cell: the reader decodes kilobytes
        // ahead of the parser, so an exception from it would name a line before the bad one
        CharsetDecoder decoder = encoding.charset().newDecoder().replaceWith(String.valueOf(UNDECODABLE))
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        RecordLength reader = new RecordLength(new InputStreamReader(in, decoder));
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            Map<String, Integer> header = null;
            long previousEnd = 0;
            long dataRows = 0;
            while (true) {
                // the line where this record starts: one after the line where the previous one ended
                long line = previousEnd + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw unreadable(file, line, e, reader);
                }
                reader.recordEnded();
                previousEnd = parser.getCurrentLineNumber();
                List<String> cells = record.toList();
                if (header == null) {
                    checkRow(file, line, 0, cells, null, encoding);
                    header = header(file, cells, required);
                } else if (!(cells.size() == 1 && cells.get(0).isBlank())) {
                    checkRow(file, line, ++dataRows, cells, header, encoding);
                    rows.accept(new TabularRow(file, line, header, cells));
                }
            }
            if (header == null) {
                throw rejected(file, 0, null, "import.file.empty");
            }
        }
    }

    /** Why a CSV could not be parsed from {@code line} on: a record too long, or a broken quote. */
    private static ImportRejectedException unreadable(String file, long line, RuntimeException e, RecordLength reader) {
        if (reader.tooLong()) {
            return rejected(file, line, null, "import.row.tooLong", MAX_RECORD_CHARS);
        }
        // a malformed quote: commons-csv names the line in its message
        return rejected(file, line, null, "import.file.unreadable", shown(e.getMessage()));
    }

    /**
     * Refuses, from the first 32 KiB, a text that is not what it will be read as: UTF-16, binary
     * data, bytes that are no UTF-8 (saying which code page they look like) or, when the request
     * names a code page, a file that is in fact UTF-8.
     */
    private static void checkText(String file, byte[] head, boolean whole, TextEncoding encoding) {
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
            throw rejected(file, 0, null, "import.encoding.utf16");
        }
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                throw mostlyZeros(head)
                        ? rejected(file, 0, null, "import.encoding.utf16")
                        : rejected(file, lineAt(head, i), null, "import.file.binary");
            }
        }
        if (AnsiGuess.isBinary(head)) {
            throw rejected(file, 0, null, "import.file.binary");
        }
        int invalid = firstInvalidUtf8(head, whole);
        if (encoding == TextEncoding.UTF_8 && invalid >= 0) {
            String looksLike = AnsiGuess.of(head);
            throw rejected(file, lineAt(head, invalid), null, "import.encoding." + looksLike);
        }
        if (encoding != TextEncoding.UTF_8 && invalid < 0 && !isAscii(head)) {
            throw rejected(file, 0, null, "import.encoding.isUtf8", encoding.label());
        }
    }

    /** UTF-16 without a byte order mark: every other byte of Latin text is zero. */
    private static boolean mostlyZeros(byte[] head) {
        int zeros = 0;
        for (byte b : head) {
            if (b == 0) {
                zeros++;
            }
        }
        return zeros * 3 >= head.length;
    }

    private static boolean isAscii(byte[] head) {
        for (byte b : head) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** The offset of the first byte that is no UTF-8, or -1; a sequence cut by the end of the head is no error. */
    private static int firstInvalidUtf8(byte[] head, boolean whole) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(head);
        CoderResult result = decoder.decode(bytes, CharBuffer.allocate(head.length), whole);
        return result.isError() ? bytes.position() : -1;
    }

    private static long lineAt(byte[] head, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (head[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static void readXlsx(String file, InputStream in, List<String> required, Consumer<TabularRow> rows) {
        SpreadsheetLimits.install();
        SheetRows handler = new SheetRows(file, required, rows);
        try (OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader xssf = new XSSFReader(pkg);
            StylesTable styles = xssf.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            Iterator<InputStream> sheets = xssf.getSheetsData();
            if (!sheets.hasNext()) {
                throw rejected(file, 0, null, "import.file.empty");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, handler, new VietnameseDates(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (Exception e) {
            // POI says "damaged" with a dozen exception types, checked and not; the caller's own pass through
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CallerFailure failure) {
                    throw failure.getCause();
                }
                if (t instanceof ImportRejectedException rejected) {
                    throw rejected;
                }
                if (t == t.getCause()) {
                    break;
                }
            }
            throw rejected(file, handler.line, null,
                    SpreadsheetLimits.isOverLimit(e) ? "import.file.overInflated" : "import.file.damaged");
        }
        if (handler.header == null) {
            throw rejected(file, 0, null, "import.file.empty");
        }
    }

    /** What the caller's row consumer threw, carried through POI's parser untouched. */
    private static final class CallerFailure extends RuntimeException {
        CallerFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /**
     * Collects the cells of each sheet row; a row's cells may skip empty columns. A cell without
     * its optional {@code r} reference is the column after the previous cell (ECMA-376 §18.3.1.4).
     */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String file;
        private final List<String> required;
        private final Consumer<TabularRow> rows;
        private Map<String, Integer> header;
        private String[] cells = new String[16];
        private int width;
        private int nextColumn;
        private long dataRows;
        /** The line being read, for a file damaged in the middle. */
        long line;

        SheetRows(String file, List<String> required, Consumer<TabularRow> rows) {
            this.file = file;
            this.required = required;
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            Arrays.fill(cells, null);
            width = 0;
            nextColumn = 0;
            line = rowNum + 1L;
        }

        @Override
        public void endRow(int rowNum) {
            List<String> values = Arrays.asList(Arrays.copyOf(cells, width));
            if (header == null) {
                checkRow(file, line, 0, values, null, null);
                header = header(file, values, required);
            } else if (values.stream().anyMatch(v -> v != null && !v.isBlank())) {
                checkRow(file, line, ++dataRows, values, header, null);
                try {
                    rows.accept(new TabularRow(file, line, header, values));
                } catch (RuntimeException e) {
                    throw new CallerFailure(e);
                }
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int col = reference == null ? nextColumn : new CellReference(reference).getCol();
            if (col < 0 || col >= MAX_COLUMNS) {
                throw rejected(file, line, null, "import.row.tooManyColumns", col + 1, MAX_COLUMNS);
            }
            if (col >= cells.length) {
                cells = Arrays.copyOf(cells, Math.max(col + 1, cells.length * 2));
            }
            cells[col] = formattedValue;
            width = Math.max(width, col + 1);
            nextColumn = col + 1;
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

    /** The upload, refused once it passes {@link #MAX_BYTES}, whether a client said its length or not. */
    private static final class Bounded extends FilterInputStream {
        private final String file;
        private long read;

        Bounded(String file, InputStream in) {
            super(in);
            this.file = file;
        }

        private int count(int n) {
            if (n > 0) {
                read += n;
                if (read > MAX_BYTES) {
                    throw rejected(file, 0, null, "import.file.tooLarge", MAX_BYTES >> 20);
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return count(super.read(b, off, len));
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count((int) Math.min(skipped, Integer.MAX_VALUE));
            return skipped;
        }
    }

    /**
     * Counts the characters the CSV parser takes for the record it is reading and stops it past
     * {@link #MAX_RECORD_CHARS}. The parser reads ahead by a buffer, so the count is approximate by
     * those few kilobytes, which is all a limit of megabytes needs.
     */
    private static final class RecordLength extends Reader {
        private final Reader in;
        private long sinceRecord;
        private boolean tooLong;

        RecordLength(Reader in) {
            this.in = in;
        }

        void recordEnded() {
            sinceRecord = 0;
        }

        boolean tooLong() {
            return tooLong;
        }

        @Override
        public int read(char[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            if (n > 0) {
                sinceRecord += n;
                if (sinceRecord > MAX_RECORD_CHARS + (long) len) {
                    tooLong = true;
                    throw new IOException("record longer than " + MAX_RECORD_CHARS + " characters");
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
