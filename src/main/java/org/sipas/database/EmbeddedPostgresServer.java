package org.sipas.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
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

    public static EmbeddedPostgresServer start(Path dataDir, int port, Memory memory) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
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
                    .setLocaleConfig("locale", "C.UTF-8");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            log.info("Embedded PostgreSQL started on port {} with data in {}, shared_buffers {}, work_mem {}", pg.getPort(), dir,
                    memory.sharedBuffers(), memory.workMem());
            return new EmbeddedPostgresServer(pg, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dir, e);
        }
    }

    /**
     * One server per JVM and data directory, started on an empty directory and stopped when the
     * JVM exits: what a test suite wants, every Spring context sharing one PostgreSQL.
     */
    public static EmbeddedPostgresServer shared(Path dataDir, int port, Memory memory) {
        return SHARED.computeIfAbsent(dataDir.toAbsolutePath().normalize(), dir -> {
            deleteRecursively(dir);
            EmbeddedPostgresServer server = start(dir, port, memory);
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

    public DataSource superuserDataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL in {} stopped", dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
