package org.sipas.frame;

import java.util.Arrays;
import java.util.List;

/** The fields of a dossier as files name them (column) and as JSON batches name them (property). */
enum DossierField {
    RECEIPT_CODE("receipt_code", "receiptCode"),
    PROCEDURE_CODE("procedure_code", "procedureCode"),
    UNIT_CODE("unit_code", "unitCode"),
    APPLICANT_KIND("applicant_kind", "applicantKind"),
    APPLICANT_NAME("applicant_name", "applicantName"),
    APPLICANT_PHONE("applicant_phone", "applicantPhone"),
    RECEIVED_AT("received_at", "receivedAt"),
    APPOINTMENT_AT("appointment_at", "appointmentAt"),
    RETURNED_AT("returned_at", "returnedAt"),
    RECEIVING_OFFICIAL("receiving_official", "receivingOfficial"),
    PROCESSING_OFFICIAL("processing_official", "processingOfficial"),
    CHANNEL("channel", "channel"),
    STATUS("status", "status"),
    /** Last, and optional in a file's header as well: files made before the frame kept addresses still import. */
    APPLICANT_ADDRESS("applicant_address", "applicantAddress", false);

    /** Every column of a dossier file, in the template's order. */
    static final List<String> COLUMNS = Arrays.stream(values()).map(DossierField::column).toList();

    /** The columns a dossier file must have in its header, empty cells allowed where a value is optional. */
    static final List<String> HEADER = Arrays.stream(values()).filter(f -> f.inHeader).map(DossierField::column).toList();

    private final String column;
    private final String property;
    private final boolean inHeader;

    DossierField(String column, String property) {
        this(column, property, true);
    }

    DossierField(String column, String property, boolean inHeader) {
        this.column = column;
        this.property = property;
        this.inHeader = inHeader;
    }

    String column() {
        return column;
    }

    String property() {
        return property;
    }
}
