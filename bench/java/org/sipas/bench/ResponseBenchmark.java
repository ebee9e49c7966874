package org.sipas.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.sipas.collection.CollectionBenchmarks;
import org.sipas.collection.SurveyTokens;
import org.sipas.web.WebBenchmarks;
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
 * <p>
 * With {@code bench.variants} (e.g. {@code default,no-path-first,no-token-gathering}), the server's
 * switches are turned on the running server so that each variant is measured on its own in the
 * same run: the warm-up's slices and every round's runs of ours take the variants in turn, each
 * round against the same pgbench run, and each variant's rate, p99 and ratio to pgbench are
 * printed. One server for all, so that the variants share the JIT's warm-up, the pools, the caches
 * and the database; starting one server per variant would compare servers as much as switches.
 */
public final class ResponseBenchmark {

    /** The SIPAS 2017 answers of one respondent, as typed; every criterion rated. */
    static final Map<String, String> ANSWERS = Wrk.answers("applicant_kind", "ca_nhan", "gender", "nu", "age", "42",
            "education", "dai_hoc", "occupation", "kinh_doanh", "result_date", "05/03/2025", "c01", "4", "c02", "5",
            "c03", "4", "c04", "4", "c05", "4", "c06", "4", "c07", "5", "c08", "9", "c09", "2", "c09_late_days", "12",
            "e2_expect", "rut_ngan giam_phi", "c10", "5", "c11", "5", "c12", "4", "c13", "3", "c14", "4", "c15", "0",
            "e3_expect", "thai_do", "c16", "4", "c17", "4", "c18", "4", "c19", "4", "c20", "4", "c21", "5", "c22", "5",
            "suggestion", "Cần thêm chỗ ngồi chờ và hướng dẫn rõ hơn.");

    private final int clients = Integer.getInteger("bench.clients", 100);
    private final int seconds = Integer.getInteger("bench.seconds", 30);
    private final int rounds = Integer.getInteger("bench.rounds", 3);
    /**
     * The most seconds of warm-up. The JIT compiles the request path while it serves (pgbench needs
     * no warm-up), and on 2 cores the rate still rose after 100 s of load, C2 competing with the
     * server for the cores; so the warm-up goes on in slices until the rate stops rising.
     */
    private final int warmUp = Integer.getInteger("bench.warmup", 300);
    /** Empty: the server as its settings start it, measured and printed as before the variants existed. */
    private final List<Variant> variants = Variant.parse(System.getProperty("bench.variants", ""));
    private static final int WARM_UP_SLICE = 10;
    /** Tokens written per second of a run: about twice what any run here has posted. */
    private static final long TOKENS_PER_SECOND = 6_000;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final HikariDataSource dataSource;
    private final String base;
    private final String httpThreads;
    private final WebBenchmarks web;
    private final CollectionBenchmarks collection;

    /**
     * Which of the server's switches a variant turns off ({@code sipas.web.path-first-lookup},
     * {@code sipas.collection.gather-token-reads}); {@code default} turns both on.
     */
    private record Variant(String name, boolean pathFirst, boolean gatherTokenReads) {

        /** Comma-separated names; each one {@code default} or its switches off joined by {@code +}. */
        static List<Variant> parse(String option) {
            List<Variant> variants = new ArrayList<>();
            for (String name : option.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                boolean pathFirst = true;
                boolean gatherTokenReads = true;
                for (String word : name.strip().split("\\+")) {
                    switch (word) {
                        case "default" -> { }
                        case "no-path-first" -> pathFirst = false;
                        case "no-token-gathering" -> gatherTokenReads = false;
                        default -> throw new IllegalArgumentException("bench.variants: no variant " + word
                                + " (default, no-path-first, no-token-gathering, or the last two joined by +)");
                    }
                }
                variants.add(new Variant(name.strip(), pathFirst, gatherTokenReads));
            }
            return variants;
        }
    }

