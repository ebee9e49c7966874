package org.sipas.frame;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import static org.sipas.frame.DossierSpool.ADDRESS;
import static org.sipas.frame.DossierSpool.APPOINTMENT;
import static org.sipas.frame.DossierSpool.CHANNEL;
import static org.sipas.frame.DossierSpool.FINGERPRINT;
import static org.sipas.frame.DossierSpool.KIND;
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
 * and their contacts go in by COPY; stored ones are updated from a staging table.
 */
@Repository
class DossierStore {

    /** A dossier that appears again in the same import: its line and the line it repeats. */
    record Repeat(long line, long firstLine) {
    }

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
     * Opens the staging of the keys (unit, receipt code) of the dossiers about to be spooled, to
     * find repeats and stored ones: they stream into PostgreSQL while the file is still being read
     * and checked, so the server parses them on its own core meanwhile. Nothing else may use the
     * transaction's connection until {@link KeyStage#finish()}.
     */
    KeyStage stageKeys() {
        jdbc.sql(KEYS).update();
        return new KeyStage(DataSourceUtils.getConnection(dataSource));
    }

    /** The keys of an import on their way into {@code dossier_key}. */
    final class KeyStage implements AutoCloseable {
        private final PGCopyOutputStream stream;
        private final Writer out;
        private final StringBuilder row = new StringBuilder(64);

        private KeyStage(Connection connection) {
            try {
                stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), "COPY dossier_key FROM STDIN", 1 << 16);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot stage the import's keys", e);
            }
            out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        }

        void add(int ordinal, ValidDossier dossier) {
            row.setLength(0);
            row.append(ordinal).append('\t').append(dossier.line()).append('\t').append(dossier.unitId()).append('\t');
            DossierSpool.text(row, dossier.receiptCode());
            try {
                out.append(row).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot stage the import's keys", e);
            }
        }

        void finish() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot stage the import's keys", e);
            }
            // temporary tables are never analysed automatically; without statistics the joins below
            // would treat a million keys as a handful
            jdbc.sql("ANALYZE dossier_key").update();
        }

        /** Abandons the COPY if the import stopped before {@link #finish()}: the transaction rolls back. */
        @Override
        public void close() {
            if (stream.isActive()) {
                try {
                    stream.cancelCopy();
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot cancel the staging of the import's keys", e);
                }
            }
        }
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
     * Inserts the dossiers not yet stored, and their contacts, by COPY. Should a concurrent import
     * store one of them first, the unique key fails this whole import rather than let two imports
     * each believe they created it.
     */
    void insertNew(DossierSpool spool, long[] ids, BitSet stored, long batchId) {
        String batch = Long.toString(batchId);
        copy(spool, """
                COPY dossier (id, unit_id, receipt_code, procedure_id, applicant_kind, received_at, appointment_at,
                              returned_at, receiving_official_id, processing_official_id, channel, status,
                              import_batch_id, prn) FROM STDIN""",
                f -> isStored(f, stored) ? null
                        : withId(f, ids, UNIT, RECEIPT, PROCEDURE, KIND, RECEIVED, APPOINTMENT, RETURNED, RECEIVING,
                        PROCESSING, CHANNEL, STATUS).append('\t').append(batch).append('\t').append(f[PRN]));
        copy(spool, "COPY dossier_contact (dossier_id, name_cipher, phone_cipher, phone_hash, contact_hash, address_cipher) FROM STDIN",
                f -> isStored(f, stored) ? null : withId(f, ids, NAME, PHONE, PHONE_HASH, FINGERPRINT, ADDRESS));
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
        StringBuilder line = new StringBuilder(256).append(ids[Integer.parseInt(fields[ORDINAL])]);
        for (int position : positions) {
            line.append('\t').append(fields[position]);
        }
        return line;
    }

}
