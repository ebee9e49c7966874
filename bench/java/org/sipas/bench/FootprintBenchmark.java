package org.sipas.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.sipas.database.EmbeddedPostgresServer;

/**
 * How soon sipas answers after a start, and what it holds once idle, with the default settings
 * (no -Xmx, no tuning), started as its own process as an operator starts it:
 * <ul>
 *   <li>the first start on an empty data directory with the demo (goal under 15 s);</li>
 *   <li>{@code bench.rounds} (3) restarts on the existing data directory (goal under 5 s), beside
 *       the baseline, the embedded PostgreSQL alone started on the same directory as sipas starts it:
 *       the floor, since sipas is not healthy before its database is;</li>
 *   <li>the idle memory after the first start: the proportional set size (PSS, shared pages
 *       counted once) and the resident set of the JVM and the embedded PostgreSQL's processes
 *       (goal under 512 MB).</li>
 * </ul>
 * Time to healthy is from the process's start to the first 200 of {@code /actuator/health}.
 * <p>
 * {@code bench.launch} says how sipas is started: {@code bin} (the default) as the README tells an
 * operator to, {@code bin/sipas} on the packaged jar ({@code mvn -DskipTests package} first) with its
 * JVM options and class data sharing, {@code SIPAS_DATA_DIR} the benchmark's directory (so the first
 * start unpacks the jar and writes the class archive as a fresh installation does); {@code classpath}
 * the bench JVM's class path and {@code org.sipas.SipasApplication} with no JVM options, the way of
 * the first measurements.
 */
public final class FootprintBenchmark {

