package org.sipas.reporting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.sipas.index.IndexEstimate;
import org.sipas.index.Percent;
import org.sipas.web.PdfFonts;

/**
 * The report's chart, drawn on the server with Java2D (no browser): each unit's overall index as a
 * bar, highest first, with its 95% confidence interval as a whisker, so that a reader sees which
 * differences lie within the noise.
 */
final class ReportChart {

    private static final int WIDTH = 1200;
    private static final int ROW = 44;
    private static final int TOP = 70;
    private static final int BOTTOM = 60;
    private static final int LABELS = 420;
    private static final int RIGHT = 60;
    private static final Color BAR = new Color(0x2f, 0x5f, 0x98);
    private static final Color WHISKER = new Color(0x20, 0x20, 0x20);
    private static final Percent PERCENT = new Percent(Locale.forLanguageTag("vi"));

    private ReportChart() {
    }

    /** The units' chart as a PNG 16 cm wide. */
    static ReportFields.Image units(List<ReportContent.UnitRow> units) {
        List<ReportContent.UnitRow> rows = ReportContent.byEstimate(units);
        int height = TOP + BOTTOM + Math.max(1, rows.size()) * ROW;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            Font text = PdfFonts.REGULAR.awt(22f);
            Font title = PdfFonts.BOLD.awt(24f);
            g.setColor(Color.BLACK);
            g.setFont(title);
            g.drawString("Chỉ số hài lòng theo đơn vị (%), khoảng tin cậy 95%", 20, 40);
            int plot = WIDTH - LABELS - RIGHT;
            int bottom = TOP + rows.size() * ROW;
            g.setFont(text);
            FontMetrics metrics = g.getFontMetrics();
            for (int tick = 0; tick <= 100; tick += 20) {
                int x = LABELS + plot * tick / 100;
                g.setColor(new Color(0xdd, 0xdd, 0xdd));
                g.drawLine(x, TOP - 10, x, bottom);
                g.setColor(Color.BLACK);
                String label = String.valueOf(tick);
                g.drawString(label, x - metrics.stringWidth(label) / 2, bottom + 32);
            }
            for (int i = 0; i < rows.size(); i++) {
                ReportContent.UnitRow row = rows.get(i);
                int y = TOP + i * ROW;
                g.setColor(Color.BLACK);
                g.drawString(fit(row.name(), metrics, LABELS - 30), 20, y + ROW / 2 + metrics.getAscent() / 2 - 4);
                IndexEstimate e = row.overall();
                if (e == null || e.estimatePct() == null) {
                    continue;
                }
                g.setColor(BAR);
                g.fillRect(LABELS, y + 8, (int) Math.round(plot * clamp(e.estimatePct()) / 100), ROW - 16);
                if (e.ci95Low() != null && e.ci95High() != null) {
                    int low = LABELS + (int) Math.round(plot * clamp(e.ci95Low()) / 100);
                    int high = LABELS + (int) Math.round(plot * clamp(e.ci95High()) / 100);
                    int mid = y + ROW / 2;
                    g.setColor(WHISKER);
                    g.setStroke(new BasicStroke(3f));
                    g.drawLine(low, mid, high, mid);
                    g.drawLine(low, mid - 10, low, mid + 10);
                    g.drawLine(high, mid - 10, high, mid + 10);
                    g.setStroke(new BasicStroke(1f));
                }
                String value = PERCENT.number(e.estimatePct());
                int x = LABELS + 8;
                g.setColor(Color.WHITE);
                if (plot * clamp(e.estimatePct()) / 100 < metrics.stringWidth(value) + 16) {
                    g.setColor(Color.BLACK);
                    x = LABELS + (int) Math.round(plot * clamp(e.estimatePct()) / 100) + 8;
                }
                g.drawString(value, x, y + ROW / 2 + metrics.getAscent() / 2 - 4);
            }
            g.setColor(Color.BLACK);
            g.drawLine(LABELS, TOP - 10, LABELS, bottom);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return new ReportFields.Image(out.toByteArray(), WIDTH, height, 16.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double clamp(double pct) {
        return Math.max(0, Math.min(100, pct));
    }

    /** A label cut with an ellipsis to fit its column. */
    private static String fit(String text, FontMetrics metrics, int width) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
