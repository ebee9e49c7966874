package org.sipas.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL when no server is configured ({@code SIPAS_DB_URL} empty). With
 * {@code SIPAS_DB_URL} set, Spring Boot's own DataSource takes over and this does nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    /** Connections the pool keeps open while nobody asks (FootprintBenchmark: 26 PostgreSQL processes idle with 20). */
    static final int IDLE_CONNECTIONS = 2;

    @Bean(destroyMethod = "")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) {
        return properties.sharedInJvm()
                ? EmbeddedPostgresServer.shared(properties.dataDir(), properties.port(), properties.memory())
                : EmbeddedPostgresServer.start(properties.dataDir(), properties.port(), properties.memory());
    }

    @Bean
    EmbeddedServerShutdown embeddedServerShutdown(EmbeddedPostgresServer server, EmbeddedDatabaseProperties properties) {
        return new EmbeddedServerShutdown(server, properties.sharedInJvm());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgresServer server, EmbeddedServerShutdown shutdownAfterPool) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername("postgres");
        config.setPassword(server.password());
        config.setMaximumPoolSize(20);
        // Hikari opens maximumPoolSize connections at once unless told otherwise: 20 idle PostgreSQL
        // backends (a process each, some MB of catalog caches each) on a server nobody is using, and
        // 20 forks at start-up. The pool still grows to 20 when requests wait for a connection, and
        // shrinks back after Hikari's idle timeout (10 minutes).
        config.setMinimumIdle(IDLE_CONNECTIONS);
        config.setPoolName("sipas-embedded");
        return new HikariDataSource(config);
    }

    /**
     * Stops the server after the pool is closed: Spring destroys beans in reverse dependency order,
     * and the pool depends on this bean.
     */
    static final class EmbeddedServerShutdown implements AutoCloseable {
        private final EmbeddedPostgresServer server;
        private final boolean sharedInJvm;

        EmbeddedServerShutdown(EmbeddedPostgresServer server, boolean sharedInJvm) {
            this.server = server;
            this.sharedInJvm = sharedInJvm;
        }

        @Override
        public void close() {
            if (!sharedInJvm) {
                server.close();
            }
        }
    }
}
