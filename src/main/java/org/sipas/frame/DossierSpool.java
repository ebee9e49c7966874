package org.sipas.frame;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * <p>
 * The file is also the buffer between the reading and the writing of one import: every
 * {@value #PUBLISHED_EVERY} rows it is flushed and its length published, and {@link DossierWriter}
 * on its own thread reads the published part while the rest of the upload is still being read.
 * Being on disk, it lets the reading run ahead by any number of rows in constant memory.
 */
final class DossierSpool implements AutoCloseable {

    /** Positions of the fields in a spooled line. */
    static final int ORDINAL = 0, LINE = 1, UNIT = 2, RECEIPT = 3, PROCEDURE = 4, KIND = 5, RECEIVED = 6, APPOINTMENT = 7,
            RETURNED = 8, RECEIVING = 9, PROCESSING = 10, CHANNEL = 11, STATUS = 12, NAME = 13, PHONE = 14, PHONE_HASH = 15,
            FINGERPRINT = 16, ADDRESS = 17, PRN = 18;

    /** How many rows are spooled between two publications: a flush of about half a megabyte. */
    static final int PUBLISHED_EVERY = 1024;

    private static final HexFormat HEX = HexFormat.of();

    private final ContactVault vault;
    /** Permanent random numbers: a fast generator per import, seeded from the system's secure source. */
    private final SplittableRandom prns = new SplittableRandom(new SecureRandom().nextLong());
    private final Path file;
    private final FileChannel channel;
    private final Writer out;
    private final StringBuilder row = new StringBuilder(512);
    private int rows;
    /** What a reader of the file may read: guarded by this. */
    private Published published = new Published(0, 0, false);

    /** The first {@code rows} spooled rows are the first {@code bytes} of the file; {@code last}: no more will come. */
    record Published(int rows, long bytes, boolean last) {
    }

    DossierSpool(ContactVault vault) {
        this.vault = vault;
        try {
            // createTempFile makes the file readable by its owner only
            this.file = Files.createTempFile("sipas-dossiers-", ".copy");
            this.channel = FileChannel.open(file, StandardOpenOption.WRITE);
            this.out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the import's spool file", e);
        }
    }

    /** Rows spooled so far; a row's ordinal is its position among them, from 0. */
    int rows() {
        return rows;
    }

    /** Spools a dossier, sealing its contact; its ordinal is {@link #rows()} before. */
    void add(ValidDossier d) {
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
        rows++;
        if (rows % PUBLISHED_EVERY == 0) {
            publish(false);
        }
    }

    /** Every row is spooled: publishes the whole file, and closes it for writing. */
    void finish() {
        publish(true);
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void publish(boolean last) {
        long bytes;
        try {
            out.flush();
            bytes = channel.position();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (this) {
            published = new Published(rows, bytes, last);
            notifyAll();
        }
    }

    /** No more rows will be published (the import stopped): a reader waiting for them is woken. */
    synchronized void endPublishing() {
        published = new Published(published.rows(), published.bytes(), true);
        notifyAll();
    }

    /** What is published once at least {@code rows} rows are, or the last publication if fewer ever will be. */
    synchronized Published await(int rows) throws InterruptedException {
        while (published.rows() < rows && !published.last()) {
            wait();
        }
        return published;
    }

    /** What a spooled line is given to: may fail as a COPY does. */
    interface LineReader {
        void read(String spooled) throws IOException, SQLException;
    }

    /**
     * Reads {@code count} published lines from byte {@code from}, a place a publication left. The
     * reader's buffer may take in bytes past the last of them that are still being written: they are
     * never looked at.
     */
    void read(long from, int count, LineReader lines) throws IOException, SQLException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(Channels.newInputStream(in.position(from)), StandardCharsets.UTF_8), 1 << 16);
            for (int i = 0; i < count; i++) {
                lines.read(reader.readLine());
            }
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
        endPublishing();
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

    /** The value of a field in COPY text format: {@link #text} undone. */
    static String untext(String field) {
        int backslash = field.indexOf('\\');
        if (backslash < 0) {
            return field;
        }
        StringBuilder value = new StringBuilder(field.length()).append(field, 0, backslash);
        for (int i = backslash; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char escaped = field.charAt(++i);
                value.append(switch (escaped) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> escaped;
                });
            } else {
                value.append(c);
            }
        }
        return value.toString();
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
