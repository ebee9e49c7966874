package org.sipas.collection.paper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.sipas.collection.paper.PrintLayout.Align;
import org.sipas.collection.paper.PrintLayout.Style;
import org.sipas.methodology.AnswerScale;
import org.sipas.methodology.Methodology;
import org.sipas.methodology.Question;
import org.sipas.methodology.QuestionType;
import org.sipas.web.Formats;
import org.springframework.context.MessageSource;

/**
 * Draws a {@link PrintPack} as one A4 PDF, in this order: the cover letter, the interviewer's
 * guide, the numbered questionnaires (each starting on a new page, its number and QR code on top,
 * "Phiếu số … · trang i/k" at the foot of each of its pages), and the address labels (name, postal
 * address, dossier, partner and paper number) on sheets of 3 × 8 labels of 70 × 37 mm.
 *
 * <p>The same pack gives the same bytes on every run: no creation or modification date is
 * written, the document ID is a digest of the pack's identity instead of the clock, and the font
 * subsets are named from the glyphs they hold.
 */
final class PrintPackPdf {

    /** The label sheet: 3 columns × 8 rows, 70 × 37.125 mm each, edge to edge on A4. */
    static final int LABEL_COLUMNS = 3;
    static final int LABEL_ROWS = 8;
    static final int LABELS_PER_PAGE = LABEL_COLUMNS * LABEL_ROWS;
    /** A label holds the applicant's name, four lines of address, the dossier and the paper's number. */
    static final int LABEL_ADDRESS_LINES = 4;

    private static final float QR_SIZE = 34 * PrintLayout.MM;
    private static final float BOX = 13f;
    private static final float OPTION_GAP = 16f;

    /** How many pages each part took. */
    record Rendered(byte[] pdf, int letterPages, int guidePages, int pagesPerCopy, int copies, int labelPages) {
        int pages() {
            return letterPages + guidePages + pagesPerCopy * copies + labelPages;
        }
    }

    private final MessageSource messages;
    private final Locale locale;

