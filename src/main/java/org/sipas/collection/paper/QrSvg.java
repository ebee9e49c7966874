package org.sipas.collection.paper;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code drawn on the server as inline SVG: one path of dark modules, crisp at any print
 * resolution and a few hundred bytes, with no image to fetch.
 */
final class QrSvg {

    /** The quiet zone the QR standard asks for around the symbol, in modules. */
    private static final int BORDER = 4;

    private QrSvg() {
    }

    /**
     * @param text  what the code says
     * @param title its accessible name (read by a screen reader, shown on hover)
     */
    static String of(String text, String title) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * BORDER;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><title>" + escape(title) + "</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
