package org.sipas.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * sipas killed with SIGKILL in the middle of imports (a crash, an OOM kill, a container stop)
 * comes back on the next start, in one try, with every import it had acknowledged.
 */
class CrashRestartTest {

    @TempDir
    Path dir;

    private final String adminPassword = "Khoi-dong-lai-" + UUID.randomUUID();
    private SipasProcess running;

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        if (running != null) {
            running.close();
        }
        // whatever happened above, leave no PostgreSQL behind on the temporary directory
        if (Files.exists(dir.resolve("pg"))) {
            OrphanedPostmaster.reap(dir.resolve("pg"));
        }
    }

    @Test
    void afterKillNineTheNextStartComesBackInOneTryWithEveryAcknowledgedImport() throws Exception {
        Path pgDir = dir.resolve("pg");
        running = SipasProcess.start(dir, adminPassword, Map.of());
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicReference<String> refused = new AtomicReference<>();
        SipasProcess first = running;
        Thread importer = new Thread(() -> {
            try {
                for (int i = 1; ; i++) {
                    String code = "KILL%04d".formatted(i);
                    HttpResponse<String> answer = first.postCsv("/api/v1/units/import", "admin", adminPassword,
                            "level,code,name,parent_code\nprovince," + code + ",Tỉnh thử " + code + ",\n");
                    if (answer.statusCode() != 200) {
                        refused.set(answer.statusCode() + " " + answer.body());
                        return;
                    }
                    acknowledged.add(code);
                }
            } catch (Exception killedMidRequest) {
                // the kill cuts the request in flight: only answered imports count
            }
        }, "importer");
        importer.start();
        while (acknowledged.size() < 25 && refused.get() == null && importer.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(refused.get()).as("imports answered before the kill").isNull();

        int status = first.kill();
        importer.join();
        assertThat(status).as("exit status of a SIGKILL").isEqualTo(128 + 9);
        assertThat(OrphanedPostmaster.find(pgDir)).as("the dead application's PostgreSQL still runs").isPresent();
        List<String> answered = List.copyOf(acknowledged);

        running = SipasProcess.start(dir, adminPassword, Map.of());

        assertThat(unitCodes(pgDir)).as("every acknowledged import, after the restart").containsAll(answered);
    }

    /** Read with the embedded server's own password and port, as the backup script does. */
    static List<String> unitCodes(Path pgDir) throws Exception {
        List<String> pid = Files.readAllLines(pgDir.resolve("postmaster.pid"));
        String password = Files.readString(ServerPassword.fileFor(pgDir)).strip();
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(
                "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres", "postgres", password));
        return jdbc.sql("SELECT code FROM unit WHERE code LIKE 'KILL%'").query(String.class).list();
    }
}
