package org.sipas.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sipas.SipasApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two ways sipas finds its database: its own embedded PostgreSQL on a data directory that
 * survives restarts, or the server named by SIPAS_DB_URL.
 */
class DatabaseChoiceTest {

    /** Starts the application as its command line would, so these settings override the test configuration. */
    private static ConfigurableApplicationContext start(String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--sipas.demo.enabled=false",
                "--sipas.admin.password=database-test-password", "--sipas.db.embedded.shared-in-jvm=false"));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(SipasApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void theEmbeddedDatabaseKeepsItsDataAcrossRestartsAndStopsWithTheApplication(@TempDir Path dir) throws Exception {
        int port;
        String dataDir = "sipas.db.embedded.data-dir=" + dir.resolve("pg");
        try (ConfigurableApplicationContext first = start(dataDir)) {
            port = first.getBean(EmbeddedPostgresServer.class).port();
            first.getBean(JdbcClient.class)
                    .sql("INSERT INTO audit_log (actor, action, entity_type) VALUES ('test', 'restart.marker', 'test')").update();
        }
        assertThatThrownBy(() -> new Socket("localhost", port).close()).as("server stopped on exit").isInstanceOf(Exception.class);

        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(second.getBean(JdbcClient.class)
                    .sql("SELECT count(*) FROM audit_log WHERE action = 'restart.marker'").query(Long.class).single())
                    .isEqualTo(1);
        }
    }

    @Test
    void withADatabaseUrlTheApplicationUsesThatServerAndMigratesIt(@TempDir Path dir) {
        try (EmbeddedPostgresServer external = EmbeddedPostgresServer.start(dir.resolve("external"), 0)) {
            JdbcClient admin = JdbcClient.create(external.superuserDataSource());
            admin.sql("CREATE ROLE sipas LOGIN PASSWORD 'sipas-secret'").update();
            admin.sql("CREATE DATABASE sipas OWNER sipas").update();
            String url = "jdbc:postgresql://localhost:" + external.port() + "/sipas";

            try (ConfigurableApplicationContext app = start("spring.datasource.url=" + url,
                    "spring.datasource.username=sipas", "spring.datasource.password=sipas-secret")) {
                assertThat(app.getBeanNamesForType(EmbeddedPostgresServer.class)).isEmpty();
                assertThat(app.getBean(JdbcClient.class).sql("SELECT current_user").query(String.class).single())
                        .isEqualTo("sipas");
            }
            JdbcClient direct = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    url, "sipas", "sipas-secret"));
            assertThat(direct.sql("SELECT count(*) FROM unit WHERE code = 'VN'").query(Long.class).single()).isEqualTo(1);
        }
    }
}
