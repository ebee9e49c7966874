package org.sipas.frame;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Arrays;
import java.util.BitSet;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.sipas.frame.DossierSpool.ORDINAL;
import static org.sipas.frame.DossierSpool.RECEIPT;
import static org.sipas.frame.DossierSpool.UNIT;

/**
 * Writes the new dossiers of an import while the rest of its file is still being read, checked
 * and sealed, so that PostgreSQL's COPY and its foreign-key checks (most of an import's time)
 * run on one core while the parsing and sealing run on the other, instead of one after the other.
 * <p>
 * On its own thread it takes the rows {@link DossierSpool} has published, a chunk at a time: it
 * looks their keys up (the id of a stored dossier, else a new one from the sequence; for a chunk
 * of new dossiers only the first few), then COPYs the new ones in one statement. A row's foreign keys are checked at the end of its statement, so
 * while one chunk is checked the reading spools the next: the spool, on disk, is what lets it run
 * ahead. Chunks start small, for the COPY to begin early, and at least double up to a quarter of a
 * million rows, for few statements (each pays {@code dossier_month}'s trigger once).
 * <p>
 * It is a speculation under a savepoint. A bad row, a receipt code repeated in the file (the
 * unique key refuses it, or the lookup finds it written by this very import, or two rows find the
 * same stored dossier) or any failure takes it back, and the import then stores the spool as it
 * did before (DossierImport), finding and naming every error. So the errors, their messages and
 * what is stored do not depend on it; only the time does.
 */
