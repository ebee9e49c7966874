package org.sipas.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.sipas.collection.SurveyTokens;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Online responses posted by {@code bench.clients} (100) concurrent clients for
 * {@code bench.seconds} (30): each client takes the next unused survey token and posts a whole
 * SIPAS 2017 response to {@code /s/{token}/response} as JSON with an idempotency key, over HTTP
 * to the running application, and waits for the answer (201 = durable: acknowledged after the
 * commit). Printed: accepted responses/s, p50 and p99 latency.
 * <p>
 * Baseline in the same run: PostgreSQL's own rate for inserting the same rows, measured by
 * {@code pgbench} (Debian's, from PATH) with a custom script of one {@code INSERT INTO response}
 * of the same stored answers per transaction, at the same concurrency and duration, against the
 * same server; its per-transaction log gives p50 and p99. Then the ratio.
 */
public final class ResponseBenchmark {

    /** The SIPAS 2017 answers of one respondent, as typed; every criterion rated. */
    private static final Map<String, String> ANSWERS = answers("applicant_kind", "ca_nhan", "gender", "nu", "age", "42",
            "education", "dai_hoc", "occupation", "kinh_doanh", "result_date", "05/03/2025", "c01", "4", "c02", "5",
            "c03", "4", "c04", "4", "c05", "4", "c06", "4", "c07", "5", "c08", "9", "c09", "2", "c09_late_days", "12",
            "e2_expect", "rut_ngan giam_phi", "c10", "5", "c11", "5", "c12", "4", "c13", "3", "c14", "4", "c15", "0",
            "e3_expect", "thai_do", "c16", "4", "c17", "4", "c18", "4", "c19", "4", "c20", "4", "c21", "5", "c22", "5",
            "suggestion", "Cần thêm chỗ ngồi chờ và hướng dẫn rõ hơn.");

    private final int clients = Integer.getInteger("bench.clients", 100);
    private final int seconds = Integer.getInteger("bench.seconds", 30);
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final HikariDataSource dataSource;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Run(String line, int accepted, int refused, double seconds, long[] latenciesMicros) {

        double perSecond() {
            return accepted / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesMicros.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latenciesMicros.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1000.0;
        }
    }

    private ResponseBenchmark(ConfigurableApplicationContext app) {
        this.dataSource = (HikariDataSource) app.getBean(DataSource.class);
        this.jdbc = new JdbcTemplate(dataSource);
        this.json = app.getBean(JsonMapper.class);
        this.base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = BenchContext.start()) {
            new ResponseBenchmark(app).run(app.getBean(SurveyTokens.class));
        }
        System.exit(0);
    }

    private void run(SurveyTokens tokens) throws Exception {
        System.out.printf("ResponseBenchmark: %d clients, %d s, pool of %d connections, synchronous_commit=%s%n", clients, seconds,
                dataSource.getMaximumPoolSize(), jdbc.queryForObject("SHOW synchronous_commit", String.class));
        // tokens enough for the fastest conceivable run; written in bulk (not timed), as issue() would write them
        tokens.issue("sipas-2017", 1, null, null);
        int needed = 3_000 * seconds + 20_000;
        jdbc.update("""
                INSERT INTO survey_token (token, methodology_code, methodology_version, channel, expires_at)
                SELECT 'bench-token-' || lpad(i::text, 12, '0'), 'sipas-2017', 1, 'WEB', now() + interval '1 day'
                FROM generate_series(1, ?) i""", needed);
        jdbc.execute("CHECKPOINT");
        AtomicInteger next = new AtomicInteger();
        post("warm-up", 5, next);
        jdbc.execute("CHECKPOINT");
        Run ours = post("ours: POST /s/{token}/response", seconds, next);
        String stored = jdbc.queryForObject("SELECT answers::text FROM response ORDER BY id DESC LIMIT 1", String.class);
        jdbc.execute("CHECKPOINT");
        Run baseline = pgbench(stored);
        print(ours);
        print(baseline);
        System.out.printf("ratio ours / pgbench INSERT: %.1f%% of the rate; p99 %.1f ms vs %.1f ms (%.2f×)%n",
                100 * ours.perSecond() / baseline.perSecond(), ours.percentileMillis(0.99), baseline.percentileMillis(0.99),
                ours.percentileMillis(0.99) / baseline.percentileMillis(0.99));
        Long stored1 = jdbc.queryForObject("SELECT count(*) FROM response WHERE token LIKE 'bench-token-%'", Long.class);
        System.out.printf("responses stored through the application: %d (accepted in both runs: %d)%n", stored1, next.get());
    }

    private Run post(String line, int duration, AtomicInteger next) throws InterruptedException {
        long deadline = System.nanoTime() + duration * 1_000_000_000L;
        List<long[]> latencies = new ArrayList<>();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        String body = json.writeValueAsString(Map.of("answers", ANSWERS));
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[200_000];
            latencies.add(mine);
            new Thread(() -> {
                int n = 0;
                try {
                    while (System.nanoTime() < deadline) {
                        String token = "bench-token-%012d".formatted(next.incrementAndGet());
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/s/" + token + "/response"))
                                .header("Content-Type", "application/json").header("Idempotency-Key", "key-" + token)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long t0 = System.nanoTime();
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        long micros = (System.nanoTime() - t0) / 1_000;
                        if (response.statusCode() == 201) {
                            accepted.incrementAndGet();
                            mine[n++] = micros;
                        } else {
                            refused.incrementAndGet();
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    mine[mine.length - 1] = n;
                    done.countDown();
                }
            }).start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(l -> Arrays.stream(l, 0, (int) l[l.length - 1])).toArray();
        Run run = new Run(line, accepted.get(), refused.get(), elapsed, all);
        if (line.startsWith("warm")) {
            System.out.printf("warm-up: %d accepted in %.1f s%n", run.accepted(), elapsed);
        }
        return run;
    }

    /** pgbench at the same concurrency: one INSERT of the same row per transaction, each committed durably. */
    private Run pgbench(String storedAnswers) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench-data", "pgbench"));
        try (Stream<Path> old = Files.list(dir)) {
            old.forEach(p -> p.toFile().delete());
        }
        Path script = dir.resolve("insert-response.sql");
        Files.writeString(script, """
                INSERT INTO response (methodology_code, methodology_version, channel, answers, started_at, idempotency_key)
                VALUES ('sipas-2017', 1, 'WEB', '%s', now() - interval '5 minutes', 'pgbench-' || :client_id || '-' || random());
                """.formatted(storedAnswers.replace("'", "''")));
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)").matcher(dataSource.getJdbcUrl());
        if (!url.find()) {
            throw new IllegalStateException("cannot read host and port from " + dataSource.getJdbcUrl());
        }
        List<String> command = List.of("pgbench", "-n", "-M", "prepared", "-c", Integer.toString(clients), "-j", "2",
                "-T", Integer.toString(seconds), "-f", script.toString(), "-l", "--log-prefix", dir.resolve("log").toString(),
                "-h", url.group(1), "-p", url.group(2), "-U", dataSource.getUsername(), url.group(3));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("pgbench.out").toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed: " + Files.readString(dir.resolve("pgbench.out")));
        }
        String out = Files.readString(dir.resolve("pgbench.out"));
        Matcher processed = Pattern.compile("number of transactions actually processed: (\\d+)").matcher(out);
        Matcher failed = Pattern.compile("number of failed transactions: (\\d+)").matcher(out);
        int count = processed.find() ? Integer.parseInt(processed.group(1)) : 0;
        List<Long> latencies = new ArrayList<>();
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("log")).toList()) {
                for (String row : Files.readAllLines(log)) {
                    latencies.add(Long.parseLong(row.split(" ")[2]));
                }
            }
        }
        return new Run("pgbench: INSERT INTO response", count, failed.find() ? Integer.parseInt(failed.group(1)) : 0,
                seconds, latencies.stream().mapToLong(Long::longValue).toArray());
    }

    private static void print(Run run) {
        System.out.printf("%-34s %7d accepted %5d refused in %5.1f s: %8.1f /s   p50 %6.1f ms   p99 %6.1f ms%n", run.line(),
                run.accepted(), run.refused(), run.seconds(), run.perSecond(), run.percentileMillis(0.50),
                run.percentileMillis(0.99));
    }

    private static Map<String, String> answers(String... pairs) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            answers.put(pairs[i], pairs[i + 1]);
        }
        return answers;
    }
}
