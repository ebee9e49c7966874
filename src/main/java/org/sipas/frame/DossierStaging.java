package org.sipas.frame;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams checked dossiers into the import's temporary staging table with PostgreSQL's COPY, as
 * they are read: the file is never held in memory, and the database parses rows while the next
 * ones are being checked. Contacts are sealed here, on their way out of the JVM.
 */
final class DossierStaging implements AutoCloseable {

    /** Created per import and dropped with its transaction, so concurrent imports never meet. */
    static final String TABLE = """
            CREATE TEMP TABLE dossier_staging (
                line                    bigint NOT NULL,
                unit_id                 bigint NOT NULL,
                receipt_code            text   NOT NULL,
                procedure_id            bigint NOT NULL,
                applicant_kind          text   NOT NULL,
                received_at             bigint NOT NULL,
                appointment_at          bigint,
                returned_at             bigint,
                receiving_official_id   bigint,
                processing_official_id  bigint,
                channel                 text   NOT NULL,
                status                  text   NOT NULL,
                name_cipher             bytea,
                phone_cipher            bytea,
                phone_hash              bytea,
                contact_hash            bytea  NOT NULL
            ) ON COMMIT DROP""";

    private static final String COPY = "COPY dossier_staging FROM STDIN";
    private static final HexFormat HEX = HexFormat.of();

    private final PGCopyOutputStream copy;
    private final Writer out;
    private final ContactVault vault;
    private final StringBuilder row = new StringBuilder(512);
    private boolean finished;

    DossierStaging(Connection connection, ContactVault vault) throws SQLException {
        this.copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), COPY, 1 << 16);
        this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
        this.vault = vault;
    }

    void add(ValidDossier d) {
        row.setLength(0);
        row.append(d.line()).append('\t').append(d.unitId()).append('\t');
        text(d.receiptCode());
        row.append('\t').append(d.procedureId()).append('\t').append(d.applicantKind().name())
                .append('\t').append(d.receivedAt()).append('\t');
        number(d.appointmentAt());
        number(d.returnedAt());
        number(d.receivingOfficialId());
        number(d.processingOfficialId());
        row.append(d.channel().name()).append('\t').append(d.status().name()).append('\t');
        bytes(vault.seal(d.name()));
        row.append('\t');
        bytes(vault.seal(d.phone()));
        row.append('\t');
        bytes(vault.phoneHash(d.phone()));
        row.append('\t');
        bytes(vault.fingerprint(d.name(), d.phone()));
        row.append('\n');
        try {
            out.append(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the COPY; the staging table then holds every row added. */
    void finish() {
        try {
            out.flush();
            copy.endCopy();
            finished = true;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("COPY into the staging table failed", e);
        }
    }

    /** Abandons an unfinished COPY (the import failed on the way), so the transaction can roll back. */
    @Override
    public void close() {
        if (!finished && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // the transaction is rolled back anyway; nothing of the COPY survives it
            }
        }
    }

    /** COPY text format: backslash, tab and line ends escaped. */
    private void text(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
    }

    private void number(Long value) {
        if (value == null) {
            row.append("\\N");
        } else {
            row.append(value.longValue());
        }
        row.append('\t');
    }

    private void bytes(byte[] value) {
        if (value == null) {
            row.append("\\N");
        } else {
            // bytea's hex form, its backslash escaped for COPY
            HEX.formatHex(row.append("\\\\x"), value);
        }
    }
}