    private FootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        measure();
    }

    static void measure() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 3);
        int idle = Integer.getInteger("bench.idle", 20);
        Path work = Path.of(System.getProperty("bench.portal-dir", "target/bench-footprint")).toAbsolutePath();
        BenchContext.deleteTree(work);
        Files.createDirectories(work);

        Launch launch = Launch.valueOf(System.getProperty("bench.launch", "bin").toUpperCase(java.util.Locale.ROOT));
        System.out.printf("FootprintBenchmark: default settings, started by %s, %d restarts, idle %d s before the memory is read, %d cores%n",
                launch.description(), rounds, idle, Runtime.getRuntime().availableProcessors());
        Started first = start(launch, work, true);
        System.out.printf("first start with the demo on an empty data directory: healthy after %.2f s (goal < 15 s)%n", first.seconds());
        Thread.sleep(idle * 1000L);
        Memory memory = Memory.of(first.process().toHandle(), work.resolve("pg"));
        System.out.printf("idle after the first start: PSS %,d MB (JVM %,d MB, PostgreSQL %,d MB in %d processes), RSS %,d MB "
                        + "(goal < 512 MB)%n", memory.pss() >> 10, memory.jvmPss() >> 10, (memory.pss() - memory.jvmPss()) >> 10,
                memory.postgresProcesses(), memory.rss() >> 10);
        stop(first.process());

        List<Double> ours = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Started again = start(launch, work, false);
            stop(again.process());
            double pg = postgresAlone(work.resolve("pg"));
            System.out.printf("  round %d: sipas healthy after %.2f s; PostgreSQL alone accepting after %.2f s%n", round,
                    again.seconds(), pg);
            ours.add(again.seconds());
            floor.add(pg);
        }
        double o = median(ours);
        double b = median(floor);
        System.out.printf("%nrestart on the existing data directory: median %.2f s (goal < 5 s); PostgreSQL alone %.2f s; ratio %.1f%n",
                o, b, o / b);
    }

    record Started(Process process, double seconds) {
    }

    /** How sipas is started. */
    enum Launch {
        /** {@code bin/sipas} on the packaged jar: what the README tells an operator to run. */
        BIN,
        /** The bench JVM's class path, {@code org.sipas.SipasApplication}, no JVM options. */
        CLASSPATH;

        String description() {
            return this == BIN ? "bin/sipas (bench.launch=bin)" : "java -cp … org.sipas.SipasApplication, no JVM options (bench.launch=classpath)";
        }

        List<String> command() {
            if (this == CLASSPATH) {
                return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.timezone=Asia/Ho_Chi_Minh",
                        "-cp", System.getProperty("java.class.path"), "org.sipas.SipasApplication");
            }
            Path script = Path.of("bin", "sipas").toAbsolutePath();
            try (Stream<Path> jars = Files.list(Path.of("target"))) {
                if (jars.noneMatch(p -> p.getFileName().toString().matches("sipas-.*\\.jar"))) {
                    throw new IllegalStateException("bench.launch=bin starts the packaged jar: run 'mvn -DskipTests package' first"
                            + " (or -Dbench.launch=classpath)");
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return List.of(script.toString());
        }
    }

    /** The application as its own process on {@code <work>/pg}, timed until its health answers 200. */
    private static Started start(Launch launch, Path work, boolean demo) throws Exception {
        int port = Nginx.freePort();
        List<String> command = new ArrayList<>(launch.command());
        command.addAll(List.of("--server.port=" + port, "--sipas.demo.enabled=" + demo, "--sipas.admin.password=bench-administrator",
                "--sipas.db.embedded.data-dir=" + work.resolve("pg"), "--sipas.contacts.key-dir=" + work.resolve("keys")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("sipas.log").toFile()));
        // bin/sipas keeps the unpacked jar and its class archive in SIPAS_DATA_DIR/app: a fresh one per run
        builder.environment().put("SIPAS_DATA_DIR", work.toString());
        long t0 = System.nanoTime();
        Process process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sipas stopped with " + process.exitValue() + "; see " + work.resolve("sipas.log"));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new Started(process, (System.nanoTime() - t0) / 1e9);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() - t0 > 180e9) {
                process.destroyForcibly();
                throw new IllegalStateException("sipas not healthy after 180 s; see " + work.resolve("sipas.log"));
            }
            Thread.sleep(20);
        }
    }

    /**
     * SIGTERM and wait: the application stops its PostgreSQL on the way out, and after a first start
     * by bin/sipas the JVM writes its class archive (a few seconds; a minute on a loaded machine).
     */
    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /**
     * The embedded PostgreSQL alone on the same data directory, started as sipas starts it
     * ({@code database.EmbeddedPostgresServer}: the zonky build, its settings and password) until it
     * accepts connections, then stopped.
     */
    private static double postgresAlone(Path dataDir) {
        long t0 = System.nanoTime();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0)) {
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    /** Memory of a process and its descendants, in kB, from /proc (Linux). */
    record Memory(long pss, long jvmPss, long rss, int postgresProcesses) {

        /**
         * The JVM, and the postmaster named by the data directory's {@code postmaster.pid} with its
         * children (pg_ctl detaches the postmaster from the JVM that asked for it).
         */
        static Memory of(ProcessHandle jvm, Path dataDir) throws IOException {
            long postmasterPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(postmasterPid)
                    .orElseThrow(() -> new IllegalStateException("no postmaster " + postmasterPid + " for " + dataDir));
            List<ProcessHandle> postgres = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
            long jvmPss = kB(jvm.pid(), "Pss:");
            long pss = jvmPss;
            long rss = kB(jvm.pid(), "Rss:");
            for (ProcessHandle p : postgres) {
                pss += kB(p.pid(), "Pss:");
                rss += kB(p.pid(), "Rss:");
            }
            return new Memory(pss, jvmPss, rss, postgres.size());
        }

        private static long kB(long pid, String field) throws IOException {
            Path rollup = Path.of("/proc", Long.toString(pid), "smaps_rollup");
            if (!Files.exists(rollup)) {
                return 0;
            }
            for (String line : Files.readAllLines(rollup)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
            return 0;
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
