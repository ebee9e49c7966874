package org.sipas.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its files when no {@code SIPAS_DB_URL} is set.
 *
 * @param dataDir        the cluster directory; kept across restarts
 * @param port           0 picks a free port
 * @param sharedInJvm    tests set this: one server per JVM, shared by every Spring context
 */
@ConfigurationProperties("sipas.db.embedded")
public record EmbeddedDatabaseProperties(Path dataDir, int port, boolean sharedInJvm) {

    public EmbeddedDatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of("data", "pg");
        }
    }
}
