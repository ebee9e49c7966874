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
