package org.sipas.frame;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The checked dossiers of one import, spooled to a private temporary file in PostgreSQL's COPY
 * text format while the upload is read, then streamed into the tables with COPY. COPY writes rows
 * in bulk, several times faster than INSERT … SELECT, which is what keeps a million-row import
 * within reach of PostgreSQL's own COPY. Contacts are sealed before they reach the file.
 */
final class DossierSpool implements AutoCloseable {

    /** Positions of the fields in a spooled line. */
    static final int ORDINAL = 0, LINE = 1, UNIT = 2, RECEIPT = 3, PROCEDURE = 4, KIND = 5, RECEIVED = 6, APPOINTMENT = 7,
            RETURNED = 8, RECEIVING = 9, PROCESSING = 10, CHANNEL = 11, STATUS = 12, NAME = 13, PHONE = 14, PHONE_HASH = 15,
            FINGERPRINT = 16, ADDRESS = 17, PRN = 18;

    private static final HexFormat HEX = HexFormat.of();

    private final ContactVault vault;
    /** Permanent random numbers: a fast generator per import, seeded from the system's secure source. */
    private final SplittableRandom prns = new SplittableRandom(new SecureRandom().nextLong());
    private final Path file;
    private final Writer out;
    private final StringBuilder row = new StringBuilder(512);
    private int rows;

    DossierSpool(ContactVault vault) {
        this.vault = vault;
        try {
            // createTempFile makes the file readable by its owner only
            this.file = Files.createTempFile("sipas-dossiers-", ".copy");
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the import's spool file", e);
        }
    }

    /** Rows spooled so far; a row's ordinal is its position among them, from 0. */
    int rows() {
        return rows;
    }

    /** Spools a dossier, sealing its contact; returns its ordinal. */
    int add(ValidDossier d) {
        row.setLength(0);
        row.append(rows).append('\t').append(d.line()).append('\t').append(d.unitId()).append('\t');
        text(row, d.receiptCode());
        row.append('\t').append(d.procedureId()).append('\t').append(d.applicantKind().name()).append('\t');
        time(d.receivedAt());
        time(d.appointmentAt());
        time(d.returnedAt());
        number(d.receivingOfficialId());
        number(d.processingOfficialId());
        row.append(d.channel().name()).append('\t').append(d.status().name()).append('\t');
        bytes(vault.seal(d.name()));
        bytes(vault.seal(d.phone()));
        bytes(vault.phoneHash(d.phone()));
        bytes(vault.fingerprint(d.name(), d.phone(), d.address()));
        bytes(vault.seal(d.address()));
        // kept only by a new dossier: a stored one keeps the number it was first given
        row.append(prns.nextDouble()).append('\n');
        try {
            out.append(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows++;
    }

    void finish() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Streams the spooled rows into {@code copy} (a {@code COPY … FROM STDIN}), each as
     * {@code line} makes it from the spooled fields, or skipped where it makes null.
     */
    void copy(Connection connection, String copy, Function<String[], CharSequence> line) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            PGCopyOutputStream stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copy, 1 << 16);
            try (Writer to = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
                for (String spooled = in.readLine(); spooled != null; spooled = in.readLine()) {
                    CharSequence made = line.apply(spooled.split("\t", -1));
                    if (made != null) {
                        to.append(made).append('\n');
                    }
                }
            } finally {
                if (stream.isActive()) {
                    stream.cancelCopy();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("COPY from the spool failed", e);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY from the spool failed", e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends {@code value} in COPY text format: backslash, tab and line ends escaped. */
    static void text(StringBuilder row, String value) {
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

    private void time(Long epochSecond) {
        if (epochSecond == null) {
            row.append("\\N");
        } else {
            row.append(Instant.ofEpochSecond(epochSecond));
        }
        row.append('\t');
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
        row.append('\t');
    }
}