    PrintPackPdf(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    Rendered render(PrintPack pack) {
        try (PDDocument pdf = new PDDocument()) {
            PrintLayout page = new PrintLayout(pdf);
            int letter = letter(page, pack);
            int guide = guide(page, pack);
            int perCopy = 0;
            for (PrintPack.Copy copy : pack.copies()) {
                int pages = questionnaire(page, pack, copy);
                if (perCopy != 0 && pages != perCopy) {
                    // the page count of the pack is a figure the printer orders paper by: it must not vary
                    throw new IllegalStateException("copy " + copy.printedNumber() + " takes " + pages + " pages, not " + perCopy);
                }
                perCopy = pages;
            }
            int labels = labels(page, pack);
            page.close();
            pdf.getDocumentInformation().setTitle(text("pack.title", pack.campaignName(), pack.unitName()));
            pdf.getDocumentInformation().setCreator("sipas");
            pdf.getDocument().getTrailer().setItem(COSName.ID, documentId(pack));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            return new Rendered(bytes.toByteArray(), letter, guide, perCopy, pack.copies().size(), labels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- (a) the cover letter, laid out as Decree 30/2020/NĐ-CP lays out an administrative letter

    private int letter(PrintLayout page, PrintPack pack) {
        int first = page.pages();
        page.administrative();
        page.newPage();
        float x = page.left();
        float width = page.textWidth();
        float leftColumn = width * 0.4f;
        float rightColumn = width - leftColumn;
        float top = page.y();

        // the issuing body on the left, the national motto on the right, each centred in its column
        if (pack.issuerParent() != null) {
            page.paragraph(upper(pack.issuerParent()), Style.regular(12), Align.CENTER, x, leftColumn, 0);
        }
        page.paragraph(upper(pack.issuer()), Style.bold(12), Align.CENTER, x, leftColumn, 0);
        underline(page, x, leftColumn, Style.bold(12), 0.35f);
        page.down(6);
        page.paragraph(text("pack.letter.number"), Style.regular(13), Align.CENTER, x, leftColumn, 0);
        float leftBottom = page.y();

        page.moveTo(top);
        // the motto is one line at most 12.5 pt, as the decree sets it: smaller only if the column is narrower than the line
        Style motto = Style.bold(Math.min(12.5f, 12.3f * rightColumn / page.width(text("pack.letter.motto"), Style.bold(12.5f))));
        page.paragraph(text("pack.letter.motto"), motto, Align.CENTER, x + leftColumn, rightColumn, 0);
        page.paragraph(text("pack.letter.motto2"), Style.bold(13), Align.CENTER, x + leftColumn, rightColumn, 0);
        float mottoWidth = page.width(text("pack.letter.motto2"), Style.bold(13));
        page.down(1);
        page.rule(x + leftColumn + (rightColumn - mottoWidth) / 2, mottoWidth, 0.6f);
        page.down(8);
        page.paragraph(text("pack.letter.placeDate", pack.place(), String.format("%02d", pack.issuedOn().getDayOfMonth()),
                String.format("%02d", pack.issuedOn().getMonthValue()), Integer.toString(pack.issuedOn().getYear())),
                Style.italic(13), Align.CENTER, x + leftColumn, rightColumn, 0);

        page.moveTo(Math.max(leftBottom, page.y()) + 24);
        page.paragraph(text("pack.letter.title"), Style.bold(14), Align.CENTER);
        page.paragraph(text("pack.letter.subject"), Style.bold(13), Align.CENTER);
        page.down(14);
        page.paragraph(text("pack.letter.to", pack.issuer(), pack.campaignName(), pack.unitName(), pack.sheet().title()), Style.bold(13), Align.LEFT, x, width, 28);
        page.down(4);
        for (String key : List.of("pack.letter.body1", pack.sampled() ? "pack.letter.body2" : "pack.letter.body2.counter",
                "pack.letter.body3", "pack.letter.body4")) {
            page.paragraph(text(key, pack.issuer(), pack.campaignName(), pack.unitName(), pack.sheet().title()),
                    Style.regular(13), Align.LEFT, x, width, 28);
            page.down(6);
        }

        // recipients on the left, the signature block on the right
        page.down(10);
        float signTop = page.y();
        page.paragraph(text("pack.letter.recipients"), new Style(org.sipas.web.PdfFonts.BOLD_ITALIC, 12), Align.LEFT, x, leftColumn, 0);
        page.paragraph(text("pack.letter.recipient1"), Style.regular(11), Align.LEFT, x, leftColumn, 0);
        page.paragraph(text("pack.letter.recipient2", pack.unitName()), Style.regular(11), Align.LEFT, x, leftColumn, 0);
        page.paragraph(text("pack.letter.recipient3"), Style.regular(11), Align.LEFT, x, leftColumn, 0);
        page.moveTo(signTop);
        page.paragraph(text("pack.letter.signFor", upper(pack.issuer())), Style.bold(13), Align.CENTER, x + leftColumn, rightColumn, 0);
        page.paragraph(text("pack.letter.signHint"), Style.italic(12), Align.CENTER, x + leftColumn, rightColumn, 0);
        page.close();
        return page.pages() - first;
    }

    // ---- (b) the interviewer's guide, generated from the methodology version

    private int guide(PrintLayout page, PrintPack pack) {
        int first = page.pages();
        page.margins(20 * PrintLayout.MM, 20 * PrintLayout.MM, 18 * PrintLayout.MM, 18 * PrintLayout.MM);
        page.newPage();
        Methodology methodology = pack.methodology();
        page.paragraph(text("pack.guide.title"), Style.bold(15), Align.CENTER);
        page.paragraph(pack.sheet().title(), Style.bold(12), Align.CENTER);
        page.paragraph(text("pack.guide.version", methodology.code(), methodology.version()), Style.regular(10.5f), Align.CENTER);
        page.paragraph(text("pack.guide.campaign", pack.campaignName(), pack.unitName()), Style.regular(10.5f), Align.CENTER);
        page.down(8);
        page.paragraph(text("pack.guide.rules.title"), Style.bold(12), Align.LEFT);
        for (String rule : text("pack.guide.rules").split("\\|")) {
            page.paragraph("– " + rule.strip(), Style.regular(10.5f), Align.LEFT, page.left() + 8, page.textWidth() - 8, 0);
        }
        for (PaperSection section : pack.sheet().sections()) {
            page.down(8);
            page.keep(60);
            page.paragraph(section.title(), Style.bold(12.5f), Align.LEFT);
            page.down(2);
            for (PaperQuestion q : section.questions()) {
                Question question = methodology.question(q.name()).orElseThrow();
                List<String> lines = guideLines(methodology, question, q);
                page.down(5);
                String heading = text("pack.guide.question", q.number(), q.name(), type(methodology, question));
                page.keep(page.height(heading, Style.bold(10.5f), page.textWidth(), 0)
                        + Math.min(3, lines.size()) * 10.5f * PrintLayout.LEADING);
                page.paragraph(heading, Style.bold(10.5f), Align.LEFT);
                page.paragraph(q.label(), Style.regular(10.5f), Align.LEFT, page.left() + 12, page.textWidth() - 12, 0);
                for (String line : lines) {
                    page.paragraph(line, Style.italic(10), Align.LEFT, page.left() + 12, page.textWidth() - 12, 0);
                }
            }
        }
        page.close();
        int pages = page.pages() - first;
        for (int i = 0; i < pages; i++) {
            page.footer(page.document().getPage(first + i), text("pack.footer.guide", i + 1, pages), Style.regular(9));
        }
        return pages;
    }

    /** What an interviewer must know of a question beyond its wording: codes, when it is asked, where to go, what is valid. */
    private List<String> guideLines(Methodology methodology, Question question, PaperQuestion q) {
        List<String> lines = new ArrayList<>();
        if (q.required()) {
            lines.add(text("pack.guide.required"));
        }
        if (!q.options().isEmpty()) {
            AnswerScale scale = question.type() == QuestionType.SCALE ? methodology.scale(question.scale()).orElse(null) : null;
            lines.add(text("pack.guide.codes", q.options().stream()
                    .map(o -> o.digit() + " = " + o.label() + (scale != null && scale.isExcluded(Integer.parseInt(o.code()))
                            ? " " + text("pack.guide.excluded") : ""))
                    .collect(Collectors.joining("; "))));
            if (question.type() == QuestionType.SELECT_ONE || question.type() == QuestionType.SELECT_MULTIPLE) {
                boolean byPosition = q.options().stream().anyMatch(o -> !o.digit().equals(o.code()));
                if (byPosition) {
                    lines.add(text("pack.guide.stored", q.options().stream().map(o -> o.digit() + " → " + o.code())
                            .collect(Collectors.joining(", "))));
                }
            }
        }
        if (q.onlyIf() != null) {
            lines.add(q.onlyIf());
        }
        q.skips().forEach(skip -> lines.add("→ " + skip));
        if (question.constraint() != null && !question.constraint().isBlank()) {
            String why = question.constraintMessage() == null ? null : question.constraintMessage().in(locale);
            lines.add(why == null || why.isBlank() ? text("pack.guide.constraint.bare", question.constraint())
                    : text("pack.guide.constraint", why, question.constraint()));
        }
        if (q.hint() != null) {
            lines.add(text("pack.guide.hint", q.hint()));
        }
        return lines;
    }

    private String type(Methodology methodology, Question question) {
        return switch (question.type()) {
            case SCALE -> text("pack.guide.type.SCALE", methodology.scale(question.scale()).map(s -> s.levels().size()).orElse(0));
            default -> text("pack.guide.type." + question.type().name());
        };
    }

    // ---- (c) one numbered questionnaire, the printable paper of PaperPrintPages drawn as PDF pages

    private int questionnaire(PrintLayout page, PrintPack pack, PrintPack.Copy copy) {
        int first = page.pages();
        float margin = 15 * PrintLayout.MM;
        page.margins(margin, margin, margin, 17 * PrintLayout.MM);
        page.newPage();
        PaperSheet sheet = pack.sheet();
        float x = page.left();
        float width = page.textWidth();
        float headerWidth = width - QR_SIZE - 10;
        float top = page.y();
        page.qr(copy.link(), x + width - QR_SIZE, top - 4, QR_SIZE);
        page.paragraph(sheet.title(), Style.bold(13), Align.LEFT, x, headerWidth, 0);
        page.paragraph(pack.campaignName(), Style.regular(10.5f), Align.LEFT, x, headerWidth, 0);
        page.paragraph(text("paper.sheet.unit") + ": " + pack.unitName(), Style.regular(10.5f), Align.LEFT, x, headerWidth, 0);
        page.paragraph(text("paper.sheet.number") + ": " + copy.printedNumber(), Style.bold(12), Align.LEFT, x, headerWidth, 0);
        page.moveTo(Math.max(page.y(), top + QR_SIZE - 4) + 4);
        page.paragraph(text("paper.sheet.howTo"), Style.italic(10), Align.LEFT);
        Style body = Style.regular(10.5f);
        Style note = Style.italic(9.5f);
        float textX = x + 3 * BOX + 6;
        float textWidth = width - 3 * BOX - 6;
        for (PaperSection section : sheet.sections()) {
            page.down(6);
            // a section's title stays with its first question
            page.keep(100);
            page.paragraph(section.title(), Style.bold(11.5f), Align.LEFT);
            for (PaperQuestion q : section.questions()) {
                page.down(5);
                String label = q.number() + ". " + q.label() + (q.required() ? " " + text("paper.sheet.required") : "");
                List<String> notes = sheetNotes(q);
                List<String> options = q.options().stream().map(o -> o.digit() + "  " + o.label()).toList();
                // a code of one or two digits has its boxes beside the question; a date's eight go under it
                boolean boxesBeside = q.boxes() <= 3;
                page.keep(Math.min(page.height(label, body, textWidth, 0) + notes.size() * note.size() * PrintLayout.LEADING
                        + page.flowHeight(options, body, textWidth - 10, OPTION_GAP) + (boxesBeside ? 0 : BOX + 4), 300));
                float questionTop = page.y();
                if (boxesBeside) {
                    boxes(page, x, q.boxes());
                }
                page.paragraph(label, body, Align.LEFT, textX, textWidth, 0);
                for (String line : notes) {
                    page.paragraph(line, note, Align.LEFT, textX, textWidth, 0);
                }
                if (!boxesBeside) {
                    page.down(2);
                    boxes(page, textX + 10, q.boxes());
                    page.down(BOX + 2);
                }
                page.flow(options, body, textX + 10, textWidth - 10, OPTION_GAP);
                int writingLines = switch (q.type()) {
                    case TEXT -> 3;
                    case INTEGER, DECIMAL, OFFICIAL, SELECT_MULTIPLE -> 1;
                    default -> 0;
                };
                for (int i = 0; i < writingLines; i++) {
                    page.keep(18);
                    page.down(16);
                    page.rule(textX + 10, textWidth - 10, 0.4f);
                }
                for (String skip : q.skips()) {
                    page.paragraph("→ " + skip, Style.bold(9.5f), Align.LEFT, textX, textWidth, 0);
                }
                page.moveTo(Math.max(page.y(), questionTop + BOX + 2));
            }
        }
        page.down(10);
        page.paragraph(text("paper.sheet.end"), Style.italic(10.5f), Align.CENTER);
        page.close();
        int pages = page.pages() - first;
        for (int i = 0; i < pages; i++) {
            page.footer(page.document().getPage(first + i), text("pack.footer.sheet", copy.printedNumber(), i + 1, pages),
                    Style.regular(9));
        }
        return pages;
    }

    /** A row of empty code boxes from {@code x} at the cursor, the cursor left where it is. */
    private static void boxes(PrintLayout page, float x, int count) {
        for (int b = 0; b < count; b++) {
            page.box(x + b * (BOX + 1), BOX);
        }
    }

    /** The instructions the HTML paper prints under a question, in its order. */
    private List<String> sheetNotes(PaperQuestion q) {
        List<String> notes = new ArrayList<>();
        if (q.onlyIf() != null) {
            notes.add(q.onlyIf());
        }
        if (q.hint() != null) {
            notes.add(q.hint());
        }
        if (q.isMultiple()) {
            notes.add(text("paper.sheet.multiple"));
        }
        if (q.type() == QuestionType.DATE) {
            notes.add(text("paper.sheet.date"));
        }
        if (q.type() == QuestionType.OFFICIAL) {
            notes.add(text("paper.sheet.official"));
        }
        return notes;
    }

    // ---- (d) address labels, 24 to an A4 sheet

    private int labels(PrintLayout page, PrintPack pack) {
        int first = page.pages();
        float width = PrintLayout.WIDTH / LABEL_COLUMNS;
        float height = PrintLayout.HEIGHT / LABEL_ROWS;
        float padding = 5 * PrintLayout.MM;
        page.margins(0, 0, 0, 0);
        for (int i = 0; i < pack.labels().size(); i++) {
            if (i % LABELS_PER_PAGE == 0) {
                page.newPage();
            }
            PrintPack.Label label = pack.labels().get(i);
            int cell = i % LABELS_PER_PAGE;
            float x = (cell % LABEL_COLUMNS) * width;
            float y = (cell / LABEL_COLUMNS) * height;
            // a light outline to cut along when the sheet is plain paper
            page.frame(x + 1, y + 1, width - 2, height - 2, 0.2f);
            float inner = width - 2 * padding;
            page.moveTo(y + padding);
            Style name = Style.bold(10);
            Style body = Style.regular(8);
            line(page, text("pack.label.to", label.name() == null || label.name().isBlank() ? text("pack.label.noName") : label.name()),
                    name, x + padding, inner);
            if (label.erasedOn() != null) {
                // erased under the retention rule: the partner asks the unit, as for a missing address
                lines(page, text("contact.erased", label.erasedOn()), Style.italic(8), x + padding, inner, 3);
                line(page, label.unitName(), body, x + padding, inner);
            } else if (label.address() != null) {
                lines(page, label.address(), body, x + padding, inner, LABEL_ADDRESS_LINES);
            } else {
                // said on the label, so the partner asks the office or finds the applicant by the dossier below
                lines(page, text("pack.label.noAddress"), Style.italic(8), x + padding, inner, 2);
                line(page, label.unitName(), body, x + padding, inner);
            }
            line(page, text("pack.label.receipt", label.receiptCode(), label.procedureCode(), Formats.DATE.format(label.receivedOn())),
                    body, x + padding, inner);
            page.moveTo(y + height - padding - 9 * PrintLayout.LEADING);
            Style number = Style.bold(9);
            String paper = page.fit(text("pack.label.paper", label.printedNumber()), number, inner);
            page.show(paper, number, x + padding, inner, Align.RIGHT);
            float left = inner - page.width(paper, number) - 2 * PrintLayout.MM;
            // the partner's name alone, beside the number: it sorts the labels of several partners
            Style partner = Style.italic(7.5f);
            if (label.partner() != null && left > 0) {
                page.show(page.fit(label.partner(), partner, left), partner, x + padding, left, Align.LEFT);
            }
        }
        page.close();
        return page.pages() - first;
    }

    /** One line of a label at the cursor, cut with an ellipsis when too long, the cursor moved below it. */
    private static void line(PrintLayout page, String text, Style style, float x, float width) {
        page.show(page.fit(text, style, width), style, x, width, Align.LEFT);
        page.down(style.size() * PrintLayout.LEADING);
    }

    /** Text wrapped on at most {@code most} lines of a label, the last cut with an ellipsis when more is left. */
    private static void lines(PrintLayout page, String text, Style style, float x, float width, int most) {
        List<String> wrapped = page.wrap(text, style, width, 0);
        for (int i = 0; i < Math.min(most, wrapped.size()); i++) {
            String shown = i == most - 1 && wrapped.size() > most ? String.join(" ", wrapped.subList(i, wrapped.size())) : wrapped.get(i);
            line(page, shown, style, x, width);
        }
    }

    // ---- helpers

    private static void underline(PrintLayout page, float x, float width, Style style, float share) {
        float length = width * share;
        page.down(1);
        page.rule(x + (width - length) / 2, length, 0.6f);
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.forLanguageTag("vi"));
    }

    /** Two copies of a digest of what the pack is, in place of PDFBox's clock-based ID. */
    private static COSArray documentId(PrintPack pack) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            String identity = pack.campaignId() + "|" + pack.unitName() + "|" + pack.issuedOn() + "|"
                    + pack.copies().stream().map(PrintPack.Copy::printedNumber).collect(Collectors.joining(","));
            byte[] id = md5.digest(identity.getBytes(StandardCharsets.UTF_8));
            COSArray array = new COSArray();
            array.add(new COSString(id));
            array.add(new COSString(Arrays.copyOf(id, id.length)));
            return array;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
