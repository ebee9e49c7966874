package org.sipas.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.sipas.collection.SurveyTokens;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * The citizen's questionnaire page, {@code GET /s/{token}} (the first step, as a QR code on a
 * receipt opens it), against nginx serving the same HTML as a file, in one run. wrk from
 * {@code bench.clients} (100) connections on two threads; every request opens a token of its own,
 * as every visitor of a QR campaign does. After a warm-up in 10 s slices (at least 30 s, until
 * three slices in a row are less than 3% faster than the fastest before them, at most
 * {@code bench.warmup} s), {@code bench.rounds} (3) rounds of {@code bench.seconds} (30) each,
 * sipas then nginx. Prints the medians, the ratio of the rates (goal ≥ 0.30) and of the p99s
 * (goal ≤ 3), and what the page's answer carries that a file's does not (cookies, cache headers).
 */
public final class PageBenchmark {

    private static final int WARM_UP_SLICE = 10;
    private static final long TOKENS_PER_SECOND = 12_000;

    private final int clients = Integer.getInteger("bench.clients", 100);
    private final int seconds = Integer.getInteger("bench.seconds", 30);
    private final int rounds = Integer.getInteger("bench.rounds", 3);
    private final int warmUp = Integer.getInteger("bench.warmup", 300);
    private final JdbcTemplate jdbc;
    private final String base;
    private long next;

    private PageBenchmark(ConfigurableApplicationContext app) {
        this.jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        this.base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    public static void main(String[] args) throws Exception {
        measure();
        System.exit(0);
    }

    static void measure() throws Exception {
        try (ConfigurableApplicationContext app = BenchContext.start()) {
            new PageBenchmark(app).run(app.getBean(SurveyTokens.class));
        }
    }

    private void run(SurveyTokens tokens) throws Exception {
        Path work = Files.createDirectories(Path.of("target", "bench-data", "page").toAbsolutePath());
        Files.createDirectories(work.resolve("html"));
        tokens.issue("sipas-2017", 1, null, null);
        long needed = TOKENS_PER_SECOND * ((long) warmUp + WARM_UP_SLICE + (long) seconds * rounds) + 1;
        // tokens for the fastest conceivable run, written in bulk (not timed), as issue() would write them
        jdbc.update("""
                INSERT INTO survey_token (token, methodology_code, methodology_version, channel, expires_at)
                SELECT 'bench-token-' || lpad(i::text, 12, '0'), 'sipas-2017', 1, 'WEB', now() + interval '1 day'
                FROM generate_series(0, ?) i""", needed);
        jdbc.execute("VACUUM ANALYZE survey_token");

        String path = "/s/" + token(next++);
        HttpResponse<byte[]> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (page.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + page.statusCode());
        }
        Files.write(work.resolve("html").resolve("questionnaire.html"), page.body());
        System.out.printf("PageBenchmark: GET /s/{token} (the first step, %,d bytes), a token per request, %d connections, "
                        + "%d rounds of %d s after at most %d s of warm-up, %d cores%n", page.body().length, clients, rounds, seconds,
                warmUp, Runtime.getRuntime().availableProcessors());
        System.out.println("  its answer's headers: " + headers(page));
        // the next link's first step is given from the page just drawn (collection.FirstSteps): the same headers
        HttpResponse<byte[]> kept = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/s/" + token(next++)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        System.out.printf("  the next link's (%d, %,d bytes): %s%n", kept.statusCode(), kept.body().length, headers(kept));

        try (Nginx nginx = Nginx.serve(work, "questionnaire.html")) {
            String file = nginx.url("questionnaire.html");
            warmUp(work);
            Wrk.print(Wrk.get("warm-up nginx", work, file, clients, Math.min(WARM_UP_SLICE, warmUp)));
            List<Wrk.Run> ours = new ArrayList<>();
            List<Wrk.Run> theirs = new ArrayList<>();
            List<String> perPage = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                long before = transactions();
                Wrk.Run a = pages("round " + round + " sipas GET /s/{token}", work, seconds);
                Wrk.print(a);
                ours.add(a);
                Wrk.Run b = Wrk.get("round " + round + " nginx same page as a file", work, file, clients, seconds);
                Wrk.print(b);
                theirs.add(b);
                // read after nginx's round: an idle connection reports its counts within 10 s (PostgreSQL's stats)
                perPage.add("%.3f".formatted((transactions() - before) / (double) Math.max(1, a.accepted())));
            }
            System.out.println("PostgreSQL transactions per sipas page (each statement of the page is one; "
                    + "the background jobs' few a second included): " + perPage);
            double ourRate = Wrk.median(ours, Wrk.Run::perSecond);
            double theirRate = Wrk.median(theirs, Wrk.Run::perSecond);
            double ourP99 = Wrk.median(ours, Wrk.Run::p99Millis);
            double theirP99 = Wrk.median(theirs, Wrk.Run::p99Millis);
            System.out.printf("%nmedian of %d rounds: sipas %.0f requests/s (p99 %.1f ms), nginx %.0f requests/s (p99 %.1f ms)%n",
                    rounds, ourRate, ourP99, theirRate, theirP99);
            System.out.printf("ratio sipas / nginx: %.3f of the rate (goal >= 0.30); p99 %.2f× nginx's (goal <= 3)%n",
                    ourRate / theirRate, ourP99 / theirP99);
            int refused = ours.stream().mapToInt(Wrk.Run::refused).sum() + theirs.stream().mapToInt(Wrk.Run::refused).sum();
            if (refused > 0) {
                System.out.println("WARNING: " + refused + " answers were not 200");
            }
        }
    }

    private void warmUp(Path work) throws Exception {
        double fastest = 0;
        int calm = 0;
        int slice = Math.min(WARM_UP_SLICE, warmUp);
        List<String> rates = new ArrayList<>();
        for (int elapsed = 0; elapsed < warmUp && (elapsed < Math.min(30, warmUp) || calm < 3); elapsed += slice) {
            Wrk.Run run = pages("warm-up", work, slice);
            calm = run.perSecond() < fastest * 1.03 ? calm + 1 : 0;
            fastest = Math.max(fastest, run.perSecond());
            rates.add("%.0f".formatted(run.perSecond()));
        }
        System.out.printf("warm-up: %d s, pages/s per %d s: %s%n", rates.size() * slice, slice, rates);
    }

    private static String headers(HttpResponse<?> page) {
        return page.headers().map().entrySet().stream().filter(h -> !h.getKey().equals(":status"))
                .map(h -> h.getKey() + ": " + String.join(", ", h.getValue())).collect(Collectors.joining(" | "));
    }

    /** The transactions PostgreSQL counted in the database so far, committed or not. */
    private long transactions() {
        return jdbc.queryForObject("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()",
                Long.class);
    }

    /** GETs for {@code duration} seconds, each of a token no request used before. */
    private Wrk.Run pages(String line, Path work, int duration) throws Exception {
        Wrk.Run run = Wrk.scripted(line, work, SCRIPT, 200, base, clients, duration,
                List.of(Long.toString(next), Integer.toString(Wrk.THREADS)));
        next += TOKENS_PER_SECOND * duration;
        return run;
    }

    private static String token(long n) {
        return "bench-token-%012d".formatted(n);
    }

    /** Each request opens the next token of its thread (first + thread + threads × n). */
    private static final String SCRIPT = """
            function init(args)
              first, stride = tonumber(args[1]), tonumber(args[2])
              sent, created, other = 0, 0, 0
            end
            function request()
              local token = string.format("bench-token-%012d", first + index + stride * sent)
              sent = sent + 1
              return wrk.format("GET", "/s/" .. token)
            end
            """;
}
