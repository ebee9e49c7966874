package org.sipas.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The part of {@code bin/sipas-restore} that needs sipas's own code: a new embedded server made in
 * a new data directory exactly as the application makes one (same binaries, locale, password
 * authentication), the dump restored into it by {@code pg_restore} in one transaction, and the
 * server stopped, ready for the application to start on it.
 *
 * <p>{@code java -cp … org.sipas.database.EmbeddedRestore NEW_DATA_DIR/pg DUMP PG_RESTORE}
 */
public final class EmbeddedRestore {

    private EmbeddedRestore() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: EmbeddedRestore NEW_PG_DIR DUMP PG_RESTORE");
            System.exit(2);
        }
        try {
            restore(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        } catch (RuntimeException | IOException e) {
            System.err.println("sipas-restore: " + e.getMessage());
            System.exit(1);
        }
    }

    static void restore(Path pgDir, Path dump, Path pgRestore) throws IOException, InterruptedException {
        if (Files.isDirectory(pgDir)) {
            try (Stream<Path> entries = Files.list(pgDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException(pgDir + " is not empty: a restore makes a new database, it never overwrites one");
                }
            }
        }
        if (!Files.isReadable(dump)) {
            throw new IllegalStateException("cannot read the dump " + dump);
        }
        EmbeddedPostgresServer.Memory memory = new EmbeddedPostgresServer.Memory(EmbeddedPostgresServer.defaultSharedBuffers(),
                EmbeddedPostgresServer.DEFAULT_WORK_MEM);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pgDir, 0, memory)) {
            // the dump may come from an external server whose roles do not exist here: objects belong to postgres
            ProcessBuilder builder = new ProcessBuilder(List.of(pgRestore.toString(), "--no-owner", "--no-privileges",
                    "--exit-on-error", "--single-transaction", "--host=localhost", "--port=" + server.port(),
                    "--username=postgres", "--dbname=postgres", dump.toString())).inheritIO();
            builder.environment().put("PGPASSWORD", server.password());
            builder.environment().put("PGPASSFILE", "/dev/null");
            int status = builder.start().waitFor();
            if (status != 0) {
                throw new IllegalStateException("pg_restore failed with status " + status + " (its message is above)");
            }
        }
    }
}
