package org.sipas.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who may reach the embedded server: the application that runs it, with its password, and nobody else. */
class EmbeddedServerAccessTest {

    private static final EmbeddedPostgresServer.Memory SMALL = new EmbeddedPostgresServer.Memory("128MB", "4MB");

    @TempDir
    Path dir;

    @Test
    void aConnectionWithoutThePasswordOrWithAWrongOneIsRefused() throws Exception {
        Path pgDir = dir.resolve("pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pgDir, 0, SMALL)) {
            String url = "jdbc:postgresql://localhost:" + server.port() + "/postgres";

            assertThatThrownBy(() -> connect(url, null)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("no password was provided");
            assertThatThrownBy(() -> connect(url, "postgres")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            try (Connection right = connect(url, server.password())) {
                assertThat(right.isValid(5)).isTrue();
            }
            assertThat(Files.readString(ServerPassword.fileFor(pgDir)).strip()).isEqualTo(server.password());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ServerPassword.fileFor(pgDir))))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(pgDir.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*\\btrust\\b");
        }
    }

    /** The Unix socket too: {@code psql} as the same operating system user, with no password, is turned away. */
    @Test
    void theUnixSocketAsksForThePasswordToo() throws Exception {
        assumeTrue(new File("/usr/bin/psql").canExecute(), "psql is not installed (Debian: postgresql-client)");
        Path pgDir = dir.resolve("pg");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pgDir, 0, SMALL)) {
            String socketDir = Files.readAllLines(pgDir.resolve("postmaster.pid")).get(4).strip();
            ProcessBuilder psql = new ProcessBuilder("psql", "-w", "-h", socketDir, "-p", Integer.toString(server.port()),
                    "-U", "postgres", "-d", "postgres", "-c", "SELECT 1").redirectErrorStream(true);
            psql.environment().remove("PGPASSWORD");
            psql.environment().put("PGPASSFILE", "/dev/null");
            Process process = psql.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(output).isNotZero();
            assertThat(output).contains("no password supplied");
        }
    }

    @Test
    void aDataDirectoryMadeWithTrustGetsAPasswordOnStartAndKeepsItsData() throws Exception {
        Path pgDir = dir.resolve("old");
        // what earlier versions made: zonky's initdb -A trust
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgDir).setCleanDataDirectory(false).start()) {
            JdbcClient jdbc = JdbcClient.create(old.getPostgresDatabase());
            jdbc.sql("CREATE TABLE kept (answer text)").update();
            jdbc.sql("INSERT INTO kept VALUES ('rất hài lòng')").update();
        }
        assertThat(ClientAuthentication.trustsAnyone(pgDir)).isTrue();
        assertThat(ServerPassword.exists(pgDir)).isFalse();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(pgDir, 0, SMALL)) {
            String url = "jdbc:postgresql://localhost:" + server.port() + "/postgres";
            assertThat(ClientAuthentication.trustsAnyone(pgDir)).isFalse();
            assertThatThrownBy(() -> connect(url, null)).isInstanceOf(SQLException.class);
            assertThat(JdbcClient.create(server.superuserDataSource()).sql("SELECT answer FROM kept").query(String.class).list())
                    .containsExactly("rất hài lòng");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ServerPassword.fileFor(pgDir))))
                    .isEqualTo("rw-------");
        }
        // and the next start is an ordinary one
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(pgDir, 0, SMALL)) {
            assertThat(JdbcClient.create(again.superuserDataSource()).sql("SELECT count(*) FROM kept").query(Long.class).single())
                    .isEqualTo(1);
        }
    }

    @Test
    void aSecondServerOnADataDirectoryInUseIsRefusedAtOnceNamingTheDirectory() {
        Path pgDir = dir.resolve("pg");
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(pgDir, 0, SMALL)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(pgDir, 0, SMALL))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another sipas is already running on the data directory " + pgDir);
            assertThat(JdbcClient.create(first.superuserDataSource()).sql("SELECT 1").query(Integer.class).single())
                    .as("the first one is untouched").isEqualTo(1);
        }
    }

    @Test
    void onlyTrustRulesAreRewrittenAndADatabaseNamedTrustIsLeftAlone() throws Exception {
        Path pgDir = Files.createDirectories(dir.resolve("hba"));
        Files.write(pgDir.resolve("pg_hba.conf"), List.of(
                "# local all all trust",
                "local   all             all                                     trust",
                "host    trust           all             127.0.0.1/32            md5",
                "host    all             all             10.0.0.0  255.0.0.0     trust  # office",
                "hostssl all             all             ::1/128                 cert"));

        ClientAuthentication.requirePassword(pgDir);

        assertThat(Files.readAllLines(pgDir.resolve("pg_hba.conf"))).containsExactly(
                "# local all all trust",
                "local   all             all                                     scram-sha-256",
                "host    trust           all             127.0.0.1/32            md5",
                "host    all             all             10.0.0.0  255.0.0.0     scram-sha-256  # office",
                "hostssl all             all             ::1/128                 cert");
        assertThat(ClientAuthentication.trustsAnyone(pgDir)).isFalse();
    }

    private static Connection connect(String url, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }
}
