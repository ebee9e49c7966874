package org.sipas.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.sipas.collection.SurveyTokens;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The closed loop under the collection benchmark's load: {@code bench.clients} (100) wrk
 * connections post whole SIPAS 2017 responses to {@code /s/{token}/response} as
 * {@link ResponseBenchmark} does (a fresh token each, an idempotency key, 201 after the commit),
 * every 20th request of each connection (5%) with the officials rated "Không hài lòng" (c12 = 2),
 * which sets off the shipped rule {@code officials-not-satisfied}; the tokens are spread over the
 * communes, so every case has a unit to own it.
 * <p>
 * Printed, in the same run: the submit rate with the rules on (the outbox trigger writes a row for
 * every response, the case opener judges them after each commit) against the baseline with the
 * rules of the version switched off (no outbox row, nothing judged), rounds taking turns; and the
 * time from submit to the case being visible: from the response's {@code submitted_at} (the start
 * of the transaction that stored it) to the first read of the case by a poller on its own
 * connection every {@link #POLL_MILLIS} ms, in PostgreSQL's clock ({@code clock_timestamp()}).
 */
public final class FeedbackBenchmark {

    private static final Map<String, String> SATISFIED = Wrk.answers("applicant_kind", "ca_nhan", "gender", "nu", "age", "42",
            "education", "dai_hoc", "occupation", "kinh_doanh", "result_date", "05/03/2025", "c01", "4", "c02", "5",
            "c03", "4", "c04", "4", "c05", "4", "c06", "4", "c07", "5", "c08", "4", "c09", "2", "c09_late_days", "12",
            "e2_expect", "rut_ngan giam_phi", "c10", "5", "c11", "5", "c12", "4", "c13", "4", "c14", "4", "c15", "5",
            "e3_expect", "thai_do", "c16", "4", "c17", "4", "c18", "4", "c19", "4", "c20", "4", "c21", "5", "c22", "5",
            "suggestion", "Cần thêm chỗ ngồi chờ và hướng dẫn rõ hơn.");
    /** The same respondent, but dissatisfied with how the official explained (c12 = 2, "Không hài lòng"). */
    private static final Map<String, String> ALERTING = with(SATISFIED, "c12", "2");
    /** One request in this many of each connection alerts: 5%. */
    private static final int ALERT_EVERY = 20;
    private static final int POLL_MILLIS = 10;
    private static final int WARM_UP_SLICE = 10;
    private static final long TOKENS_PER_SECOND = 6_000;

    private final int clients = Integer.getInteger("bench.clients", 100);
    private final int seconds = Integer.getInteger("bench.seconds", 30);
    private final int rounds = Integer.getInteger("bench.rounds", 3);
    private final int warmUp = Integer.getInteger("bench.warmup", 300);
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final String base;
    /** Cases seen by the poller: submit to visible, in ms. */
    private final List<Double> visible = Collections.synchronizedList(new ArrayList<>());
    private long nextToken;

    private FeedbackBenchmark(ConfigurableApplicationContext app) {
        this.jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        this.json = app.getBean(JsonMapper.class);
        this.base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    public static void main(String[] args) throws Exception {
        measure();
        System.exit(0);
    }

    static void measure() throws Exception {
        try (ConfigurableApplicationContext app = BenchContext.start()) {
            new FeedbackBenchmark(app).run(app.getBean(SurveyTokens.class));
        }
    }

    private void run(SurveyTokens tokens) throws Exception {
        System.out.printf("FeedbackBenchmark: %d clients, %d rounds of %d s with the rules on and %d s off, after at most %d s "
                + "of warm-up; 1 request in %d alerts; cases polled every %d ms%n", clients, rounds, seconds, seconds, warmUp,
                ALERT_EVERY, POLL_MILLIS);
        CatalogSeed.seed(jdbc, BenchContext.officialUnitList());
        tokens.issue("sipas-2017", 1, null, null);
        long needed = TOKENS_PER_SECOND * ((long) warmUp + 2L * seconds * rounds + WARM_UP_SLICE);
        // tokens spread over the communes (not timed): a case needs a unit whose head owns it
        jdbc.update("""
                INSERT INTO survey_token (token, methodology_code, methodology_version, channel, unit_id, expires_at)
                SELECT 'bench-token-' || lpad(i::text, 12, '0'), 'sipas-2017', 1, 'WEB', u.ids[1 + i % cardinality(u.ids)],
                       now() + interval '1 day'
                FROM generate_series(0, ?) i,
                     (SELECT array_agg(id ORDER BY id) AS ids FROM unit WHERE kind = 'COMMUNE') u""", needed);
        jdbc.execute("VACUUM ANALYZE survey_token");
        Integer rules = jdbc.queryForObject("""
                SELECT count(*) FROM alert_rule WHERE methodology_code = 'sipas-2017' AND methodology_version = 1 AND enabled""",
                Integer.class);
        System.out.printf("%d communes, %d tokens, %d enabled rules of sipas-2017 v1; load average at start %s%n",
                jdbc.queryForObject("SELECT count(*) FROM unit WHERE kind = 'COMMUNE'", Integer.class), needed + 1, rules,
                loadAverage());
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread poller = new Thread(() -> poll(polling), "bench-case-poller");
        poller.setDaemon(true);
        poller.start();

        warmUpRounds();
        List<Wrk.Run> on = new ArrayList<>();
        List<Wrk.Run> off = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> visibleOn = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // the two take turns, and their order too, so that drift of the machine falls on both
            Wrk.Run first;
            Wrk.Run second;
            if (round % 2 == 0) {
                first = withRules(true, visibleOn);
                second = withRules(false, visibleOn);
            } else {
                first = withRules(false, visibleOn);
                second = withRules(true, visibleOn);
            }
            Wrk.Run mine = first.line().startsWith("rules on") ? first : second;
            Wrk.Run theirs = mine == first ? second : first;
            System.out.printf("round %d (load average %s)%n", round + 1, loadAverage());
            Wrk.print(first);
            Wrk.print(second);
            on.add(mine);
            off.add(theirs);
            ratios.add(mine.perSecond() / theirs.perSecond());
        }
        polling.set(false);
        poller.join();
        double[] sorted = visibleOn.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("median of %d rounds:%n", rounds);
        System.out.printf("%-44s %8.1f /s   p50 %6.1f ms   p99 %6.1f ms%n", "ours: rules on (5% alerting)",
                Wrk.median(on, Wrk.Run::perSecond), Wrk.median(on, Wrk.Run::p50Millis), Wrk.median(on, Wrk.Run::p99Millis));
        System.out.printf("%-44s %8.1f /s   p50 %6.1f ms   p99 %6.1f ms%n", "baseline: rules off",
                Wrk.median(off, Wrk.Run::perSecond), Wrk.median(off, Wrk.Run::p50Millis), Wrk.median(off, Wrk.Run::p99Millis));
        double ratio = Wrk.median(ratios, r -> r);
        System.out.printf("ratio rules on / off: %.1f%% of the rate (rounds: %s): %.1f%% lower (goal < 10%% lower)%n",
                100 * ratio, ratios.stream().map(r -> "%.1f%%".formatted(100 * r)).toList(), 100 * (1 - ratio));
        System.out.printf("submit to case visible, %d cases of the timed rounds: p50 %.1f ms, p99 %.1f ms, max %.1f ms "
                        + "(poll every %d ms); load average at the end %s%n", sorted.length, percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1], POLL_MILLIS, loadAverage());
    }

    /** Slices of 10 s with the rules on until the rate stops rising, as {@link ResponseBenchmark}'s warm-up. */
    private void warmUpRounds() throws Exception {
        double fastest = 0;
        int calm = 0;
        List<String> rates = new ArrayList<>();
        int least = Math.min(150, warmUp);
        int length = Math.min(WARM_UP_SLICE, warmUp);
        for (int elapsed = 0; elapsed < warmUp && (elapsed < least || calm < 3); elapsed += length) {
            Wrk.Run slice = post("warm-up", length);
            calm = slice.perSecond() < fastest * 1.03 ? calm + 1 : 0;
            fastest = Math.max(fastest, slice.perSecond());
            rates.add("%.0f".formatted(slice.perSecond()));
        }
        drained();
        visible.clear();
        System.out.printf("warm-up (rules on): %d s, responses/s per %d s: %s%n", rates.size() * length, length, rates);
    }

    /**
     * One timed phase with the version's rules switched on or off; afterwards waits for the
     * outbox to empty (not timed) and checks that every stored alerting response got its one case.
     */
    private Wrk.Run withRules(boolean enabled, List<Double> visibleOn) throws Exception {
        jdbc.update("UPDATE alert_rule SET enabled = ? WHERE methodology_code = 'sipas-2017' AND methodology_version = 1", enabled);
        jdbc.execute("CHECKPOINT");
        long first = nextToken;
        long casesBefore = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM feedback_case", Long.class);
        Wrk.Run run = post(enabled ? "rules on: POST /s/{token}/response" : "rules off: POST /s/{token}/response", seconds);
        drained();
        String from = "bench-token-%012d".formatted(first);
        String to = "bench-token-%012d".formatted(nextToken);
        long alerting = jdbc.queryForObject("""
                SELECT count(*) FROM response WHERE token >= ? AND token < ? AND answers->>'c12' = '2'""", Long.class, from, to);
        long cases = jdbc.queryForObject("""
                SELECT count(*) FROM feedback_case c JOIN response r ON r.id = c.response_id
                WHERE c.id > ? AND r.token >= ? AND r.token < ?""", Long.class, casesBefore, from, to);
        System.out.printf("  %s: %d alerting responses stored, %d cases opened%s%n", run.line(), alerting, cases,
                enabled && cases != alerting ? "  (MISMATCH)" : "");
        synchronized (visible) {
            if (enabled) {
                visibleOn.addAll(visible);
            }
            visible.clear();
        }
        return run;
    }

    /** Until the outbox is empty (at most 60 s), so that a phase's cases are not counted in the next. */
    private void drained() throws InterruptedException {
        for (int i = 0; i < 6_000 && jdbc.queryForObject("SELECT count(*) FROM alert_outbox", Long.class) > 0; i++) {
            Thread.sleep(POLL_MILLIS);
        }
        // the poller's last read after the opener's last commit
        Thread.sleep(3L * POLL_MILLIS);
    }

    /** Reads the cases opened since its last read, each with the time from its response's submit to now. */
    private void poll(AtomicBoolean polling) {
        long last = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM feedback_case", Long.class);
        while (polling.get()) {
            List<long[]> seen = jdbc.query("""
                    SELECT c.id, (extract(epoch FROM clock_timestamp() - r.submitted_at) * 1000000)::bigint AS micros
                    FROM feedback_case c JOIN response r ON r.id = c.response_id WHERE c.id > ? ORDER BY c.id""",
                    (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, last);
            for (long[] c : seen) {
                visible.add(c[1] / 1000.0);
                last = Math.max(last, c[0]);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** wrk as in {@link ResponseBenchmark}, each connection posting the alerting body every 20th request. */
    private Wrk.Run post(String line, int duration) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bench-data", "wrk-feedback"));
        Path satisfied = dir.resolve("satisfied.json");
        Path alerting = dir.resolve("alerting.json");
        Files.writeString(satisfied, json.writeValueAsString(Map.of("answers", SATISFIED)));
        Files.writeString(alerting, json.writeValueAsString(Map.of("answers", ALERTING)));
        long first = nextToken;
        nextToken += TOKENS_PER_SECOND * duration;
        return Wrk.post(line, dir, WRK_SCRIPT, base, clients, duration, List.of(Long.toString(first),
                Integer.toString(Wrk.THREADS), satisfied.toString(), alerting.toString(), Integer.toString(ALERT_EVERY)));
    }

    /** {@link ResponseBenchmark}'s requests, with a second body for every {@code every}-th request of a thread. */
    private static final String WRK_SCRIPT = """
            local function read(path)
              local file = io.open(path, "rb"); local text = file:read("*a"); file:close(); return text
            end
            function init(args)
              first, stride = tonumber(args[1]), tonumber(args[2])
              body, alerting, every = read(args[3]), read(args[4]), tonumber(args[5])
              sent, created, other = 0, 0, 0
            end
            function request()
              local token = string.format("bench-token-%012d", first + index + stride * sent)
              local payload = (sent % every == every - 1) and alerting or body
              sent = sent + 1
              return wrk.format("POST", "/s/" .. token .. "/response",
                { ["Content-Type"] = "application/json", ["Idempotency-Key"] = "key-" .. token }, payload)
            end
            """;

    private static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    private static Map<String, String> with(Map<String, String> answers, String question, String answer) {
        Map<String, String> changed = new LinkedHashMap<>(answers);
        changed.put(question, answer);
        return changed;
    }
}
