package org.sipas.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its files when no {@code SIPAS_DB_URL} is set, and how much
 * memory it may use. A production server's memory is its administrator's business, not ours.
 *
 * @param dataDir        the cluster directory; kept across restarts
 * @param port           0 picks a free port
 * @param sharedBuffers  PostgreSQL's {@code shared_buffers} ({@code 2GB}, {@code 512MB}); blank: a quarter of
 *                       the memory this JVM sees, at least 128 MB and at most 4 GB ({@link EmbeddedPostgresServer#defaultSharedBuffers})
 * @param workMem        PostgreSQL's {@code work_mem}; blank: 16MB
 * @param sharedInJvm    tests set this: one server per JVM, shared by every Spring context
 */
@ConfigurationProperties("sipas.db.embedded")
public record EmbeddedDatabaseProperties(Path dataDir, int port, String sharedBuffers, String workMem, boolean sharedInJvm) {

    public EmbeddedDatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of("data", "pg");
        }
        if (sharedBuffers == null || sharedBuffers.isBlank()) {
            sharedBuffers = EmbeddedPostgresServer.defaultSharedBuffers();
        }
        if (workMem == null || workMem.isBlank()) {
            workMem = EmbeddedPostgresServer.DEFAULT_WORK_MEM;
        }
    }

    EmbeddedPostgresServer.Memory memory() {
        return new EmbeddedPostgresServer.Memory(sharedBuffers, workMem);
    }
}
