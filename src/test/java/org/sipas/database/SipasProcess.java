package org.sipas.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.sipas.SipasApplication;

/**
 * The real application in a JVM of its own, started as an operator would ({@code java -cp …
 * SipasApplication} with SIPAS_* variables and the production configuration only), so a test can
 * kill it the way the operating system does.
 */
final class SipasProcess implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofMinutes(4);

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SipasProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts sipas on {@code dataDir} (SIPAS_DATA_DIR) and returns once it reports itself UP, or fails if it exits first. */
    static SipasProcess start(Path dataDir, String adminPassword, Map<String, String> environment) throws Exception {
        int port = freePort();
        Path log = dataDir.resolve("sipas-" + System.nanoTime() + ".log");
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SipasApplication.class.getName(),
                // the test configuration on this class path names the tests' shared server: the child runs as in production
                "--spring.config.location=classpath:/application.yml"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("SIPAS_DATA_DIR", dataDir.toString(), "SIPAS_DEMO", "false", "PORT",
                Integer.toString(port), "SIPAS_ADMIN_PASSWORD", adminPassword, "SIPAS_EMBEDDED_DB_SHARED_BUFFERS", "128MB"));
        builder.environment().putAll(environment);
        SipasProcess sipas = new SipasProcess(builder.start(), port, log);
        sipas.awaitUp();
        return sipas;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitUp() throws Exception {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sipas exited with " + process.exitValue() + " before it was UP:\n" + logTail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("sipas was not UP within " + START_LIMIT.toSeconds() + " s:\n" + logTail());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A CSV posted as an administrator with HTTP Basic, as an integration script would. */
    HttpResponse<String> postCsv(String path, String user, String password, String csv) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Basic " + basic).header("Content-Type", "text/csv; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL, as the OOM killer or {@code kill -9} sends it: no shutdown hook runs. Returns the exit status. */
    int kill() throws InterruptedException {
        // on Linux and macOS Process.destroyForcibly() is kill(pid, SIGKILL)
        process.destroyForcibly();
        return process.waitFor();
    }

    long pid() {
        return process.pid();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A clean stop (SIGTERM): Spring closes the pool, then the embedded server. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
