package org.sipas.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sipas.SipasApplication;
import org.sipas.frame.SamplingFrame;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * bin/sipas-backup and bin/sipas-restore on the demo: the restored installation has the same rows
 * in every table, and reads the same contacts with the keys that came back with the archive.
 */
class BackupRestoreTest {

    private static final Path BIN = Path.of("bin").toAbsolutePath();

    @TempDir
    Path dir;

    private static ConfigurableApplicationContext start(Path dataDir, boolean demo) {
        return new SpringApplicationBuilder(SipasApplication.class).run("--server.port=0",
                "--sipas.demo.enabled=" + demo, "--sipas.demo.dossiers=5000", "--sipas.admin.password=backup-test-password",
                "--sipas.db.embedded.shared-in-jvm=false", "--sipas.db.embedded.shared-buffers=128MB",
                "--sipas.db.embedded.data-dir=" + dataDir.resolve("pg"), "--sipas.contacts.key-dir=" + dataDir.resolve("keys"));
    }

    /** pg_dump and pg_restore of PostgreSQL 17: SIPAS_PG_BIN (CI sets it from .ci/pg-client-17), or Debian's. */
    private static Optional<String> postgresClient() {
        String configured = System.getenv("SIPAS_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured);
        }
        for (int major = 20; major >= 17; major--) {
            if (new File("/usr/lib/postgresql/" + major + "/bin/pg_dump").canExecute()) {
                return Optional.of("/usr/lib/postgresql/" + major + "/bin");
            }
        }
        return Optional.empty();
    }

