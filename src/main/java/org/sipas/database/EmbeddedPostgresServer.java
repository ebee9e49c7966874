package org.sipas.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.sun.management.OperatingSystemMXBean;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server run from the zonky binaries on a persistent data directory, so a
 * newcomer needs no database installed and tests speak to the same engine as production.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> SHARED = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final DataDirectoryLock lock;
    private final String password;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, DataDirectoryLock lock, String password) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.lock = lock;
        this.password = password;
    }

    /**
     * The server's memory, in PostgreSQL's units. zonky leaves PostgreSQL's defaults (128 MB of
     * shared buffers, 4 MB of work memory), too little for a national frame: the index a sample
     * walks and the dossiers it stores then come from the operating system's cache page by page.
     */
    public record Memory(String sharedBuffers, String workMem) {
    }

    static final String DEFAULT_WORK_MEM = "16MB";
    private static final long MB = 1L << 20;

    /** A quarter of the memory this JVM sees (its container's limit, if any), at least 128 MB and at most 4 GB. */
    static String defaultSharedBuffers() {
        long total = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return Math.max(128 * MB, Math.min(4096 * MB, total / 4)) / MB + "MB";
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        return start(dataDir, port, new Memory(defaultSharedBuffers(), DEFAULT_WORK_MEM));
    }

    /**
     * Starts the server on {@code dataDir}, first taking over from an application that died without
     * stopping it: the {@link DataDirectoryLock} proves that application is gone, and the server it
     * left behind is {@linkplain OrphanedPostmaster#reap stopped}, so a start after {@code kill -9}
     * comes back in one try. A second sipas on the same directory fails at once instead.
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, Memory memory) {
        return start(dataDir, port, memory, false);
    }

    private static EmbeddedPostgresServer start(Path dataDir, int port, Memory memory, boolean emptyFirst) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the embedded database directory " + dir, e);
        }
        DataDirectoryLock lock = DataDirectoryLock.acquire(dir);
        try {
            OrphanedPostmaster.reap(dir);
            if (emptyFirst) {
                deleteRecursively(dir);
            }
            ServerPassword password = passwordFor(dir);
            EmbeddedPostgres pg = startPostgres(dir, port, memory, password);
            log.info("Embedded PostgreSQL started on port {} with data in {}, shared_buffers {}, work_mem {}", pg.getPort(), dir,
                    memory.sharedBuffers(), memory.workMem());
            return new EmbeddedPostgresServer(pg, dir, lock, password.secret());
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dir, e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static boolean fresh(Path dir) {
        return !Files.exists(dir.resolve("postgresql.conf"));
    }

    private static ServerPassword passwordFor(Path dir) {
        if (!fresh(dir) && !ServerPassword.exists(dir) && !ClientAuthentication.trustsAnyone(dir)) {
            throw new IllegalStateException(("The embedded database in %s asks for a password, but its password file %s is missing. "
                    + "Put it back, or give the server a new one: write 'trust' for 'scram-sha-256' in %s for one start, "
                    + "and sipas sets a new password and asks for it again").formatted(dir, ServerPassword.fileFor(dir),
                    dir.resolve("pg_hba.conf")));
        }
        return ServerPassword.of(dir);
    }

    private static EmbeddedPostgres startPostgres(Path dir, int port, Memory memory, ServerPassword password) throws IOException {
        boolean fresh = fresh(dir);
        boolean trusting = !fresh && ClientAuthentication.trustsAnyone(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("timezone", "Asia/Ho_Chi_Minh")
                // zonky starts the server with -F (fsync off) and synchronous_commit off, for test
                // speed; a committed import or answer must survive a crash, so both go back on
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", memory.sharedBuffers())
                .setServerConfig("work_mem", memory.workMem())
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                // zonky's own readiness check and superuserDataSource() log in with it
                .setConnectConfig("password", password.secret());
        if (fresh) {
            // zonky passes its "locale" settings to initdb as --key=value after its own -A trust,
            // and initdb takes the last -A: the cluster never has a moment without a password
            builder.setLocaleConfig("auth", ClientAuthentication.METHOD)
                    .setLocaleConfig("pwfile", password.file().toString());
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        if (trusting) {
            requirePassword(pg, dir, password);
        }
        return pg;
    }

    /**
     * A data directory made before password authentication: the superuser gets the password over
     * the connection trust still allows, then {@code pg_hba.conf} asks for it and is reloaded, so an
     * old installation keeps its data and works on.
     */
    private static void requirePassword(EmbeddedPostgres pg, Path dir, ServerPassword password) {
        try (Connection connection = pg.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            // the secret is letters, digits, - and _ (ServerPassword); ALTER ROLE takes no parameters
            statement.execute("ALTER ROLE postgres PASSWORD '" + password.secret().replace("'", "''") + "'");
            ClientAuthentication.requirePassword(dir);
            try (ResultSet wrong = statement.executeQuery(
                    "SELECT line_number, error FROM pg_hba_file_rules WHERE error IS NOT NULL OR auth_method = 'trust'")) {
                if (wrong.next()) {
                    throw new IllegalStateException("pg_hba.conf in " + dir + " line " + wrong.getInt(1) + " still lets clients in: "
                            + wrong.getString(2));
                }
            }
            statement.execute("SELECT pg_reload_conf()");
            log.warn("The embedded database in {} trusted every local connection: it now asks for the password kept in {}", dir,
                    password.file());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot give the embedded database in " + dir + " a password", e);
        }
    }

    /**
     * One server per JVM and data directory, started on an empty directory and stopped when the
     * JVM exits: what a test suite wants, every Spring context sharing one PostgreSQL.
     */
    public static EmbeddedPostgresServer shared(Path dataDir, int port, Memory memory) {
        return SHARED.computeIfAbsent(dataDir.toAbsolutePath().normalize(), dir -> {
            EmbeddedPostgresServer server = start(dir, port, memory, true);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
            return server;
        });
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty " + dir, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    /** The superuser's password, generated once for the data directory. */
    public String password() {
        return password;
    }

    public DataSource superuserDataSource() {
        return postgres.getPostgresDatabase();
    }

    /** Stops the server, then lets another application take the directory. */
    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL in {} stopped", dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.close();
        }
    }
}
