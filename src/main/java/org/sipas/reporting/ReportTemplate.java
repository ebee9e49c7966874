package org.sipas.reporting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;

/**
 * A report kind's DOCX template: an ordinary Word document an administrator edits, with
 * placeholders in its text (see {@link ReportVocabulary}). Word splits a typed placeholder over
 * several runs as it pleases (a spelling mark, a change of format); the placeholder is found in the
 * paragraph's whole text and its value takes the format of the run it starts in.
 *
 * <p>A template is checked when it is read: every placeholder must be one the report kind knows, a
 * list's field must stand in a row marked with that list, a chart alone in its paragraph. Every
 * problem is reported at once, with the paragraph's position (its "line": paragraphs counted in
 * reading order, those in tables included) and the table, row and cell it stands in.
 */
final class ReportTemplate {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}$]*)}");
    private static final String EACH = "each:";
    private static final String CHART = "chart:";

    private final String fileName;
    private final byte[] docx;
    private final ReportVocabulary vocabulary;

    private ReportTemplate(String fileName, byte[] docx, ReportVocabulary vocabulary) {
        this.fileName = fileName;
        this.docx = docx.clone();
        this.vocabulary = vocabulary;
    }

    /**
     * The template of {@code docx}, checked against the report kind's vocabulary.
     *
     * @throws ImportRejectedException naming every problem, when the file is no DOCX or a placeholder is wrong
     */
    static ReportTemplate read(String fileName, byte[] docx, ReportVocabulary vocabulary) {
        ReportTemplate template = new ReportTemplate(fileName, docx, vocabulary);
        List<RowError> errors = new ArrayList<>();
        try (XWPFDocument document = template.open()) {
            new Walk(template, null, errors).document(document);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImportRejectedException rejected) {
                throw rejected;
            }
            throw new ImportRejectedException(fileName, List.of(RowError.of(fileName, 0, null, "report.template.unreadable")));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(fileName, errors);
        }
        return template;
    }

    String fileName() {
        return fileName;
    }

    byte[] bytes() {
        return docx.clone();
    }

    /** The template filled: a DOCX. */
    byte[] fill(ReportFields fields) {
        if (!fields.answers(vocabulary)) {
            throw new IllegalStateException("the report's fields do not match its vocabulary");
        }
        try (XWPFDocument document = open(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<RowError> errors = new ArrayList<>();
            new Walk(this, fields, errors).document(document);
            if (!errors.isEmpty()) {
                throw new ImportRejectedException(fileName, errors);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private XWPFDocument open() throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    /**
     * One pass over the document in reading order: checks each placeholder (fields null) or
     * replaces it (fields given). Repeated rows are expanded before their table is read.
     */
    private static final class Walk {

        private final ReportTemplate template;
        private final ReportFields fields;
        private final List<RowError> errors;
        private int paragraphs;
        private int tables;

        Walk(ReportTemplate template, ReportFields fields, List<RowError> errors) {
            this.template = template;
            this.fields = fields;
            this.errors = errors;
        }

        void document(XWPFDocument document) {
            for (XWPFHeaderFooter header : document.getHeaderList()) {
                body(header, null);
            }
            body(document, null);
            for (XWPFHeaderFooter footer : document.getFooterList()) {
                body(footer, null);
            }
        }

        /** Where a paragraph stands: in the text, or in a table's cell (1-based), and the item of its repeated row. */
        private record Place(int table, int row, int cell, String list, Map<String, String> item) {
        }

        private void body(IBody body, Place outer) {
            for (IBodyElement element : List.copyOf(body.getBodyElements())) {
                if (element instanceof XWPFParagraph paragraph) {
                    paragraph(paragraph, outer, body);
                } else if (element instanceof XWPFTable table) {
                    table(table, body);
                }
            }
        }

        private void table(XWPFTable table, IBody body) {
            int number = ++tables;
            Map<Integer, Map<String, String>> items = new HashMap<>();
            Map<Integer, String> lists = new HashMap<>();
            XWPFTable rows = table;
            if (fields != null) {
                rows = expand(table, body, items, lists);
            } else {
                for (int r = 0; r < table.getRows().size(); r++) {
                    String list = marker(table.getRow(r), number, r + 1);
                    if (list != null) {
                        lists.put(r, list);
                    }
                }
            }
            for (int r = 0; r < rows.getRows().size(); r++) {
                XWPFTableRow row = rows.getRow(r);
                for (int c = 0; c < row.getTableCells().size(); c++) {
                    XWPFTableCell cell = row.getTableCells().get(c);
                    body(cell, new Place(number, r + 1, c + 1, lists.get(r), items.get(r)));
                }
            }
        }

        /** The table with each marked row replaced by one copy per item of its list (at the level of the XML). */
        private XWPFTable expand(XWPFTable table, IBody body, Map<Integer, Map<String, String>> items, Map<Integer, String> lists) {
            CTTbl ct = table.getCTTbl();
            int r = 0;
            while (r < ct.sizeOfTrArray()) {
                String list = marker(new XWPFTableRow(ct.getTrArray(r), table), tables, r + 1);
                if (list == null || !vocabulary().isList(list)) {
                    r++;
                    continue;
                }
                CTRow marked = (CTRow) ct.getTrArray(r).copy();
                ct.removeTr(r);
                for (Map<String, String> item : fields.lists().get(list)) {
                    ct.insertNewTr(r).set(marked);
                    items.put(r, item);
                    lists.put(r, list);
                    r++;
                }
            }
            return new XWPFTable(ct, body);
        }

        private ReportVocabulary vocabulary() {
            return template.vocabulary;
        }

        /** The list a row is marked with, or null; a second marker in one row is an error. */
        private String marker(XWPFTableRow row, int table, int rowNumber) {
            String found = null;
            for (XWPFTableCell cell : row.getTableCells()) {
                Matcher m = PLACEHOLDER.matcher(cell.getText());
                while (m.find()) {
                    String name = m.group(1).trim();
                    if (name.startsWith(EACH)) {
                        if (found != null && fields == null) {
                            error("report.template.twoMarkers", m.group(), where(new Place(table, rowNumber, 0, null, null)));
                        }
                        found = name.substring(EACH.length()).trim();
                    }
                }
            }
            return found;
        }

        private void paragraph(XWPFParagraph paragraph, Place place, IBody body) {
            int line = ++paragraphs;
            List<XWPFRun> runs = paragraph.getRuns();
            List<String> texts = new ArrayList<>(runs.size());
            StringBuilder whole = new StringBuilder();
            for (XWPFRun run : runs) {
                String text = text(run);
                texts.add(text);
                whole.append(text);
            }
            String full = whole.toString();
            if (!full.contains("${")) {
                return;
            }
            if (fields == null) {
                check(full, line, place);
                return;
            }
            Matcher alone = PLACEHOLDER.matcher(full.trim());
            if (alone.matches() && alone.group(1).trim().startsWith(CHART)) {
                chart(paragraph, alone.group(1).trim().substring(CHART.length()).trim());
                return;
            }
            if (alone.matches() && runs.size() > 0) {
                String value = value(alone.group(1).trim(), place);
                if (value != null && value.contains("\n")) {
                    paragraphs(paragraph, body, value);
                    return;
                }
            }
            List<int[]> found = new ArrayList<>();
            List<String> values = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(full);
            while (m.find()) {
                found.add(new int[] {m.start(), m.end()});
                values.add(value(m.group(1).trim(), place));
            }
            int[] starts = new int[texts.size() + 1];
            for (int i = 0; i < texts.size(); i++) {
                starts[i + 1] = starts[i] + texts.get(i).length();
            }
            boolean[] changed = new boolean[texts.size()];
            for (int k = found.size() - 1; k >= 0; k--) {
                int start = found.get(k)[0];
                int end = found.get(k)[1];
                int i = runAt(starts, start);
                int j = runAt(starts, end - 1);
                String first = texts.get(i);
                String last = texts.get(j);
                String tail = last.substring(end - starts[j]);
                texts.set(i, first.substring(0, start - starts[i]) + values.get(k) + (i == j ? tail : ""));
                changed[i] = true;
                if (j > i) {
                    texts.set(j, tail);
                    changed[j] = true;
                    for (int between = i + 1; between < j; between++) {
                        texts.set(between, "");
                        changed[between] = true;
                    }
                }
            }
            for (int i = 0; i < runs.size(); i++) {
                if (changed[i]) {
                    write(runs.get(i), texts.get(i));
                }
            }
        }

        private static int runAt(int[] starts, int offset) {
            for (int i = 0; i < starts.length - 1; i++) {
                if (offset < starts[i + 1]) {
                    return i;
                }
            }
            return starts.length - 2;
        }

        private String value(String name, Place place) {
            if (name.startsWith(EACH)) {
                return "";
            }
            int dot = name.indexOf('.');
            if (dot > 0 && vocabulary().isList(name.substring(0, dot)) && place != null && place.item() != null) {
                return place.item().get(name.substring(dot + 1));
            }
            return fields.values().get(name);
        }

        private void check(String text, int line, Place place) {
            int open = text.lastIndexOf("${");
            if (text.indexOf('}', open) < 0) {
                error(line, text.substring(open), "report.template.unclosed", text.substring(open), where(place), null);
            }
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                String name = m.group(1).trim();
                String shown = m.group();
                int dot = name.indexOf('.');
                if (name.startsWith(EACH)) {
                    String list = name.substring(EACH.length()).trim();
                    if (place == null) {
                        error(line, shown, "report.template.markerOutsideTable", shown, where(place), null);
                    } else if (!vocabulary().isList(list)) {
                        error(line, shown, "report.template.unknownList", shown, where(place),
                                String.join(", ", new java.util.TreeSet<>(vocabulary().lists().keySet())));
                    }
                } else if (name.startsWith(CHART)) {
                    String chart = name.substring(CHART.length()).trim();
                    if (!vocabulary().images().contains(chart)) {
                        error(line, shown, "report.template.unknownChart", shown, where(place),
                                String.join(", ", new java.util.TreeSet<>(vocabulary().images())));
                    } else if (!text.trim().equals(shown)) {
                        error(line, shown, "report.template.chartNotAlone", shown, where(place), null);
                    }
                } else if (dot > 0 && vocabulary().isList(name.substring(0, dot))) {
                    String list = name.substring(0, dot);
                    if (place == null || !list.equals(place.list())) {
                        error(line, shown, "report.template.fieldOutsideRow", shown, where(place), list);
                    } else if (!vocabulary().lists().get(list).contains(name.substring(dot + 1))) {
                        error(line, shown, "report.template.unknownField", shown, where(place),
                                String.join(", ", new java.util.TreeSet<>(vocabulary().lists().get(list))));
                    }
                } else if (!vocabulary().values().contains(name)) {
                    error(line, shown, "report.template.unknown", shown, where(place), null);
                }
            }
        }

        /** The place as the message's arguments: table, row and cell numbers (1-based), zeros in the text. */
        private static Object[] where(Place place) {
            return place == null ? new Object[] {0, 0, 0} : new Object[] {place.table(), place.row(), place.cell()};
        }

        private void error(String code, String placeholder, Object[] where) {
            error(paragraphs + 1, placeholder, code, placeholder, where, null);
        }

        /** An error's arguments: the placeholder, table, row, cell, and what the kind offers instead. */
        private void error(int line, String placeholder, String code, String shown, Object[] where, String offered) {
            errors.add(RowError.of(template.fileName, line, placeholder, code, shown, where[0], where[1], where[2],
                    offered == null ? "" : offered));
        }

        /**
         * A text of several lines where a placeholder stands alone: one paragraph per line, each
         * with the paragraph's format and its first run's, so that each keeps the first-line indent
         * and spacing of the template's paragraph (a recommendation a paragraph).
         */
        private void paragraphs(XWPFParagraph paragraph, IBody body, String value) {
            String[] lines = value.split("\n", -1);
            XWPFRun first = paragraph.getRuns().get(0);
            for (int i = paragraph.getRuns().size() - 1; i > 0; i--) {
                paragraph.removeRun(i);
            }
            write(first, lines[0]);
            XWPFParagraph previous = paragraph;
            for (int i = 1; i < lines.length; i++) {
                XWPFParagraph next;
                try (org.apache.xmlbeans.XmlCursor cursor = previous.getCTP().newCursor()) {
                    cursor.toEndToken();
                    cursor.toNextToken();
                    next = body.insertNewParagraph(cursor);
                }
                if (next == null) {
                    // a body that takes no new paragraph here (a header): the lines stay as breaks
                    write(first, value);
                    return;
                }
                if (paragraph.getCTP().getPPr() != null) {
                    next.getCTP().setPPr(paragraph.getCTP().getPPr());
                }
                XWPFRun run = next.createRun();
                if (first.getCTR().getRPr() != null) {
                    run.getCTR().setRPr(first.getCTR().getRPr());
                }
                write(run, lines[i]);
                previous = next;
            }
        }

        /** The paragraph's text replaced by the picture, as wide as the field says. */
        private void chart(XWPFParagraph paragraph, String name) {
            ReportFields.Image image = fields.images().get(name);
            for (int i = paragraph.getRuns().size() - 1; i >= 0; i--) {
                paragraph.removeRun(i);
            }
            try {
                paragraph.createRun().addPicture(new ByteArrayInputStream(image.png()), Document.PICTURE_TYPE_PNG, name + ".png",
                        Units.toEMU(image.widthCm() / 2.54 * 72), Units.toEMU(image.heightCm() / 2.54 * 72));
            } catch (Exception e) {
                throw new IllegalStateException("chart " + name + " could not be placed", e);
            }
        }
    }

    /** A run's text as its text elements hold it (tabs and breaks between them are not text). */
    static String text(XWPFRun run) {
        StringBuilder out = new StringBuilder();
        for (CTText t : run.getCTR().getTList()) {
            out.append(t.getStringValue());
        }
        return out.toString();
    }

    /** Replaces a run's text; a line feed in the value becomes a line break. */
    private static void write(XWPFRun run, String text) {
        CTR ctr = run.getCTR();
        while (ctr.sizeOfTArray() > 0) {
            ctr.removeT(0);
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                ctr.addNewBr();
            }
            CTText t = ctr.addNewT();
            t.setStringValue(lines[i]);
            t.setSpace(SpaceAttribute.Space.PRESERVE);
        }
    }
}
