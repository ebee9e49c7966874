package org.sipas.collection.paper;

import java.time.LocalDate;
import java.util.List;

import org.sipas.methodology.Methodology;

/**
 * What goes into a unit's print pack for a campaign, read before anything is drawn: the letter's
 * issuing body and date, the questionnaire and its methodology (for the interviewer's guide), the
 * numbered copies with the link each QR opens, and the address labels of the sampled cases.
 *
 * @param issuerParent the body above the issuer, printed above it in the letter's heading, or null
 * @param place        the place name of the date line ("Hà Tĩnh, ngày …")
 * @param issuedOn     the day the unit's numbers were last issued (Vietnamese time): the same pack
 *                     prints the same date on every run
 * @param sampled      whether some copies are for sampled cases (the letter then says the respondent
 *                     was drawn at random; blank copies handed out at the counter were not)
 */
record PrintPack(long campaignId, String campaignName, String issuerParent, String issuer, String place, LocalDate issuedOn,
                 String unitName, Methodology methodology, PaperSheet sheet, List<Copy> copies, List<Label> labels,
                 boolean sampled) {

    PrintPack {
        copies = List.copyOf(copies);
        labels = List.copyOf(labels);
    }

    /** One numbered questionnaire and the link its QR code opens. */
    record Copy(String printedNumber, String link) {
    }

    /**
     * One address label: the sampled applicant and the paper meant for them. The frame keeps a name
     * and a phone, no postal address, so the label names the dossier the partner delivers against.
     */
    record Label(String name, String receiptCode, String procedureCode, LocalDate receivedOn, String phone,
                 String unitName, String printedNumber) {
    }
}
