package org.sipas.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

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
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String NA = "NA";
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private EstimateTable() {
    }

    /**
     * The CSV, UTF-8; with a byte order mark when it is for a spreadsheet (so that Excel reads the
     * diacritics of a domain's name), without one for programs (R's read.csv takes it as part of
     * the first column's name).
     */
    static byte[] csv(List<AnalysisSample.DomainEstimate> rows, boolean byteOrderMark) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter out = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            if (byteOrderMark) {
                bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.printRecord(COLUMNS);
            for (AnalysisSample.DomainEstimate row : rows) {
                List<String> cells = new ArrayList<>(COLUMNS.size());
                cells.add(text(row.domainKind(), byteOrderMark));
                cells.add(text(row.domain(), byteOrderMark));
                cells.add(row.estimate().level());
                cells.add(text(row.estimate().index(), byteOrderMark));
                cells.add(Long.toString(row.estimate().n()));
                for (Double value : figures(row.estimate())) {
                    cells.add(number(value));
                }
                out.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The XLSX: numbers stay numbers, an empty figure is an empty cell. */
    static byte[] xlsx(List<AnalysisSample.DomainEstimate> rows) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("estimates");
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(COLUMNS.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                AnalysisSample.DomainEstimate row = rows.get(r);
                Row out = sheet.createRow(r + 1);
                out.createCell(0).setCellValue(row.domainKind());
                out.createCell(1).setCellValue(row.domain());
                out.createCell(2).setCellValue(row.estimate().level());
                out.createCell(3).setCellValue(row.estimate().index());
                out.createCell(4).setCellValue(row.estimate().n());
                List<Double> figures = figures(row.estimate());
                for (int c = 0; c < figures.size(); c++) {
                    if (figures.get(c) != null) {
                        out.createCell(5 + c).setCellValue(figures.get(c));
                    }
                }
            }
            book.write(bytes);
            book.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A text cell; for a spreadsheet, one that starts like a formula (a domain's name comes from the
     * uploaded file) gets a leading quote, so the spreadsheet shows it as text rather than running it.
     */
    private static String text(String value, boolean forSpreadsheet) {
        if (forSpreadsheet && !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static List<Double> figures(IndexEstimate e) {
        return Arrays.asList(e.unweightedPct(), e.estimatePct(), e.sePct(), e.ci95Low(), e.ci95High());
    }

    /** The shortest decimal that reads back to the same double, in plain notation; NA when empty. */
    static String number(Double value) {
        if (value == null || value.isNaN()) {
            return NA;
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
