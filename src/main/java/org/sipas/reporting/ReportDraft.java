package org.sipas.reporting;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the author of a campaign report writes beside the published figures: the document's number,
 * issuing body, place and date, signer and recipients, and the recommendations. Kept per published
 * version (table {@code report_draft}), apart from the snapshot, which is never updated: the
 * figures of a version are fixed, the text around them is the author's until they send it. A
 * correction's report starts from the draft of the version before.
 *
 * @param date       the report's date; null: the day it is downloaded
 * @param updatedBy  who saved it last (null for the defaults, never saved)
 */
record ReportDraft(String number, String issuerSuperior, String issuer, String place, LocalDate date, String signerTitle,
                   String signerName, String recipients, String recommendations, String updatedBy, Instant updatedAt)
        implements Serializable {

    static final int MAX_RECOMMENDATIONS = 20_000;
    static final int MAX_FIELD = 500;

    ReportDraft {
        number = clean(number);
        issuerSuperior = clean(issuerSuperior);
        issuer = clean(issuer);
        place = clean(place);
        signerTitle = clean(signerTitle);
        signerName = clean(signerName);
        recipients = recipients == null ? "" : recipients.replace("\r\n", "\n").strip();
        recommendations = recommendations == null ? "" : recommendations.replace("\r\n", "\n").strip();
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }

    /** The same text, as saved by someone at a time. */
    ReportDraft savedBy(String by, Instant at) {
        return new ReportDraft(number, issuerSuperior, issuer, place, date, signerTitle, signerName, recipients, recommendations, by, at);
    }
}
