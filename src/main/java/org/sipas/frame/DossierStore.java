package org.sipas.frame;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of an import, all run in the importer's transaction: the staging table the rows are
 * copied into, the duplicate check, and the merge of staged rows into {@code dossier} and
 * {@code dossier_contact}, keyed by (unit, receipt code) so that importing again updates.
 */
@Repository
class DossierStore {

    /** A dossier that appears again in the same import: its line and the line it repeats. */
    record Repeat(long line, long firstLine) {
    }

    /** What a merge did: new dossiers, and existing ones that changed (the rest were identical). */
    record Merged(long inserted, long updated) {
    }

    private final JdbcClient jdbc;

    DossierStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void createStaging() {
        jdbc.sql(DossierStaging.TABLE).update();
    }

    List<Repeat> repeats(int limit) {
        return jdbc.sql("""
                        SELECT s.line, r.first_line
                        FROM dossier_staging s
                        JOIN (SELECT unit_id, receipt_code, min(line) AS first_line FROM dossier_staging
                              GROUP BY unit_id, receipt_code HAVING count(*) > 1) r USING (unit_id, receipt_code)
                        WHERE s.line > r.first_line
                        ORDER BY s.line LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Repeat(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    long openBatch(String kind, String source, String importedBy) {
        // temporary tables are never analysed automatically; without statistics the merge below
        // would join a million staged rows as if they were a handful
        jdbc.sql("ANALYZE dossier_staging").update();
        return jdbc.sql("""
                        INSERT INTO import_batch (kind, source, row_count, inserted, updated, imported_by)
                        VALUES (:kind, :source, 0, 0, 0, :by) RETURNING id""")
                .param("kind", kind).param("source", source).param("by", importedBy)
                .query(Long.class).single();
    }

    /**
     * Upserts the staged dossiers, then their contacts. A dossier identical to the stored one is
     * left alone (no new row version, not counted as updated); a contact likewise when its keyed
     * fingerprint is unchanged, since its ciphertext differs at every sealing.
     */
    Merged merge(long batchId) {
        Merged merged = jdbc.sql("""
                        WITH merged AS (
                            INSERT INTO dossier AS d (unit_id, receipt_code, procedure_id, applicant_kind, received_at,
                                                      appointment_at, returned_at, receiving_official_id,
                                                      processing_official_id, channel, status, import_batch_id)
                            SELECT unit_id, receipt_code, procedure_id, applicant_kind, to_timestamp(received_at),
                                   to_timestamp(appointment_at), to_timestamp(returned_at), receiving_official_id,
                                   processing_official_id, channel, status, :batch
                            FROM dossier_staging
                            ON CONFLICT (unit_id, receipt_code) DO UPDATE SET
                                procedure_id = excluded.procedure_id, applicant_kind = excluded.applicant_kind,
                                received_at = excluded.received_at, appointment_at = excluded.appointment_at,
                                returned_at = excluded.returned_at, receiving_official_id = excluded.receiving_official_id,
                                processing_official_id = excluded.processing_official_id, channel = excluded.channel,
                                status = excluded.status, import_batch_id = excluded.import_batch_id, updated_at = now()
                            WHERE (d.procedure_id, d.applicant_kind, d.received_at, d.appointment_at, d.returned_at,
                                   d.receiving_official_id, d.processing_official_id, d.channel, d.status)
                                  IS DISTINCT FROM
                                  (excluded.procedure_id, excluded.applicant_kind, excluded.received_at,
                                   excluded.appointment_at, excluded.returned_at, excluded.receiving_official_id,
                                   excluded.processing_official_id, excluded.channel, excluded.status)
                            RETURNING xmax = 0 AS inserted)
                        SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged""")
                .param("batch", batchId)
                .query((rs, n) -> new Merged(rs.getLong(1), rs.getLong(2)))
                .single();
        jdbc.sql("""
                        INSERT INTO dossier_contact AS c (dossier_id, name_cipher, phone_cipher, phone_hash, contact_hash)
                        SELECT d.id, s.name_cipher, s.phone_cipher, s.phone_hash, s.contact_hash
                        FROM dossier_staging s JOIN dossier d ON d.unit_id = s.unit_id AND d.receipt_code = s.receipt_code
                        ON CONFLICT (dossier_id) DO UPDATE SET
                            name_cipher = excluded.name_cipher, phone_cipher = excluded.phone_cipher,
                            phone_hash = excluded.phone_hash, contact_hash = excluded.contact_hash
                        WHERE c.contact_hash IS DISTINCT FROM excluded.contact_hash""")
                .update();
        return merged;
    }

    void closeBatch(long batchId, long rows, Merged merged) {
        jdbc.sql("UPDATE import_batch SET row_count = :rows, inserted = :inserted, updated = :updated WHERE id = :id")
                .param("rows", rows).param("inserted", merged.inserted()).param("updated", merged.updated())
                .param("id", batchId)
                .update();
    }
}
