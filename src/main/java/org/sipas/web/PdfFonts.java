package org.sipas.web;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;

/**
 * The font of every PDF sipas draws (the reports and their charts, the paper print packs):
 * DejaVu Serif Condensed (Bitstream Vera licence, the DejaVu changes public domain;
 * {@code reporting/fonts/LICENSE-DejaVu.txt}), shipped in the
 * project so that every Vietnamese letter with its diacritics is drawn from a font the PDF embeds,
 * whatever the server has installed. Times New Roman, which the DOCX names, is not free to ship;
 * the condensed cut comes closest to its width. It lives here, at the bottom of the house, so that
 * collection's print packs and reporting's reports embed the same font without depending on each
 * other.
 */
public enum PdfFonts {
    REGULAR("DejaVuSerifCondensed.ttf"),
    BOLD("DejaVuSerifCondensed-Bold.ttf"),
    ITALIC("DejaVuSerifCondensed-Italic.ttf"),
    BOLD_ITALIC("DejaVuSerifCondensed-BoldItalic.ttf");

    private final String file;
    private volatile byte[] bytes;

    PdfFonts(String file) {
        this.file = file;
    }

    public static PdfFonts of(boolean bold, boolean italic) {
        return bold ? (italic ? BOLD_ITALIC : BOLD) : (italic ? ITALIC : REGULAR);
    }

    /** The TrueType file, read once. */
    public InputStream open() {
        byte[] read = bytes;
        if (read == null) {
            try (InputStream in = new ClassPathResource("reporting/fonts/" + file).getInputStream()) {
                read = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("the report font " + file + " is missing from the build", e);
            }
            bytes = read;
        }
        return new ByteArrayInputStream(read);
    }

    /** The font for Java2D at {@code size} points. */
    public Font awt(float size) {
        try (InputStream in = open()) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(size);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("the report font " + file + " cannot be read", e);
        }
    }
}
