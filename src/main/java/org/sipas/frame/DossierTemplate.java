package org.sipas.frame;

import java.util.List;

import org.sipas.web.ImportTemplate;
import org.sipas.web.ImportTemplate.Column;

/**
 * The dossier file to download and fill in: the columns {@link DossierRules} reads, the required
 * ones as it requires them, the coded ones with the wordings their vocabularies take, and an
 * example row in the caller's own unit and with a procedure of the catalog, which the import
 * accepts as it is.
 */
final class DossierTemplate {

    private DossierTemplate() {
    }

    static ImportTemplate of(String unitCode, String procedureCode) {
        List<Column> columns = List.of(
                Column.required(DossierField.RECEIPT_CODE.column(), "frame.template.receiptCode"),
                Column.required(DossierField.PROCEDURE_CODE.column(), "frame.template.procedureCode"),
                Column.required(DossierField.UNIT_CODE.column(), "frame.template.unitCode"),
                Column.required(DossierField.APPLICANT_KIND.column(), "frame.template.applicantKind",
                        ApplicantKind.WORDS.preferred().toArray(String[]::new)),
                Column.optional(DossierField.APPLICANT_NAME.column(), "frame.template.applicantName"),
                Column.optional(DossierField.APPLICANT_PHONE.column(), "frame.template.applicantPhone"),
                Column.required(DossierField.RECEIVED_AT.column(), "frame.template.time"),
                Column.optional(DossierField.APPOINTMENT_AT.column(), "frame.template.time"),
                Column.optional(DossierField.RETURNED_AT.column(), "frame.template.time"),
                Column.optional(DossierField.RECEIVING_OFFICIAL.column(), "frame.template.official"),
                Column.optional(DossierField.PROCESSING_OFFICIAL.column(), "frame.template.official"),
                Column.required(DossierField.CHANNEL.column(), "frame.template.channel", Channel.WORDS.preferred().toArray(String[]::new)),
                Column.required(DossierField.STATUS.column(), "frame.template.status",
                        DossierStatus.WORDS.preferred().toArray(String[]::new)),
                Column.optional(DossierField.APPLICANT_ADDRESS.column(), "frame.template.applicantAddress"));
        List<String> example = List.of("MAU-0001", procedureCode, unitCode, ApplicantKind.WORDS.preferred().get(0), "Nguyễn Văn An",
                "0912345678", "02/01/2026 08:30", "09/01/2026 16:00", "", "", "", Channel.WORDS.preferred().get(0),
                DossierStatus.WORDS.preferred().get(0), "Số 12 đường Trần Phú, phường Thành Sen, tỉnh Hà Tĩnh");
        return new ImportTemplate("mau-ho-so", columns, List.of(example));
    }
}
