package org.sipas.collection.online;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * Reads the QR codes in a page back to their text with zxing, an independent reader: each inline
 * SVG is drawn as pixels (its viewBox, its runs of dark modules) and handed to the decoder.
 */
final class QrReading {

    private static final Pattern SVG = Pattern.compile("<svg[^>]*viewBox=\"0 0 (\\d+) \\1\"[^>]*>.*?</svg>", Pattern.DOTALL);
    /** A row's first run (M x,y.5 h n) or the next on the same row (m gap,0 h n). */
    private static final Pattern RUN = Pattern.compile("(?:M(\\d+),(\\d+)\\.5|m(\\d+),0)h(\\d+)");
    private static final int PIXELS_PER_MODULE = 4;

    private QrReading() {
    }

    /** The texts of every QR code in {@code html}, in page order. */
    static List<String> texts(String html) {
        List<String> texts = new ArrayList<>();
        Matcher svg = SVG.matcher(html);
        while (svg.find()) {
            texts.add(decode(svg.group(), Integer.parseInt(svg.group(1))));
        }
        return texts;
    }

    static String decode(String svg, int modules) {
        int side = modules * PIXELS_PER_MODULE;
        int[] pixels = new int[side * side];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher run = RUN.matcher(svg);
        int x = 0;
        int y = 0;
        while (run.find()) {
            if (run.group(1) != null) {
                x = Integer.parseInt(run.group(1));
                y = Integer.parseInt(run.group(2));
            } else {
                x += Integer.parseInt(run.group(3));
            }
            int length = Integer.parseInt(run.group(4));
            for (int py = y * PIXELS_PER_MODULE; py < (y + 1) * PIXELS_PER_MODULE; py++) {
                for (int px = x * PIXELS_PER_MODULE; px < (x + length) * PIXELS_PER_MODULE; px++) {
                    pixels[py * side + px] = 0xFF000000;
                }
            }
            x += length;
        }
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels))),
                    Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (Exception e) {
            throw new AssertionError("The QR code does not decode: " + e, e);
        }
    }
}