    /** Waits until the outboxes that background workers consume (tallies, quality check, alert rules) are empty. */
    private static void settled(JdbcClient jdbc) throws InterruptedException {
        String waiting = "SELECT (SELECT count(*) FROM tally_change) + (SELECT count(*) FROM quality_arrival)"
                + " + (SELECT count(*) FROM alert_outbox)";
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (jdbc.sql(waiting).query(Long.class).single() > 0) {
            assertThat(System.nanoTime()).as("the outboxes emptied within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void theDemoRestoredIntoANewDataDirectoryHasEveryRowAndReadsTheSameContacts() throws Exception {
        Optional<String> client = postgresClient();
        assumeTrue(client.isPresent(), "no pg_dump 17: .ci/pg-client-17 installs one, or set SIPAS_PG_BIN");
        Path original = dir.resolve("data");
        Path restored = dir.resolve("restored");
        Path archive = dir.resolve("sipas.backup");
        Path passphrase = dir.resolve("passphrase");
        Files.writeString(passphrase, "một câu mật khẩu dài cho bản sao lưu\n");
        Map<String, String> env = Map.of("SIPAS_PG_BIN", client.get(), "SIPAS_BACKUP_PASSPHRASE_FILE", passphrase.toString(),
                "SIPAS_CLASSPATH", System.getProperty("java.class.path"));

        Map<String, Long> before;
        List<SamplingFrame.Contact> contactsBefore;
        try (ConfigurableApplicationContext app = start(original, true)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            // the demo's responses are still being folded, checked and judged by the workers of their outboxes:
            // counted and dumped once they are done, so that nothing moves between the count, the dump and the restore
            settled(jdbc);
            before = rowsPerTable(jdbc);
            contactsBefore = app.getBean(SamplingFrame.class).contacts(someDossiers(jdbc));

            Run backup = run(env, original, "sipas-backup", archive.toString());
            assertThat(backup.status()).as(backup.output()).isZero();
        }
        assertThat(before.get("dossier")).isEqualTo(5000);
        assertThat(before.get("response")).as("the demo campaign's interviews").isPositive();
        assertThat(contactsBefore).hasSize(5).allSatisfy(c -> assertThat(c.phone()).isNotBlank());

        byte[] sealed = Files.readAllBytes(archive);
        assertThat(new String(sealed, 0, 8, StandardCharsets.ISO_8859_1)).as("openssl's salted header").isEqualTo("Salted__");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).as("no dump in clear").doesNotContain("PGDMP");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive))).isEqualTo("rw-------");

        Run wrong = run(Map.of("SIPAS_PG_BIN", client.get(), "SIPAS_BACKUP_PASSPHRASE", "not the passphrase",
                "SIPAS_CLASSPATH", System.getProperty("java.class.path")), restored, "sipas-restore", archive.toString(), restored.toString());
        assertThat(wrong.status()).isNotZero();
        assertThat(wrong.output()).contains("wrong passphrase");
        assertThat(restored).doesNotExist();

        Run restore = run(env, restored, "sipas-restore", archive.toString(), restored.toString());
        assertThat(restore.status()).as(restore.output()).isZero();
        assertThat(Files.readString(restored.resolve("keys/contact-encryption.key")))
                .isEqualTo(Files.readString(original.resolve("keys/contact-encryption.key")));

        try (ConfigurableApplicationContext app = start(restored, false)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(rowsPerTable(jdbc)).isEqualTo(before);
            List<Long> ids = contactsBefore.stream().map(SamplingFrame.Contact::dossierId).toList();
            assertThat(app.getBean(SamplingFrame.class).contacts(ids)).isEqualTo(contactsBefore);
        }
    }

    @Test
    void anExternalDatabaseIsBackedUpAndRestoredIntoAnotherEmptyOne() throws Exception {
        Optional<String> client = postgresClient();
        assumeTrue(client.isPresent(), "no pg_dump 17: .ci/pg-client-17 installs one, or set SIPAS_PG_BIN");
        EmbeddedPostgresServer.Memory small = new EmbeddedPostgresServer.Memory("128MB", "4MB");
        Path archive = dir.resolve("external.backup");
        try (EmbeddedPostgresServer source = EmbeddedPostgresServer.start(dir.resolve("source"), 0, small);
             EmbeddedPostgresServer target = EmbeddedPostgresServer.start(dir.resolve("target"), 0, small)) {
            JdbcClient admin = JdbcClient.create(source.superuserDataSource());
            admin.sql("CREATE ROLE sipas LOGIN PASSWORD 'sipas-secret'").update();
            admin.sql("CREATE DATABASE sipas OWNER sipas").update();
            JdbcClient sipas = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    "jdbc:postgresql://localhost:" + source.port() + "/sipas", "sipas", "sipas-secret"));
            sipas.sql("CREATE TABLE answer (id int PRIMARY KEY, text text)").update();
            sipas.sql("INSERT INTO answer SELECT i, 'câu trả lời ' || i FROM generate_series(1, 1000) i").update();
            JdbcClient.create(target.superuserDataSource()).sql("CREATE DATABASE restored").update();
            Files.writeString(dir.resolve("passphrase"), "passphrase of the external backup");

            Run backup = run(Map.of("SIPAS_PG_BIN", client.get(), "SIPAS_BACKUP_PASSPHRASE_FILE", dir.resolve("passphrase").toString(),
                    "SIPAS_DB_URL", "jdbc:postgresql://localhost:" + source.port() + "/sipas?sslmode=disable",
                    "SIPAS_DB_USER", "sipas", "SIPAS_DB_PASSWORD", "sipas-secret"), dir.resolve("no-data"), "sipas-backup",
                    archive.toString());
            assertThat(backup.status()).as(backup.output()).isZero();
            assertThat(backup.output()).contains("external localhost:" + source.port() + "/sipas");

            Run restore = run(Map.of("SIPAS_PG_BIN", client.get(), "SIPAS_BACKUP_PASSPHRASE_FILE", dir.resolve("passphrase").toString(),
                    "SIPAS_DB_URL", "jdbc:postgresql://localhost:" + target.port() + "/restored",
                    "SIPAS_DB_USER", "postgres", "SIPAS_DB_PASSWORD", target.password()), dir.resolve("keys-only"), "sipas-restore",
                    archive.toString(), dir.resolve("keys-only").toString());
            assertThat(restore.status()).as(restore.output()).isZero();

            JdbcClient restored = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    "jdbc:postgresql://localhost:" + target.port() + "/restored", "postgres", target.password()));
            assertThat(restored.sql("SELECT count(*), max(text) FROM answer").query((rs, i) -> rs.getLong(1) + " " + rs.getString(2))
                    .single()).isEqualTo(sipas.sql("SELECT count(*), max(text) FROM answer")
                    .query((rs, i) -> rs.getLong(1) + " " + rs.getString(2)).single());
        }
    }

    @Test
    void aRestoreRefusesADirectoryThatIsNotNew() throws Exception {
        Path existing = Files.createDirectories(dir.resolve("in-use"));
        Files.writeString(existing.resolve("keep.txt"), "old");
        Files.writeString(dir.resolve("archive"), "anything");

        Run restore = run(Map.of("SIPAS_BACKUP_PASSPHRASE", "x"), existing, "sipas-restore", dir.resolve("archive").toString(),
                existing.toString());

        assertThat(restore.status()).isNotZero();
        assertThat(restore.output()).contains(existing + " is not empty: restore into a new data directory");
        assertThat(existing.resolve("keep.txt")).hasContent("old");
    }

    private static List<Long> someDossiers(JdbcClient jdbc) {
        return jdbc.sql("SELECT dossier_id FROM dossier_contact WHERE phone_hash IS NOT NULL ORDER BY dossier_id LIMIT 5")
                .query(Long.class).list();
    }

    /** Every table of the schema with its row count, Flyway's history included. */
    private static Map<String, Long> rowsPerTable(JdbcClient jdbc) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
                .query(String.class).list()) {
            rows.put(table, jdbc.sql("SELECT count(*) FROM \"" + table + "\"").query(Long.class).single());
        }
        return rows;
    }

    record Run(int status, String output) {
    }

    private static Run run(Map<String, String> env, Path dataDir, String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(BIN.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("SIPAS_") || k.startsWith("PG"));
        builder.environment().putAll(env);
        builder.environment().put("SIPAS_DATA_DIR", dataDir.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }
}
