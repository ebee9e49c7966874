package org.sipas.collection.paper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.nayuki.qrcodegen.QrCode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.sipas.web.PdfFonts;

/**
 * Text flowed down A4 pages with PDFBox: paragraphs wrapped at word boundaries in the shipped
 * font ({@link PdfFonts}, embedded as a subset so every Vietnamese letter prints), a new page when
 * the next block does not fit, plus the few shapes a questionnaire needs (code boxes, rules, a QR
 * code drawn as vector squares). Positions are in points from the top of the page; PDFBox's own
 * origin is the bottom left, converted here once.
 */
final class PrintLayout {

    static final float WIDTH = PDRectangle.A4.getWidth();
    static final float HEIGHT = PDRectangle.A4.getHeight();
    static final float MM = 72f / 25.4f;
    static final float LEADING = 1.25f;

    enum Align { LEFT, CENTER, RIGHT }

    /** A font and a size. */
    record Style(PdfFonts font, float size) {
        static Style regular(float size) {
            return new Style(PdfFonts.REGULAR, size);
        }

        static Style bold(float size) {
            return new Style(PdfFonts.BOLD, size);
        }

        static Style italic(float size) {
            return new Style(PdfFonts.ITALIC, size);
        }
    }

    private final PDDocument pdf;
    private final Map<PdfFonts, PDType0Font> fonts = new EnumMap<>(PdfFonts.class);
    private final Map<PdfFonts, Map<Integer, Boolean>> glyphs = new EnumMap<>(PdfFonts.class);
    // a pack repeats the same questionnaire hundreds of times: its lines are measured and broken once
    private final Map<Wrapped, List<String>> wrapped = new HashMap<>();
    private final Map<PdfFonts, Map<String, Float>> widths = new EnumMap<>(PdfFonts.class);

    private record Wrapped(String text, Style style, float width, float indent) {
    }
    private float left;
    private float right;
    private float top;
    private float bottom;
    private PDPageContentStream out;
    private float y;

    PrintLayout(PDDocument pdf) {
        this.pdf = pdf;
        administrative();
    }

    /** The margins Decree 30/2020/NĐ-CP sets for administrative documents: left 30 mm, the others 20 mm. */
    void administrative() {
        margins(30 * MM, 20 * MM, 20 * MM, 20 * MM);
    }

    /** Margins in points for the pages started from now on. */
    void margins(float left, float right, float top, float bottom) {
        this.left = left;
        this.right = right;
        this.top = top;
        this.bottom = bottom;
    }

    PDDocument document() {
        return pdf;
    }

    float left() {
        return left;
    }

    float textWidth() {
        return WIDTH - left - right;
    }

    float y() {
        return y;
    }

    void moveTo(float y) {
        this.y = y;
    }

    void down(float points) {
        y += points;
    }

    /** The pages so far. */
    int pages() {
        return pdf.getNumberOfPages();
    }

    void newPage() {
        try {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            out = new PDPageContentStream(pdf, page);
            y = top;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a new page unless {@code height} points still fit above the bottom margin. */
    void keep(float height) {
        if (out == null || y + height > HEIGHT - bottom) {
            newPage();
        }
    }

    void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out = null;
        }
    }

    /** A paragraph across the text width. */
    void paragraph(String text, Style style, Align align) {
        paragraph(text, style, align, left, textWidth(), 0);
    }

    /** A paragraph in a column, its first line indented by {@code indent}; a page break may fall between its lines. */
    void paragraph(String text, Style style, Align align, float x, float width, float indent) {
        float line = style.size() * LEADING;
        List<String> lines = wrap(text, style, width, indent);
        for (int i = 0; i < lines.size(); i++) {
            keep(line);
            float shift = i == 0 ? indent : 0;
            show(lines.get(i), style, x + shift, width - shift, align);
            y += line;
        }
    }

    /**
     * Short pieces side by side, as many to a line as fit, {@code gap} apart (a scale's answers on
     * one or two lines instead of one line each); a piece wider than the column gets lines of its own.
     */
    void flow(List<String> pieces, Style style, float x, float width, float gap) {
        float line = style.size() * LEADING;
        float at = x;
        boolean started = false;
        for (String piece : pieces) {
            float w = width(printable(piece, style.font()), style);
            if (w > width) {
                if (started) {
                    y += line;
                }
                paragraph(piece, style, Align.LEFT, x, width, 0);
                at = x;
                started = false;
                continue;
            }
            if (started && at + w > x + width) {
                y += line;
                at = x;
            }
            keep(line);
            show(piece, style, at, w, Align.LEFT);
            at += w + gap;
            started = true;
        }
        if (started) {
            y += line;
        }
    }

    /** The height {@link #flow} would take. */
    float flowHeight(List<String> pieces, Style style, float width, float gap) {
        float line = style.size() * LEADING;
        float height = 0;
        float used = -1;
        for (String piece : pieces) {
            float w = width(printable(piece, style.font()), style);
            if (w > width) {
                height += (used >= 0 ? line : 0) + height(piece, style, width, 0);
                used = -1;
            } else if (used < 0 || used + gap + w > width) {
                height += used >= 0 ? line : 0;
                used = w;
            } else {
                used += gap + w;
            }
        }
        return height + (used >= 0 ? line : 0);
    }

