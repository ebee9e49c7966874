package org.sipas.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock that one running sipas holds on its embedded data directory for as long as it
 * lives. The operating system drops it when the process dies, however it dies ({@code kill -9}, an
 * out-of-memory kill), which is what makes it the test of ownership: whoever gets the lock knows
 * that any PostgreSQL still running on the directory was left behind by a dead application.
 *
 * <p>The lock file sits beside the data directory ({@code data/pg.lock} for {@code data/pg}):
 * {@code initdb} wants an empty directory, and the lock must be taken before it runs.
 */
final class DataDirectoryLock implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static Path fileFor(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".lock");
    }

    /** Takes the lock at once, or fails saying another sipas holds it: never waits. */
    static DataDirectoryLock acquire(Path dataDir) {
        Path file = fileFor(dataDir);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw heldByAnother(dataDir, file, "another process");
            }
            return new DataDirectoryLock(file, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw heldByAnother(dataDir, file, "this JVM");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock the embedded database directory with " + file, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static IllegalStateException heldByAnother(Path dataDir, Path file, String holder) {
        return new IllegalStateException(("Another sipas is already running on the data directory %s (%s holds the lock %s). "
                + "Stop it first, or give this one its own SIPAS_DATA_DIR.").formatted(dataDir, holder, file));
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // the failure being reported matters more than this one
        }
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release " + file, e);
        }
    }
}
