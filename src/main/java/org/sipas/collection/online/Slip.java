package org.sipas.collection.online;

import java.time.Instant;

import org.sipas.web.Formats;

/**
 * One receipt slip: the invitation a one-stop section hands with a sampled dossier's result. It
 * carries the unit and receipt code so the respondent knows which service it asks about, and no
 * contact data.
 *
 * @param qrSvg the QR code of {@code url}, as inline SVG
 */
record Slip(long caseId, String unitCode, String unitName, String receiptCode, String url, String qrSvg, Instant expiresAt) {

    /** The last day to answer, dd/MM/yyyy in Vietnamese time. */
    public String until() {
        return Formats.DATE.format(expiresAt);
    }
}