    /** The height {@link #paragraph} would take. */
    float height(String text, Style style, float width, float indent) {
        return wrap(text, style, width, indent).size() * style.size() * LEADING;
    }

    /** One line at the cursor, not wrapped, the cursor left where it is. */
    void show(String text, Style style, float x, float width, Align align) {
        String clean = printable(text, style.font());
        float w = width(clean, style);
        float at = switch (align) {
            case LEFT -> x;
            case CENTER -> x + (width - w) / 2;
            case RIGHT -> x + width - w;
        };
        try {
            out.beginText();
            out.setFont(font(style.font()), style.size());
            out.newLineAtOffset(at, HEIGHT - y - style.size());
            out.showText(clean);
            out.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The longest start of {@code text} that fits {@code width}, with an ellipsis when cut: a label's line. */
    String fit(String text, Style style, float width) {
        String clean = printable(text, style.font());
        if (width(clean, style) <= width) {
            return clean;
        }
        int end = clean.length();
        while (end > 0 && width(clean.substring(0, end) + "…", style) > width) {
            end = clean.offsetByCodePoints(end, -1);
        }
        return clean.substring(0, end).strip() + "…";
    }

    /** A horizontal rule at the cursor. */
    void rule(float x, float width, float thickness) {
        try {
            out.setLineWidth(thickness);
            out.moveTo(x, HEIGHT - y);
            out.lineTo(x + width, HEIGHT - y);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty square, its top left at ({@code x}, cursor): a code box a respondent writes a digit in. */
    void box(float x, float size) {
        try {
            out.setLineWidth(0.7f);
            out.addRect(x, HEIGHT - y - size, size, size);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An outlined rectangle from its top left, in page coordinates from the top. */
    void frame(float x, float fromTop, float width, float height, float thickness) {
        try {
            out.setLineWidth(thickness);
            out.addRect(x, HEIGHT - fromTop - height, width, height);
            out.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A QR code with its quiet zone, {@code size} points square, top left at ({@code x}, {@code fromTop}):
     * the dark modules filled as squares, so it is as sharp as the printer.
     */
    void qr(String text, float x, float fromTop, float size) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int border = 4;
        float module = size / (qr.size + 2 * border);
        try {
            out.setNonStrokingColor(0f);
            for (int row = 0; row < qr.size; row++) {
                for (int col = 0; col < qr.size; col++) {
                    if (qr.getModule(col, row)) {
                        out.addRect(x + (col + border) * module, HEIGHT - fromTop - (row + border + 1) * module, module, module);
                    }
                }
            }
            out.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    float width(String text, Style style) {
        float em = widths.computeIfAbsent(style.font(), f -> new HashMap<>()).computeIfAbsent(text, t -> {
            try {
                return font(style.font()).getStringWidth(t) / 1000f;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return em * style.size();
    }

    /** Lines of at most {@code width}, broken between words; a word longer than a line is broken where it must. */
    List<String> wrap(String text, Style style, float width, float indent) {
        return wrapped.computeIfAbsent(new Wrapped(text == null ? "" : text, style, width, indent),
                k -> List.copyOf(breakLines(k.text(), style, width, indent)));
    }

    private List<String> breakLines(String text, Style style, float width, float indent) {
        String clean = printable(text, style.font());
        List<String> lines = new ArrayList<>();
        for (String hard : clean.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : hard.split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                float room = width - (lines.isEmpty() ? indent : 0);
                String tried = line.isEmpty() ? word : line + " " + word;
                if (width(tried, style) <= room) {
                    line.setLength(0);
                    line.append(tried);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                    room = width;
                }
                String rest = word;
                while (width(rest, style) > room) {
                    int end = rest.length();
                    while (end > 1 && width(rest.substring(0, end), style) > room) {
                        end = rest.offsetByCodePoints(end, -1);
                    }
                    lines.add(rest.substring(0, end));
                    rest = rest.substring(end);
                    room = width;
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * The text as the font can draw it: composed (NFC, one glyph per Vietnamese letter), tabs as
     * spaces, and any character the font lacks as a question mark rather than a failed PDF.
     */
    private String printable(String text, PdfFonts which) {
        String composed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).replace('\t', ' ').replace('\r', ' ');
        PDType0Font font = font(which);
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(which, k -> new HashMap<>());
        StringBuilder out = new StringBuilder(composed.length());
        composed.codePoints().forEach(cp -> {
            boolean drawable = cp == '\n' || known.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            out.appendCodePoint(drawable ? cp : '?');
        });
        return out.toString();
    }

    private PDType0Font font(PdfFonts which) {
        return fonts.computeIfAbsent(which, f -> {
            try {
                return PDType0Font.load(pdf, f.open(), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Writes a line on a page already drawn (a footer once the part's page count is known). */
    void footer(PDPage page, String text, Style style) {
        try (PDPageContentStream stream = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
            String clean = printable(text, style.font());
            float w = width(clean, style);
            stream.beginText();
            stream.setFont(font(style.font()), style.size());
            stream.newLineAtOffset(left + (textWidth() - w) / 2, bottom / 2);
            stream.showText(clean);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
