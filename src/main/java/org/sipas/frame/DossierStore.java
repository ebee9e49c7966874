package org.sipas.frame;

import java.sql.Connection;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import static org.sipas.frame.DossierSpool.ADDRESS;
import static org.sipas.frame.DossierSpool.APPOINTMENT;
import static org.sipas.frame.DossierSpool.CHANNEL;
import static org.sipas.frame.DossierSpool.FINGERPRINT;
import static org.sipas.frame.DossierSpool.KIND;
import static org.sipas.frame.DossierSpool.LINE;
import static org.sipas.frame.DossierSpool.NAME;
import static org.sipas.frame.DossierSpool.ORDINAL;
import static org.sipas.frame.DossierSpool.PHONE;
import static org.sipas.frame.DossierSpool.PHONE_HASH;
import static org.sipas.frame.DossierSpool.PRN;
import static org.sipas.frame.DossierSpool.PROCEDURE;
import static org.sipas.frame.DossierSpool.PROCESSING;
import static org.sipas.frame.DossierSpool.RECEIPT;
import static org.sipas.frame.DossierSpool.RECEIVED;
import static org.sipas.frame.DossierSpool.RECEIVING;
import static org.sipas.frame.DossierSpool.RETURNED;
import static org.sipas.frame.DossierSpool.STATUS;
import static org.sipas.frame.DossierSpool.UNIT;

/**
 * The SQL of an import, all run in the importer's transaction (temporary tables are dropped with
 * it): the keys of the spooled dossiers, the repeats among them, which are already stored, and
 * the writing itself, keyed by (unit, receipt code) so that importing again updates. New dossiers
 * and their contacts go in by COPY (the dossiers, as a rule, while the file is still read:
 * {@link DossierWriter}); stored ones are updated from a staging table.
 */
@Repository
class DossierStore {

    /** A dossier that appears again in the same import: its line and the line it repeats. */
    record Repeat(long line, long firstLine) {
    }

    /** The id of every spooled dossier by ordinal, the stored one's where {@code stored} says it is stored. */
    record Identified(long[] ids, BitSet stored) {
    }

    static final String COPY_DOSSIERS = """
            COPY dossier (id, unit_id, receipt_code, procedure_id, applicant_kind, received_at, appointment_at,
                          returned_at, receiving_official_id, processing_official_id, channel, status,
                          import_batch_id, prn) FROM STDIN""";

    /**
     * For {@link DossierWriter}: by position {@code n} in the arrays of units and receipt codes, the
     * stored dossier's id, else a new one from the sequence; whether it is stored, and whether by
     * this import (batch ?: the key is repeated in the file). LIMIT keeps the subquery a lookup of
     * the unique key for every key, however many the planner thinks there are.
     */
    static final String LOOK_UP = """
            SELECT k.n, coalesce(d.id, nextval('dossier_id_seq')) AS id, d.id IS NOT NULL AS stored,
                   d.import_batch_id = ? AS ours
            FROM unnest(?::bigint[], ?::text[]) WITH ORDINALITY AS k(unit_id, receipt_code, n)
            LEFT JOIN LATERAL (SELECT x.id, x.import_batch_id FROM dossier x
                               WHERE x.unit_id = k.unit_id AND x.receipt_code = k.receipt_code LIMIT 1) d ON true""";

    private static final String KEYS = """
            CREATE TEMP TABLE dossier_key (ordinal int NOT NULL, line bigint NOT NULL, unit_id bigint NOT NULL,
                                           receipt_code text NOT NULL) ON COMMIT DROP""";

    private static final String STAGING = """
            CREATE TEMP TABLE dossier_staging (
                id bigint NOT NULL, procedure_id bigint NOT NULL, applicant_kind text NOT NULL,
                received_at timestamptz NOT NULL, appointment_at timestamptz, returned_at timestamptz,
                receiving_official_id bigint, processing_official_id bigint, channel text NOT NULL, status text NOT NULL,
                name_cipher bytea, phone_cipher bytea, phone_hash bytea, contact_hash bytea NOT NULL, address_cipher bytea)
                ON COMMIT DROP""";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    DossierStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Starts writing the new dossiers of an import while its file is read ({@link DossierWriter}),
     * on the transaction's connection: nothing else may use it until {@link DossierWriter#finish()}.
     */
    DossierWriter writeWhileReading(DossierSpool spool, long batchId) {
        return new DossierWriter(spool, DataSourceUtils.getConnection(dataSource), batchId);
    }

