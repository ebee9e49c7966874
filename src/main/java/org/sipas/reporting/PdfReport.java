package org.sipas.reporting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGridCol;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.sipas.web.PdfFonts;

/**
 * The PDF of a report: the filled DOCX template drawn page by page with Apache PDFBox, so that the
 * PDF has the administrator's template, not a second layout to keep in step. It draws what the
 * reports use: paragraphs (alignment, justified text, first-line and left indents, spacing, bold,
 * italic, underline, size, line breaks), tables (the grid's column widths, merged cells, borders
 * or none), inline pictures, the page size and margins of the section. Every glyph comes from the
 * shipped font ({@link PdfFonts}), embedded as a subset.
 */
final class PdfReport {

    private static final float TWIP = 1 / 20f;
    private static final float DEFAULT_SIZE = 13f;
    private static final float LEADING = 1.2f;
    private static final float CELL_PADDING = 5f;

    private final PDDocument pdf = new PDDocument();
    private final Map<PdfFonts, PDType0Font> fonts = new EnumMap<>(PdfFonts.class);
    private float pageWidth = PDRectangle.A4.getWidth();
    private float pageHeight = PDRectangle.A4.getHeight();
    private float top = 56.7f;
    private float bottom = 56.7f;
    private float left = 85f;
    private float right = 56.7f;
    private PDPageContentStream out;
    private float y;

    private PdfReport() {
    }

