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
 *       (goal under 512 MB);</li>
 *   <li>how soon it serves at full speed: after one more restart, online responses posted as
 *       {@link ResponseBenchmark} posts them ({@code bench.clients} connections) from the moment it is
 *       healthy, the rate of the first {@code bench.seconds} (30) against the warm rate of the same
 *       process, once slices of that length stop rising (at most {@code bench.warm-slices}, 10; goal:
 *       the first at least 70% of the warm).</li>
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
        soonAfterStart(launch, work);
    }

    /**
     * The rate of the first seconds after a restart against the warm rate of the same process: tokens
     * written beforehand into the stopped application's database (not timed), then wrk from the first
     * healthy answer on, slice after slice, until three slices in a row are less than 3% faster than the
     * fastest before them (or {@code bench.warm-slices} slices); the warm rate is the fastest slice.
     */
    private static void soonAfterStart(Launch launch, Path work) throws Exception {
        int clients = Integer.getInteger("bench.clients", 100);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int slices = Math.max(2, Integer.getInteger("bench.warm-slices", 10));
        // the 3,000 responses/s of the fastest runs here, twice over
        long tokens = 6_000L * seconds * slices;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(work.resolve("pg"), 0)) {
            org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(server.superuserDataSource());
            jdbc.update("DELETE FROM survey_token WHERE token LIKE 'bench-soon-%'");
            jdbc.update("""
                    INSERT INTO survey_token (token, methodology_code, methodology_version, channel, expires_at)
                    SELECT 'bench-soon-' || lpad(i::text, 12, '0'), 'sipas-2017', 1, 'WEB', now() + interval '1 day'
                    FROM generate_series(0, ?) i""", tokens);
            jdbc.execute("VACUUM ANALYZE survey_token");
        }
        Started started = start(launch, work, false);
        try {
            Path dir = Files.createDirectories(work.resolve("wrk"));
            Path body = dir.resolve("response.json");
            Files.writeString(body, tools.jackson.databind.json.JsonMapper.builder().build()
                    .writeValueAsString(java.util.Map.of("answers", ResponseBenchmark.ANSWERS)));
            String script = ResponseBenchmark.WRK_SCRIPT.replace("bench-token-", "bench-soon-");
            String base = "http://127.0.0.1:" + started.port();
            List<Wrk.Run> runs = new ArrayList<>();
            double fastest = 0;
            int calm = 0;
            long next = 0;
            while (runs.size() < slices && (runs.size() < 2 || calm < 3)) {
                Wrk.Run run = Wrk.post("slice " + (runs.size() + 1), dir, script, base, clients, seconds,
                        List.of(Long.toString(next), Integer.toString(Wrk.THREADS), body.toString()));
                next += 6_000L * seconds;
                if (!runs.isEmpty()) {
                    calm = run.perSecond() < fastest * 1.03 ? calm + 1 : 0;
                    fastest = Math.max(fastest, run.perSecond());
                }
                runs.add(run);
            }
            double first = runs.get(0).perSecond();
            System.out.printf("%nsoon after a restart (healthy after %.2f s): responses/s per %d s from %d clients: %s%n", started.seconds(),
                    seconds, clients, runs.stream().map(r -> "%.0f".formatted(r.perSecond())).toList());
            System.out.printf("first %d s after healthy %.1f /s (p99 %.1f ms, %d refused); warm (the fastest later slice) %.1f /s; ratio %.1f%% (goal >= 70%%)%n",
                    seconds, first, runs.get(0).p99Millis(), runs.get(0).refused(), fastest, fastest == 0 ? 0 : 100 * first / fastest);
        } finally {
            stop(started.process());
        }
    }

    record Started(Process process, int port, double seconds) {
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
                    return new Started(process, port, (System.nanoTime() - t0) / 1e9);
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
