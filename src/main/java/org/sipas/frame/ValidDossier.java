package org.sipas.frame;

/**
 * A dossier that passed every check, with codes resolved to ids and times as epoch seconds,
 * ready to be written. The applicant's name, phone and postal address are still plain here and
 * sealed only on their way to the database.
 *
 * @param line  where it came from (file line or 1-based item of a batch), to name duplicates
 * @param phone   in its normal form ({@code 0912345678}), or null
 * @param address the postal address with its runs of white space (line breaks of a cell) made one space, or null
 */
record ValidDossier(long line, long unitId, String receiptCode, long procedureId, ApplicantKind applicantKind,
                    long receivedAt, Long appointmentAt, Long returnedAt, Long receivingOfficialId,
                    Long processingOfficialId, Channel channel, DossierStatus status, String name, String phone,
                    String address) {
}