final class DossierWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DossierWriter.class);

    /** The first chunk: the COPY starts after about a third of a second of reading. */
    private static final int FIRST_CHUNK = 16 * DossierSpool.PUBLISHED_EVERY;
    /** The most new rows a chunk waits for; it then takes all the reading has spooled. */
    private static final int LARGEST_WAIT = 256 * DossierSpool.PUBLISHED_EVERY;
    /** Keys looked up per statement. */
    private static final int LOOKUP = 8192;
    /** The keys of a chunk looked up first: none stored, and the chunk is taken for new. */
    private static final int PROBE = 256;

    private final DossierSpool spool;
    private final Connection connection;
    private final Savepoint savepoint;
    private final long batchId;
    private final String batch;
    private final Thread thread;
    /** Set by the reading thread: a bad row, nothing will be stored. */
    private volatile boolean abandoned;

    // written by the writing thread, read after it ended
    private long[] ids = new long[FIRST_CHUNK];
    private final BitSet stored = new BitSet();
    private boolean repeated;
    private Throwable failure;

    /** Starts writing the rows {@code spool} publishes, on the import's transaction {@code connection}. */
    DossierWriter(DossierSpool spool, Connection connection, long batchId) {
        this.spool = spool;
        this.connection = connection;
        this.batchId = batchId;
        this.batch = Long.toString(batchId);
        try {
            this.savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start writing the import", e);
        }
        this.thread = new Thread(this::writeChunks, "dossier-import-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** A row failed its checks: nothing will be stored, so nothing more is written. */
    void abandon() {
        abandoned = true;
    }

    /**
     * Waits for the writing to end, once the spool is finished: the ids by ordinal and which are
     * stored, the new dossiers written; or null, everything written taken back, when the import
     * must store the spool itself.
     */
    DossierStore.Identified finish() {
        join();
        if (failure instanceof Error error) {
            throw error;
        }
        boolean written = !abandoned && failure == null && !repeated && !storedTwice();
        try {
            if (written) {
                connection.releaseSavepoint(savepoint);
                return new DossierStore.Identified(ids, stored);
            }
            if (failure != null) {
                // a repeated receipt code meets the unique key so; the import finds and names it now
                log.debug("Import written again after its reading: {}", failure.toString());
            }
            connection.rollback(savepoint);
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot end the writing of the import", e);
        }
    }

    /** Stops the writing if the import ended before {@link #finish()}: the transaction then rolls back. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            abandoned = true;
            spool.endPublishing();
            join();
        }
    }

    private void join() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Two rows given the same stored dossier: its receipt code is repeated in the file. */
    private boolean storedTwice() {
        long[] storedIds = stored.stream().mapToLong(ordinal -> ids[ordinal]).toArray();
        Arrays.sort(storedIds);
        for (int i = 1; i < storedIds.length; i++) {
            if (storedIds[i] == storedIds[i - 1]) {
                return true;
            }
        }
        return false;
    }

    private void writeChunks() {
        try (PreparedStatement lookup = connection.prepareStatement(DossierStore.LOOK_UP)) {
            int done = 0;
            long doneBytes = 0;
            int wanted = FIRST_CHUNK;
            while (!abandoned && !repeated) {
                DossierSpool.Published published = spool.await(done + wanted);
                int rows = published.rows() - done;
                if (rows > 0 && !abandoned) {
                    writeChunk(lookup, done, doneBytes, rows);
                    done = published.rows();
                    doneBytes = published.bytes();
                    wanted = Math.min(2 * Math.max(wanted, rows), LARGEST_WAIT);
                }
                if (published.last() && done == published.rows()) {
                    break;
                }
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    /**
     * Writes the {@code rows} rows from ordinal {@code first}, which start at byte {@code from}. When
     * none of its first {@value #PROBE} keys is stored, the chunk is taken for new as a whole and
     * written without looking its other keys up (a look-up costs PostgreSQL a few microseconds a
     * row, on its busy core); should one be stored after all, the unique key refuses the COPY and the
     * chunk is written again, looked up.
     */
    private void writeChunk(PreparedStatement lookup, int first, long from, int rows) throws IOException, SQLException {
        if (ids.length < first + rows) {
            ids = Arrays.copyOf(ids, Math.max(first + rows, 2 * ids.length));
        }
        int probed = Math.min(PROBE, rows);
        Keys keys = new Keys(lookup, first);
        spool.read(from, probed, keys::add);
        keys.lookUp();
        if (probed < rows) {
            if (keys.fresh == probed && !repeated) {
                newIds(first + probed, rows - probed);
                Savepoint taken = connection.setSavepoint();
                try {
                    copy(from, rows);
                    connection.releaseSavepoint(taken);
                    return;
                } catch (IOException | SQLException e) {
                    connection.rollback(taken);
                }
            }
            keys = new Keys(lookup, first);
            spool.read(from, rows, keys::add);
            keys.lookUp();
        }
        if (!repeated && keys.fresh > 0) {
            copy(from, rows);
        }
    }

    /** Ids from the sequence for the {@code count} rows from ordinal {@code first}. */
    private void newIds(int first, int count) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement("SELECT nextval('dossier_id_seq') FROM generate_series(1, ?)")) {
            next.setInt(1, count);
            // a cursor, so that a chunk of half a million ids does not arrive as one result in memory
            next.setFetchSize(LOOKUP);
            try (ResultSet rs = next.executeQuery()) {
                for (int ordinal = first; rs.next(); ordinal++) {
                    ids[ordinal] = rs.getLong(1);
                }
            }
        }
    }

    /** COPYs the rows not stored among the {@code rows} rows from byte {@code from}, with their ids. */
    private void copy(long from, int rows) throws IOException, SQLException {
        if (abandoned) {
            return;
        }
        PGCopyOutputStream stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), DossierStore.COPY_DOSSIERS, 1 << 16);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
            int[] sent = {0};
            spool.read(from, rows, spooled -> {
                if (++sent[0] % DossierSpool.PUBLISHED_EVERY == 0 && abandoned) {
                    throw new IOException("the import has a bad row: nothing is stored");
                }
                String[] fields = spooled.split("\t", -1);
                int ordinal = Integer.parseInt(fields[ORDINAL]);
                if (!stored.get(ordinal)) {
                    out.append(DossierStore.dossierLine(fields, ids[ordinal], batch)).append('\n');
                }
            });
        } finally {
            if (stream.isActive()) {
                stream.cancelCopy();
            }
        }
    }

    /** The keys of consecutive rows, looked up {@value #LOOKUP} at a time. */
    private final class Keys {
        private final PreparedStatement lookup;
        private final Long[] units = new Long[LOOKUP];
        private final String[] receipts = new String[LOOKUP];
        private int next;
        private int count;
        /** How many are new. */
        int fresh;

        Keys(PreparedStatement lookup, int first) {
            this.lookup = lookup;
            this.next = first;
        }

        void add(String spooled) throws SQLException {
            String[] fields = spooled.split("\t", RECEIPT + 2);
            units[count] = Long.valueOf(fields[UNIT]);
            receipts[count] = DossierSpool.untext(fields[RECEIPT]);
            if (++count == LOOKUP) {
                lookUp();
            }
        }

        void lookUp() throws SQLException {
            if (count == 0) {
                return;
            }
            Array unitArray = connection.createArrayOf("int8", Arrays.copyOf(units, count));
            Array receiptArray = connection.createArrayOf("text", Arrays.copyOf(receipts, count));
            lookup.setLong(1, batchId);
            lookup.setArray(2, unitArray);
            lookup.setArray(3, receiptArray);
            try (ResultSet rs = lookup.executeQuery()) {
                while (rs.next()) {
                    int ordinal = next + rs.getInt("n") - 1;
                    ids[ordinal] = rs.getLong("id");
                    if (rs.getBoolean("stored")) {
                        stored.set(ordinal);
                        repeated |= rs.getBoolean("ours");
                    } else {
                        fresh++;
                    }
                }
            }
            unitArray.free();
            receiptArray.free();
            next += count;
            count = 0;
        }
    }
}
