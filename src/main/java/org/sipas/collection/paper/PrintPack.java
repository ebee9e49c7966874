package org.sipas.collection.paper;

import java.time.LocalDate;
import java.util.List;

import org.sipas.methodology.Methodology;

/**
 * What goes into a unit's print pack for a campaign, read before anything is drawn: the letter's
 * issuing body and date, the questionnaire and its methodology (for the interviewer's guide), the
 * numbered copies with the link each QR opens, and the address labels of the sampled cases whose
 * papers a partner organisation delivers.
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
     * One address label: the sampled applicant, their postal address as the one-stop system sent it
     * (null when it sent none: the label says so, and the partner finds the applicant through the
     * dossier it names), and the paper meant for them. No phone: a label travels on an envelope.
     *
     * @param partner  the organisation the paper was handed to, as the hand-out names it
     * @param erasedOn the day (dd/MM/yyyy) the retention rule erased the contact, or null while held:
     *                 the label then says so instead of a name and an address
     */
    record Label(String name, String address, String erasedOn, String receiptCode, String procedureCode, LocalDate receivedOn,
                 String unitName, String partner, String printedNumber) {
    }
}
