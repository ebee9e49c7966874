package org.sipas.collection.online;

import io.nayuki.qrcodegen.QrCode;

/**
 * QR codes of survey links, drawn on the server as inline SVG: no script and no image request, and
 * a vector prints sharp at any size. Error correction M (15% of the code may be lost): a slip is
 * handled, folded and kept in a pocket before it is scanned.
 */
final class QrCodes {

    /** Light modules around the code, as the standard asks, so that a reader finds its edges. */
    static final int QUIET_ZONE = 4;

    private QrCodes() {
    }

    /**
     * An SVG of the QR code of {@code text}: one stroked path of dark modules on a white square,
     * each run of dark modules on a row one line of width 1 through the row's middle: the row's
     * first run {@code M x,y.5 h run}, the next ones moved to from the end of the last
     * ({@code m gap,0 h run}). Half the bytes of a rectangle per run: a sheet of 120 receipt slips
     * is that much lighter.
     *
     * @param label what the code says, for screen readers
     */
    static String svg(String text, String label) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder(qr.size * qr.size);
        for (int y = 0; y < qr.size; y++) {
            int x = 0;
            int end = -1;
            while (x < qr.size) {
                if (!qr.getModule(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < qr.size && qr.getModule(x, y)) {
                    x++;
                }
                if (end < 0) {
                    path.append('M').append(start + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append(".5");
                } else {
                    path.append('m').append(start - end).append(",0");
                }
                path.append('h').append(x - start);
                end = x;
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + ' ' + size
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + escape(label) + "\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path stroke=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
