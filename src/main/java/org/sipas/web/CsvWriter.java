package org.sipas.web;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way the product writes CSV (work lists, budgets, codebooks, every later export):
 * RFC 4180 in UTF-8, optionally with the byte order mark Excel needs to read diacritics, numbers
 * written as numbers, and every text cell a spreadsheet would take for a formula neutralised.
 * <p>
 * The text of a cell often comes from outside: an applicant name in a one-stop system's export,
 * a label in an uploaded questionnaire. A name {@code =HYPERLINK("http://…","Bấm vào đây")} must
 * reach an interviewer's spreadsheet as that text, not as a link. The rule is OWASP's: a text
 * cell starting with {@code = + - @}, a tab or a carriage return gets a leading single quote, which
 * spreadsheets show as text. Numbers are passed as {@link Number}s and written untouched, so a
 * negative amount stays a number a spreadsheet adds up.
 */
public final class CsvWriter implements Closeable {

    /** The first characters that make Excel, LibreOffice or Google Sheets read a cell as a formula. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final CSVPrinter printer;

    private CsvWriter(CSVPrinter printer) {
        this.printer = printer;
    }

    /**
     * A writer of UTF-8 CSV to {@code out}, starting with a byte order mark when {@code forExcel}:
     * without it Excel reads UTF-8 as the machine's ANSI code page and garbles "Nguyễn".
     */
    public static CsvWriter to(OutputStream out, boolean forExcel) {
        try {
            if (forExcel) {
                out.write(BYTE_ORDER_MARK);
            }
            return new CsvWriter(new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A whole table, header first, as the bytes of a file. */
    public static byte[] table(List<String> header, List<? extends List<?>> rows, boolean forExcel) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter out = to(bytes, forExcel)) {
            out.row(header);
            for (List<?> row : rows) {
                out.row(row);
            }
        }
        return bytes.toByteArray();
    }

    public CsvWriter row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    public CsvWriter row(List<?> cells) {
        List<String> written = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            written.add(cell(cell));
        }
        try {
            printer.printRecord(written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * A value as its cell is written: empty for null, a number in plain digits (no exponent, no
     * grouping), any other value as its text, neutralised when it could start a formula.
     */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return number(number);
        }
        String text = value.toString();
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String number(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            // NaN and infinities are no number a spreadsheet reads: an empty cell says "no value"
            return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : "";
        }
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte
                || number instanceof BigInteger) {
            return number.toString();
        }
        // another Number type (an AtomicLong, a library's own): its decimal value, never its toString's own words
        return BigDecimal.valueOf(number.doubleValue()).stripTrailingZeros().toPlainString();
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