    /** The PDF of a filled DOCX, titled {@code title} in its properties. */
    static byte[] render(byte[] docx, String title) {
        PdfReport report = new PdfReport();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx)); PDDocument pdf = report.pdf) {
            report.page(document.getDocument().getBody().getSectPr());
            report.newPage();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    report.paragraph(paragraph);
                } else if (element instanceof XWPFTable table) {
                    report.table(table);
                }
            }
            report.out.close();
            pdf.getDocumentInformation().setTitle(title);
            pdf.getDocumentInformation().setCreator("sipas");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void page(CTSectPr section) {
        if (section == null) {
            return;
        }
        CTPageSz size = section.getPgSz();
        if (size != null && size.getW() != null && size.getH() != null) {
            pageWidth = twips(size.getW());
            pageHeight = twips(size.getH());
        }
        CTPageMar margins = section.getPgMar();
        if (margins != null) {
            top = twips(margins.getTop());
            bottom = twips(margins.getBottom());
            left = twips(margins.getLeft());
            right = twips(margins.getRight());
        }
    }

    private static float twips(Object value) {
        if (value instanceof BigInteger big) {
            return big.floatValue() * TWIP;
        }
        return value == null ? 0 : Float.parseFloat(value.toString()) * TWIP;
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(new PDRectangle(pageWidth, pageHeight));
        pdf.addPage(page);
        out = new PDPageContentStream(pdf, page);
        y = pageHeight - top;
    }

    private PDType0Font font(PdfFonts which) throws IOException {
        PDType0Font font = fonts.get(which);
        if (font == null) {
            font = PDType0Font.load(pdf, which.open(), true);
            fonts.put(which, font);
        }
        return font;
    }

    // ---- layout: a paragraph becomes lines of pieces

    /** A piece of a line: text in one style, or a picture. */
    private record Piece(String text, PdfFonts font, float size, boolean underline, float width, byte[] picture, float height) {

        boolean isSpace() {
            return picture == null && text.isBlank();
        }
    }

    /** A line of pieces; {@code broken}: ended by a line break or the paragraph's end (not justified). */
    private record Line(List<Piece> pieces, float width, float height, boolean broken) {
    }

    private record Laid(List<Line> lines, float before, float after, ParagraphAlignment alignment, float indent, float firstLine) {

        float height() {
            return before + after + (float) lines.stream().mapToDouble(Line::height).sum();
        }
    }

    private Laid lay(XWPFParagraph paragraph, float width) throws IOException {
        float before = paragraph.getSpacingBefore() > 0 ? paragraph.getSpacingBefore() * TWIP : 0;
        float after = paragraph.getSpacingAfter() > 0 ? paragraph.getSpacingAfter() * TWIP : 0;
        float indent = paragraph.getIndentationLeft() > 0 ? paragraph.getIndentationLeft() * TWIP : 0;
        float firstLine = paragraph.getIndentationFirstLine() > 0 ? paragraph.getIndentationFirstLine() * TWIP : 0;
        List<List<Piece>> words = new ArrayList<>();
        List<Boolean> breaks = new ArrayList<>();
        float defaultSize = DEFAULT_SIZE;
        for (XWPFRun run : paragraph.getRuns()) {
            Double size = run.getFontSizeAsDouble();
            float points = size == null ? DEFAULT_SIZE : size.floatValue();
            defaultSize = points;
            PdfFonts style = PdfFonts.of(run.isBold(), run.isItalic());
            boolean underline = run.getUnderline() != null && run.getUnderline() != UnderlinePatterns.NONE;
            try (XmlCursor cursor = run.getCTR().newCursor()) {
                if (!cursor.toFirstChild()) {
                    continue;
                }
                do {
                    XmlObject child = cursor.getObject();
                    String name = cursor.getName().getLocalPart();
                    if (child instanceof CTText text && name.equals("t")) {
                        split(text.getStringValue(), style, points, underline, words, breaks);
                    } else if (child instanceof CTBr) {
                        words.add(new ArrayList<>());
                        breaks.add(true);
                    } else if (name.equals("tab")) {
                        split("    ", style, points, underline, words, breaks);
                    } else if (name.equals("drawing")) {
                        for (XWPFPicture picture : run.getEmbeddedPictures()) {
                            float w = (float) picture.getWidth();
                            float h = (float) picture.getDepth();
                            if (w > width) {
                                h = h * width / w;
                                w = width;
                            }
                            words.add(new ArrayList<>(List.of(new Piece("", style, points, false, w, picture.getPictureData().getData(), h))));
                            breaks.add(false);
                        }
                    }
                } while (cursor.toNextSibling());
            }
        }
        List<Line> lines = new ArrayList<>();
        List<Piece> line = new ArrayList<>();
        float lineWidth = 0;
        float available = width - indent - firstLine;
        for (int i = 0; i < words.size(); i++) {
            List<Piece> word = words.get(i);
            if (breaks.get(i)) {
                lines.add(line(line, lineWidth, true, defaultSize));
                line = new ArrayList<>();
                lineWidth = 0;
                available = width - indent;
                continue;
            }
            float wordWidth = (float) word.stream().filter(p -> !p.isSpace()).mapToDouble(Piece::width).sum();
            if (lineWidth + wordWidth > available && !line.isEmpty()) {
                lines.add(line(line, lineWidth, false, defaultSize));
                line = new ArrayList<>();
                lineWidth = 0;
                available = width - indent;
                if (word.size() > 0 && word.get(0).isSpace()) {
                    continue;
                }
            }
            for (Piece piece : word) {
                if (lineWidth + piece.width() > available && piece.picture() == null && !piece.isSpace()) {
                    // a word longer than the line: cut it where it overflows
                    for (Piece part : cut(piece, available - lineWidth, available)) {
                        if (lineWidth + part.width() > available + 0.01f && !line.isEmpty()) {
                            lines.add(line(line, lineWidth, false, defaultSize));
                            line = new ArrayList<>();
                            lineWidth = 0;
                            available = width - indent;
                        }
                        line.add(part);
                        lineWidth += part.width();
                    }
                    continue;
                }
                line.add(piece);
                lineWidth += piece.width();
            }
        }
        lines.add(line(line, lineWidth, true, defaultSize));
        return new Laid(lines, before, after, paragraph.getAlignment(), indent, firstLine);
    }

    private Line line(List<Piece> pieces, float width, boolean broken, float defaultSize) {
        // trailing spaces take no room at the line's end
        List<Piece> kept = new ArrayList<>(pieces);
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isSpace()) {
            width -= kept.remove(kept.size() - 1).width();
        }
        float height = defaultSize * LEADING;
        for (Piece piece : kept) {
            height = Math.max(height, piece.picture() != null ? piece.height() + 4 : piece.size() * LEADING);
        }
        return new Line(kept, width, height, broken);
    }

    /** A run's text as words, each followed by its spaces as a piece of their own. */
    private void split(String raw, PdfFonts style, float size, boolean underline, List<List<Piece>> words,
                       List<Boolean> breaks) throws IOException {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int i = 0;
        while (i < text.length()) {
            int j = i;
            boolean space = Character.isWhitespace(text.charAt(i));
            while (j < text.length() && Character.isWhitespace(text.charAt(j)) == space) {
                j++;
            }
            Piece piece = piece(text.substring(i, j), style, size, underline);
            // a word that continues the last run's word (a change of format inside a word) stays with it
            boolean joins = !space && !words.isEmpty() && !breaks.get(breaks.size() - 1) && !words.get(words.size() - 1).isEmpty()
                    && !words.get(words.size() - 1).get(words.get(words.size() - 1).size() - 1).isSpace() && i == 0;
            if (space && !words.isEmpty() && !breaks.get(breaks.size() - 1)) {
                words.get(words.size() - 1).add(piece);
            } else if (joins) {
                words.get(words.size() - 1).add(piece);
            } else {
                words.add(new ArrayList<>(List.of(piece)));
                breaks.add(false);
            }
            i = j;
        }
    }

    private Piece piece(String text, PdfFonts style, float size, boolean underline) throws IOException {
        String drawable = drawable(text, font(style));
        return new Piece(drawable, style, size, underline, font(style).getStringWidth(drawable) / 1000 * size, null, 0);
    }

    /** The text with any character the font lacks shown as a question mark, so that a stray symbol cannot stop a report. */
    private static String drawable(String text, PDType0Font font) throws IOException {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String one = new String(Character.toChars(cp));
            try {
                font.encode(one);
                out.append(one);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private List<Piece> cut(Piece piece, float first, float full) throws IOException {
        List<Piece> parts = new ArrayList<>();
        String rest = piece.text();
        float room = Math.max(first, 0);
        while (!rest.isEmpty()) {
            int n = rest.length();
            while (n > 1 && width(rest.substring(0, n), piece) > room) {
                n--;
            }
            if (width(rest.substring(0, n), piece) > room && room < full) {
                room = full;
                parts.add(new Piece("", piece.font(), piece.size(), false, full, null, 0));
                continue;
            }
            String part = rest.substring(0, n);
            parts.add(new Piece(part, piece.font(), piece.size(), piece.underline(), width(part, piece), null, 0));
            rest = rest.substring(n);
            room = full;
        }
        return parts;
    }

    private float width(String text, Piece style) throws IOException {
        return font(style.font()).getStringWidth(text) / 1000 * style.size();
    }

    // ---- drawing

    private void paragraph(XWPFParagraph paragraph) throws IOException {
        float width = pageWidth - left - right;
        Laid laid = lay(paragraph, width);
        y -= laid.before();
        boolean first = true;
        for (Line line : laid.lines()) {
            if (y - line.height() < bottom) {
                newPage();
            }
            draw(line, laid, left, width, first);
            y -= line.height();
            first = false;
        }
        y -= laid.after();
    }

    /** Draws a line at the cursor, within the column from {@code x} of {@code width}. */
    private void draw(Line line, Laid laid, float x, float width, boolean first) throws IOException {
        float start = x + laid.indent() + (first ? laid.firstLine() : 0);
        float room = width - laid.indent() - (first ? laid.firstLine() : 0);
        float extraPerSpace = 0;
        ParagraphAlignment alignment = laid.alignment() == null ? ParagraphAlignment.LEFT : laid.alignment();
        switch (alignment) {
            case CENTER -> start += (room - line.width()) / 2;
            case RIGHT, END -> start += room - line.width();
            case BOTH, DISTRIBUTE -> {
                long spaces = line.pieces().stream().filter(Piece::isSpace).count();
                if (!line.broken() && spaces > 0) {
                    extraPerSpace = (room - line.width()) / spaces;
                }
            }
            default -> {
            }
        }
        float baseline = y - line.height() * 0.8f;
        float cx = start;
        for (Piece piece : line.pieces()) {
            if (piece.picture() != null) {
                PDImageXObject image = PDImageXObject.createFromByteArray(pdf, piece.picture(), "chart");
                out.drawImage(image, cx, y - piece.height() - 2, piece.width(), piece.height());
            } else if (!piece.text().isEmpty()) {
                if (!piece.isSpace()) {
                    out.beginText();
                    out.setFont(font(piece.font()), piece.size());
                    out.newLineAtOffset(cx, baseline);
                    out.showText(piece.text());
                    out.endText();
                }
                if (piece.underline()) {
                    // spaces inside a line are underlined too: "Độc lập - Tự do - Hạnh phúc" has one line beneath it
                    out.setLineWidth(0.6f);
                    out.moveTo(cx, baseline - 1.8f);
                    out.lineTo(cx + piece.width() + (piece.isSpace() ? extraPerSpace : 0), baseline - 1.8f);
                    out.stroke();
                }
            }
            cx += piece.width() + (piece.isSpace() ? extraPerSpace : 0);
        }
    }

    private void table(XWPFTable table) throws IOException {
        float width = pageWidth - left - right;
        List<Float> grid = new ArrayList<>();
        if (table.getCTTbl().getTblGrid() != null) {
            for (CTTblGridCol col : table.getCTTbl().getTblGrid().getGridColList()) {
                grid.add(twips(col.getW()));
            }
        }
        int columns = table.getRows().stream().mapToInt(r -> span(r)).max().orElse(1);
        while (grid.size() < columns) {
            grid.add(width / columns);
        }
        float total = (float) grid.stream().mapToDouble(Float::doubleValue).sum();
        float scale = total > width ? width / total : 1;
        boolean borders = bordered(table);
        float[] widths = new float[grid.size()];
        for (int k = 0; k < widths.length; k++) {
            widths[k] = grid.get(k) * scale;
        }
        // the rows marked to repeat as a header (the index tables run over pages) are drawn again atop each new page
        List<RowLayout> header = new ArrayList<>();
        boolean inHeader = true;
        for (XWPFTableRow row : table.getRows()) {
            RowLayout laid = layRow(row, widths);
            inHeader = inHeader && row.isRepeatHeader();
            if (y - laid.height() < bottom) {
                newPage();
                if (!inHeader) {
                    for (RowLayout repeated : header) {
                        drawRow(repeated, borders);
                    }
                }
            }
            drawRow(laid, borders);
            if (inHeader) {
                header.add(laid);
            }
        }
    }

    /** A table row laid out: each cell's left edge and width, its paragraphs, and the row's height. */
    private record RowLayout(List<float[]> spans, List<List<Laid>> cells, float height) {
    }

    private RowLayout layRow(XWPFTableRow row, float[] columns) throws IOException {
        List<float[]> spans = new ArrayList<>();
        List<List<Laid>> cells = new ArrayList<>();
        float height = 0;
        int col = 0;
        float x = left;
        for (XWPFTableCell cell : row.getTableCells()) {
            int span = span(cell);
            float cellWidth = 0;
            for (int k = col; k < Math.min(col + span, columns.length); k++) {
                cellWidth += columns[k];
            }
            List<Laid> laid = new ArrayList<>();
            float cellHeight = 2 * CELL_PADDING;
            for (XWPFParagraph p : cell.getParagraphs()) {
                Laid l = lay(p, cellWidth - 2 * CELL_PADDING);
                laid.add(l);
                cellHeight += l.height();
            }
            spans.add(new float[] {x, cellWidth});
            cells.add(laid);
            height = Math.max(height, cellHeight);
            x += cellWidth;
            col += span;
        }
        return new RowLayout(spans, cells, height);
    }

    private void drawRow(RowLayout row, boolean borders) throws IOException {
        for (int c = 0; c < row.cells().size(); c++) {
            float cellX = row.spans().get(c)[0];
            float cellWidth = row.spans().get(c)[1];
            float saved = y;
            y -= CELL_PADDING;
            for (Laid laid : row.cells().get(c)) {
                y -= laid.before();
                boolean first = true;
                for (Line line : laid.lines()) {
                    draw(line, laid, cellX + CELL_PADDING, cellWidth - 2 * CELL_PADDING, first);
                    y -= line.height();
                    first = false;
                }
                y -= laid.after();
            }
            y = saved;
            if (borders) {
                out.setLineWidth(0.5f);
                out.addRect(cellX, y - row.height(), cellWidth, row.height());
                out.stroke();
            }
        }
        y -= row.height();
    }

    private static int span(XWPFTableRow row) {
        return row.getTableCells().stream().mapToInt(PdfReport::span).sum();
    }

    private static int span(XWPFTableCell cell) {
        if (cell.getCTTc().getTcPr() == null) {
            return 1;
        }
        CTDecimalNumber span = cell.getCTTc().getTcPr().getGridSpan();
        return span == null ? 1 : span.getVal().intValue();
    }

    /** Whether a table draws its cell borders: not when its inside borders are none (a letterhead, a signature block). */
    private static boolean bordered(XWPFTable table) {
        XWPFTable.XWPFBorderType inside = table.getInsideVBorderType();
        XWPFTable.XWPFBorderType outside = table.getTopBorderType();
        return (inside != null && inside != XWPFTable.XWPFBorderType.NONE && inside != XWPFTable.XWPFBorderType.NIL)
                || (outside != null && outside != XWPFTable.XWPFBorderType.NONE && outside != XWPFTable.XWPFBorderType.NIL);
    }
}