    private ResponseBenchmark(ConfigurableApplicationContext app) {
        this.dataSource = (HikariDataSource) app.getBean(DataSource.class);
        this.jdbc = new JdbcTemplate(dataSource);
        this.json = app.getBean(JsonMapper.class);
        this.base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        this.httpThreads = app.getEnvironment().getProperty("server.tomcat.threads.max", "200");
        this.web = new WebBenchmarks(app);
        this.collection = new CollectionBenchmarks(app);
    }

    public static void main(String[] args) throws Exception {
        measure();
        System.exit(0);
    }

    static void measure() throws Exception {
        try (ConfigurableApplicationContext app = BenchContext.start()) {
            new ResponseBenchmark(app).run(app.getBean(SurveyTokens.class));
        }
    }

    private void run(SurveyTokens tokens) throws Exception {
        System.out.printf("ResponseBenchmark: %d clients, %d rounds of %d s after at most %d s of warm-up, pool of %d connections, "
                        + "%s HTTP threads, synchronous_commit=%s%n", clients, rounds, seconds, warmUp,
                dataSource.getMaximumPoolSize(), httpThreads, jdbc.queryForObject("SHOW synchronous_commit", String.class));
        if (!variants.isEmpty()) {
            System.out.printf("variants, in turn in the warm-up and in every round, switched on the running server: %s%n",
                    variants.stream().map(Variant::name).toList());
        }
        // the server as started when no variants are asked for: one turn, with no switch touched
        int turns = Math.max(1, variants.size());
        // tokens enough for the fastest conceivable run; written in bulk (not timed), as issue() would write them
        tokens.issue("sipas-2017", 1, null, null);
        long warmUpTokens = TOKENS_PER_SECOND * warmUp;
        long roundTokens = TOKENS_PER_SECOND * seconds;
        jdbc.update("""
                INSERT INTO survey_token (token, methodology_code, methodology_version, channel, expires_at)
                SELECT 'bench-token-' || lpad(i::text, 12, '0'), 'sipas-2017', 1, 'WEB', now() + interval '1 day'
                FROM generate_series(0, ?) i""", warmUpTokens + roundTokens * rounds * turns);
        // as autovacuum would have long since done on a server in use: the planner knows the table's size
        jdbc.execute("VACUUM ANALYZE survey_token");
        jdbc.execute("CHECKPOINT");
        long warmUpEnd = warmUp(turns);
        // ours and pgbench take turns, so that a slow spell of the machine's disk or of a neighbour falls on both
        List<List<Wrk.Run>> ours = new ArrayList<>();
        List<List<Double>> ratios = new ArrayList<>();
        for (int turn = 0; turn < turns; turn++) {
            ours.add(new ArrayList<>());
            ratios.add(new ArrayList<>());
        }
        List<Wrk.Run> baseline = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // the variants' order turns from round to round, so that none always runs first after pgbench
            List<Integer> order = new ArrayList<>();
            List<String> storedCounts = new ArrayList<>();
            Wrk.Run[] mine = new Wrk.Run[turns];
            long stored = 0;
            for (int k = 0; k < turns; k++) {
                int turn = (round + k) % turns;
                long first = warmUpEnd + roundTokens * ((long) round * turns + k);
                switchTo(turn);
                jdbc.execute("CHECKPOINT");
                mine[turn] = post(label(turn), seconds, first);
                stored = jdbc.queryForObject("SELECT count(*) FROM response WHERE token >= ? AND token < ?", Long.class,
                        "bench-token-%012d".formatted(first), "bench-token-%012d".formatted(first + roundTokens));
                order.add(turn);
                storedCounts.add("%s %d / %d".formatted(variants.isEmpty() ? "" : variants.get(turn).name(), stored,
                        mine[turn].accepted()));
            }
            String answers = jdbc.queryForObject("SELECT answers::text FROM response ORDER BY id DESC LIMIT 1", String.class);
            jdbc.execute("CHECKPOINT");
            Wrk.Run theirs = pgbench(answers, false);
            if (variants.isEmpty()) {
                System.out.printf("round %d (stored %d responses, %d answered 201, the rest in flight when wrk stopped)%n",
                        round + 1, stored, mine[0].accepted());
            } else {
                System.out.printf("round %d (stored / answered 201: %s; the rest in flight when wrk stopped)%n",
                        round + 1, String.join(", ", storedCounts));
            }
            for (int turn : order) {
                Wrk.print(mine[turn]);
            }
            Wrk.print(theirs);
            baseline.add(theirs);
            for (int turn = 0; turn < turns; turn++) {
                ours.get(turn).add(mine[turn]);
                ratios.get(turn).add(mine[turn].perSecond() / theirs.perSecond());
            }
        }
        System.out.printf("median of %d rounds:%n", rounds);
        for (int turn = 0; turn < turns; turn++) {
            List<Wrk.Run> runs = ours.get(turn);
            System.out.printf("%-34s %8.1f /s   p50 %6.1f ms   p99 %6.1f ms%n", label(turn),
                    Wrk.median(runs, Wrk.Run::perSecond), Wrk.median(runs, Wrk.Run::p50Millis), Wrk.median(runs, Wrk.Run::p99Millis));
        }
        System.out.printf("%-34s %8.1f /s   p50 %6.1f ms   p99 %6.1f ms%n", "pgbench: INSERT INTO response",
                Wrk.median(baseline, Wrk.Run::perSecond), Wrk.median(baseline, Wrk.Run::p50Millis), Wrk.median(baseline, Wrk.Run::p99Millis));
        for (int turn = 0; turn < turns; turn++) {
            List<Wrk.Run> runs = ours.get(turn);
            List<Double> roundRatios = ratios.get(turn);
            String ofFirst = "";
            if (turn > 0) {
                List<Double> toFirst = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    toFirst.add(runs.get(round).perSecond() / ours.get(0).get(round).perSecond());
                }
                ofFirst = "; rate %.1f%% of %s's (rounds: %s)".formatted(100 * Wrk.median(toFirst, r -> r), variants.get(0).name(),
                        toFirst.stream().map(r -> "%.1f%%".formatted(100 * r)).toList());
            }
            System.out.printf("ratio %s / pgbench INSERT: %.1f%% of the rate (rounds: %s); p99 %.2f× pgbench's%s%n",
                    variants.isEmpty() ? "ours" : label(turn), 100 * Wrk.median(roundRatios, r -> r),
                    roundRatios.stream().map(r -> "%.1f%%".formatted(100 * r)).toList(),
                    Wrk.median(runs, Wrk.Run::p99Millis) / Wrk.median(baseline, Wrk.Run::p99Millis), ofFirst);
        }
        // For reference, not the goal's baseline: the same INSERT without the response's statement
        // triggers (tallies, quality flags, alert outbox), which a one-row statement pays once per row
        // and a gathered commit once per batch. Shows what PostgreSQL's bare INSERT does here.
        jdbc.execute("CHECKPOINT");
        String answers = jdbc.queryForObject("SELECT answers::text FROM response ORDER BY id DESC LIMIT 1", String.class);
        Wrk.Run bare = pgbench(answers, true);
        Wrk.print(bare);
        for (int turn = 0; turn < turns; turn++) {
            List<Wrk.Run> runs = ours.get(turn);
            System.out.printf("for reference: %s / pgbench INSERT without the triggers: %.1f%% of the rate; p99 %.2f×%n",
                    variants.isEmpty() ? "ours" : label(turn), 100 * Wrk.median(runs, Wrk.Run::perSecond) / bare.perSecond(),
                    Wrk.median(runs, Wrk.Run::p99Millis) / bare.p99Millis());
        }
    }

    /** What a variant's lines are called: as before the variants existed when none is asked for. */
    private String label(int turn) {
        return variants.isEmpty() ? "ours: POST /s/{token}/response" : "ours, " + variants.get(turn).name();
    }

    /** The variant's switches on the running server, from the next request on; nothing when no variants are asked for. */
    private void switchTo(int turn) {
        if (!variants.isEmpty()) {
            Variant variant = variants.get(turn);
            web.pathFirstLookup(variant.pathFirst());
            collection.gatherTokenReads(variant.gatherTokenReads());
        }
    }

    /**
     * Slices of {@link #WARM_UP_SLICE} seconds, at least 150 s' worth (the rate rose for about that
     * long in every run here), until three slices in a row are less than 3% faster than the fastest
     * before them, or {@link #warmUp} seconds have passed. With variants, the slices take them in
     * turn (so that the JIT compiles each one's path), and each variant needs three such slices of
     * its own in a row, measured against its own fastest.
     *
     * @return the first token after the warm-up's
     */
    private long warmUp(int turns) throws Exception {
        long first = 0;
        double[] fastest = new double[turns];
        int[] calm = new int[turns];
        List<String> rates = new ArrayList<>();
        int slice = Math.min(WARM_UP_SLICE, warmUp);
        for (int elapsed = 0; elapsed < warmUp && (elapsed < 150 || Arrays.stream(calm).anyMatch(c -> c < 3)); elapsed += slice) {
            int turn = rates.size() % turns;
            switchTo(turn);
            Wrk.Run run = post("warm-up", slice, first);
            first += TOKENS_PER_SECOND * slice;
            calm[turn] = run.perSecond() < fastest[turn] * 1.03 ? calm[turn] + 1 : 0;
            fastest[turn] = Math.max(fastest[turn], run.perSecond());
            rates.add("%.0f".formatted(run.perSecond()));
        }
        System.out.printf("warm-up: %d s, responses/s per %d s: %s%s%n", rates.size() * slice, slice, rates,
                variants.isEmpty() ? "" : " (the variants in turn, from the first)");
        return first;
    }

    /**
     * wrk posting for {@code duration} seconds from {@code bench.clients} connections, a fresh
     * token per request from {@code first} on.
     */
    private Wrk.Run post(String line, int duration, long first) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench-data", "wrk"));
        Path body = dir.resolve("response.json");
        Files.writeString(body, json.writeValueAsString(Map.of("answers", ANSWERS)));
        return Wrk.post(line, dir, WRK_SCRIPT, base, clients, duration,
                List.of(Long.toString(first), Integer.toString(Wrk.THREADS), body.toString()));
    }

    /**
     * Each request posts the next token of its thread (first + thread + threads × n), so no two
     * requests share one; a response counts as accepted only when it is 201. wrk's own histogram
     * gives the latencies of every request.
     */
    static final String WRK_SCRIPT = """
            function init(args)
              first, stride = tonumber(args[1]), tonumber(args[2])
              local file = io.open(args[3], "rb"); body = file:read("*a"); file:close()
              sent, created, other = 0, 0, 0
            end
            function request()
              local token = string.format("bench-token-%012d", first + index + stride * sent)
              sent = sent + 1
              return wrk.format("POST", "/s/" .. token .. "/response",
                { ["Content-Type"] = "application/json", ["Idempotency-Key"] = "key-" .. token }, body)
            end
            """;

    /**
     * pgbench at the same concurrency: one INSERT of the same row per transaction, each committed
     * durably; with {@code triggersOff}, on sessions in the replica role, where ordinary triggers
     * do not fire.
     */
    private Wrk.Run pgbench(String storedAnswers, boolean triggersOff) throws Exception {
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
        ProcessBuilder pgbench = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("pgbench.out").toFile());
        // the embedded server asks for its password; the environment keeps it off the command line
        pgbench.environment().put("PGPASSWORD", dataSource.getPassword());
        if (triggersOff) {
            pgbench.environment().put("PGOPTIONS", "-c session_replication_role=replica");
        }
        Process process = pgbench.start();
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
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Wrk.Run(triggersOff ? "pgbench: INSERT, triggers off" : "pgbench: INSERT INTO response", count, failed.find() ? Integer.parseInt(failed.group(1)) : 0,
                seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }
}