    /** The keys (unit, receipt code) of the spooled dossiers in {@code dossier_key}, to find repeats and stored ones. */
    void stageKeys(DossierSpool spool) {
        jdbc.sql(KEYS).update();
        copy(spool, "COPY dossier_key FROM STDIN", f -> String.join("\t", f[ORDINAL], f[LINE], f[UNIT], f[RECEIPT]));
        // temporary tables are never analysed automatically; without statistics the joins below
        // would treat a million keys as a handful
        jdbc.sql("ANALYZE dossier_key").update();
    }

    List<Repeat> repeats(int limit) {
        return jdbc.sql("""
                        SELECT k.line, r.first_line
                        FROM dossier_key k
                        JOIN (SELECT unit_id, receipt_code, min(line) AS first_line FROM dossier_key
                              GROUP BY unit_id, receipt_code HAVING count(*) > 1) r USING (unit_id, receipt_code)
                        WHERE k.line > r.first_line
                        ORDER BY k.line LIMIT :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Repeat(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    /**
     * The id of every spooled dossier by ordinal: the stored one's where the dossier is already
     * stored (marked in {@code stored}), else a new one drawn from the table's sequence.
     */
    long[] ids(int rows, BitSet stored) {
        long[] ids = new long[rows];
        jdbc.sql("""
                        SELECT k.ordinal, d.id FROM dossier_key k
                        JOIN dossier d ON d.unit_id = k.unit_id AND d.receipt_code = k.receipt_code""")
                .query(rs -> {
                    int ordinal = rs.getInt(1);
                    ids[ordinal] = rs.getLong(2);
                    stored.set(ordinal);
                });
        int fresh = rows - stored.cardinality();
        int[] next = {stored.nextClearBit(0)};
        jdbc.sql("SELECT nextval('dossier_id_seq') FROM generate_series(1, :n)").param("n", fresh)
                .query(rs -> {
                    ids[next[0]] = rs.getLong(1);
                    next[0] = stored.nextClearBit(next[0] + 1);
                });
        return ids;
    }

    long openBatch(String kind, String source, String importedBy) {
        return jdbc.sql("""
                        INSERT INTO import_batch (kind, source, row_count, inserted, updated, imported_by)
                        VALUES (:kind, :source, 0, 0, 0, :by) RETURNING id""")
                .param("kind", kind).param("source", source).param("by", importedBy)
                .query(Long.class).single();
    }

    /**
     * Inserts the dossiers not yet stored by COPY. Should a concurrent import store one of them
     * first, the unique key fails this whole import rather than let two imports each believe they
     * created it.
     */
    void insertDossiers(DossierSpool spool, long[] ids, BitSet stored, long batchId) {
        String batch = Long.toString(batchId);
        copy(spool, COPY_DOSSIERS, f -> isStored(f, stored) ? null : dossierLine(f, ids[Integer.parseInt(f[ORDINAL])], batch));
    }

    /** The line of {@link #COPY_DOSSIERS} for a new dossier, from its spooled fields. */
    static StringBuilder dossierLine(String[] fields, long id, String batch) {
        return withId(fields, id, UNIT, RECEIPT, PROCEDURE, KIND, RECEIVED, APPOINTMENT, RETURNED, RECEIVING, PROCESSING,
                CHANNEL, STATUS).append('\t').append(batch).append('\t').append(fields[PRN]);
    }

    /** Inserts the contacts of the new dossiers by COPY, once the dossiers are stored. */
    void insertContacts(DossierSpool spool, Identified dossiers) {
        if (dossiers.stored().cardinality() == spool.rows()) {
            return;
        }
        copy(spool, "COPY dossier_contact (dossier_id, name_cipher, phone_cipher, phone_hash, contact_hash, address_cipher) FROM STDIN",
                f -> isStored(f, dossiers.stored()) ? null : withId(f, dossiers.ids(), NAME, PHONE, PHONE_HASH, FINGERPRINT, ADDRESS));
    }

    /**
     * Updates the dossiers already stored where they differ, and their contacts where the keyed
     * fingerprint differs (a ciphertext differs at every sealing, so it cannot tell).
     *
     * @return how many dossiers changed
     */
    long updateStored(DossierSpool spool, long[] ids, BitSet stored, long batchId) {
        jdbc.sql(STAGING).update();
        copy(spool, "COPY dossier_staging FROM STDIN", f -> !isStored(f, stored) ? null
                : withId(f, ids, PROCEDURE, KIND, RECEIVED, APPOINTMENT, RETURNED, RECEIVING, PROCESSING, CHANNEL, STATUS,
                NAME, PHONE, PHONE_HASH, FINGERPRINT, ADDRESS));
        long updated = jdbc.sql("""
                        UPDATE dossier d SET
                            procedure_id = s.procedure_id, applicant_kind = s.applicant_kind, received_at = s.received_at,
                            appointment_at = s.appointment_at, returned_at = s.returned_at,
                            receiving_official_id = s.receiving_official_id,
                            processing_official_id = s.processing_official_id, channel = s.channel, status = s.status,
                            import_batch_id = :batch, updated_at = now()
                        FROM dossier_staging s
                        WHERE d.id = s.id
                          AND (d.procedure_id, d.applicant_kind, d.received_at, d.appointment_at, d.returned_at,
                               d.receiving_official_id, d.processing_official_id, d.channel, d.status)
                              IS DISTINCT FROM
                              (s.procedure_id, s.applicant_kind, s.received_at, s.appointment_at, s.returned_at,
                               s.receiving_official_id, s.processing_official_id, s.channel, s.status)""")
                .param("batch", batchId)
                .update();
        jdbc.sql("""
                        INSERT INTO dossier_contact AS c (dossier_id, name_cipher, phone_cipher, phone_hash, contact_hash, address_cipher)
                        SELECT id, name_cipher, phone_cipher, phone_hash, contact_hash, address_cipher FROM dossier_staging
                        ON CONFLICT (dossier_id) DO UPDATE SET
                            name_cipher = excluded.name_cipher, phone_cipher = excluded.phone_cipher,
                            phone_hash = excluded.phone_hash, contact_hash = excluded.contact_hash,
                            address_cipher = excluded.address_cipher
                        WHERE c.contact_hash IS DISTINCT FROM excluded.contact_hash
                          -- a contact erased under the retention rule (V98) stays erased when its dossier comes again
                          AND c.erased_at IS NULL""")
                .update();
        return updated;
    }

    void closeBatch(long batchId, long rows, long inserted, long updated) {
        jdbc.sql("UPDATE import_batch SET row_count = :rows, inserted = :inserted, updated = :updated WHERE id = :id")
                .param("rows", rows).param("inserted", inserted).param("updated", updated).param("id", batchId)
                .update();
    }

    private void copy(DossierSpool spool, String copy, Function<String[], CharSequence> line) {
        // the connection of the current transaction, so the COPY commits or rolls back with the rest
        Connection connection = DataSourceUtils.getConnection(dataSource);
        spool.copy(connection, copy, line);
    }

    private static boolean isStored(String[] fields, BitSet stored) {
        return stored.get(Integer.parseInt(fields[ORDINAL]));
    }

    private static StringBuilder withId(String[] fields, long[] ids, int... positions) {
        return withId(fields, ids[Integer.parseInt(fields[ORDINAL])], positions);
    }

    private static StringBuilder withId(String[] fields, long id, int... positions) {
        StringBuilder line = new StringBuilder(256).append(id);
        for (int position : positions) {
            line.append('\t').append(fields[position]);
        }
        return line;
    }

}
