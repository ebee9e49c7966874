package org.sipas.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (Debian's, from PATH) as the benchmarks' HTTP clients: a separate process written in C, so
 * that the clients cost the 2 cores as little as pgbench does. A benchmark gives the Lua functions
 * {@code init} and {@code request}; the ones here count the 201 answers across threads and print
 * one RESULT line with wrk's own latency histogram of every request.
 */
final class Wrk {

    /** One load run: accepted = answered 201; refused = any other answer or a socket error. */
    record Run(String line, int accepted, int refused, double seconds, long p50Micros, long p99Micros) {

        double perSecond() {
            return accepted / seconds;
        }

        double p50Millis() {
            return p50Micros / 1000.0;
        }

        double p99Millis() {
            return p99Micros / 1000.0;
        }
    }

    /** setup, response and done: each thread gets its index; only the expected status (%d) counts as created. */
    private static final String COUNTING = """
            local threads = {}
            function setup(thread)
              thread:set("index", #threads)
              table.insert(threads, thread)
            end
            function response(status, headers, body)
              if status == %d then created = created + 1 else other = other + 1 end
            end
            function done(summary, latency, requests)
              local c, o = 0, 0
              for _, t in ipairs(threads) do c = c + t:get("created"); o = o + t:get("other") end
              local e = summary.errors
              io.write(string.format("RESULT created=%%d other=%%d errors=%%d seconds=%%.3f p50us=%%d p99us=%%d\\n", c, o,
                e.connect + e.read + e.write + e.timeout, summary.duration / 1e6, latency:percentile(50), latency:percentile(99)))
            end
            """;

    static final int THREADS = 2;

    private Wrk() {
    }

    /**
     * Runs wrk for {@code duration} seconds from {@code clients} connections on {@link #THREADS}
     * threads against {@code base}, with {@link #COUNTING} plus the benchmark's {@code functions}.
     *
     * @param args the script's arguments (its {@code init(args)})
     */
    static Run post(String line, Path dir, String functions, String base, int clients, int duration, List<String> args)
            throws Exception {
        return scripted(line, dir, functions, 201, base, clients, duration, args);
    }

    /** As {@link #post}, for a script whose requests succeed with {@code expected} (200 for a page). */
    static Run scripted(String line, Path dir, String functions, int expected, String base, int clients, int duration,
                        List<String> args) throws Exception {
        Path script = dir.resolve("requests.lua");
        Files.writeString(script, COUNTING.formatted(expected) + functions);
        List<String> command = new ArrayList<>(List.of("wrk", "-t", Integer.toString(THREADS), "-c", Integer.toString(clients),
                "-d", duration + "s", "--timeout", "10s", "-s", script.toString(), base, "--"));
        command.addAll(args);
        Path out = dir.resolve(line.startsWith("warm") ? "warm-up.out" : "wrk.out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + Files.readString(out));
        }
        Matcher result = Pattern.compile("RESULT created=(\\d+) other=(\\d+) errors=(\\d+) seconds=([\\d.]+) p50us=(\\d+) p99us=(\\d+)")
                .matcher(Files.readString(out));
        if (!result.find()) {
            throw new IllegalStateException("no result in " + out + ": " + Files.readString(out));
        }
        return new Run(line, Integer.parseInt(result.group(1)), Integer.parseInt(result.group(2)) + Integer.parseInt(result.group(3)),
                Double.parseDouble(result.group(4)), Long.parseLong(result.group(5)), Long.parseLong(result.group(6)));
    }

    /** Counts the 200 answers of plain GETs (any other answer is refused), with the same RESULT line. */
    static final String GETS = """
            local threads = {}
            function setup(thread)
              table.insert(threads, thread)
            end
            function init(args)
              created = 0
              other = 0
            end
            function response(status, headers, body)
              if status == 200 then created = created + 1 else other = other + 1 end
            end
            function done(summary, latency, requests)
              local c, o = 0, 0
              for _, t in ipairs(threads) do c = c + t:get("created"); o = o + t:get("other") end
              local e = summary.errors
              io.write(string.format("RESULT created=%d other=%d errors=%d seconds=%.3f p50us=%d p99us=%d\\n", c, o,
                e.connect + e.read + e.write + e.timeout, summary.duration / 1e6, latency:percentile(50), latency:percentile(99)))
            end
            """;

    /** wrk GETting {@code url} for {@code duration} seconds from {@code clients} connections; only a 200 counts. */
    static Run get(String line, Path dir, String url, int clients, int duration) throws Exception {
        Path script = dir.resolve("get.lua");
        Files.writeString(script, GETS);
        Path out = dir.resolve(line.replaceAll("[^A-Za-z0-9]+", "-") + ".out");
        Process process = new ProcessBuilder("wrk", "-t", Integer.toString(THREADS), "-c", Integer.toString(clients),
                "-d", duration + "s", "--timeout", "10s", "-s", script.toString(), url)
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + Files.readString(out));
        }
        Matcher result = Pattern.compile("RESULT created=(\\d+) other=(\\d+) errors=(\\d+) seconds=([\\d.]+) p50us=(\\d+) p99us=(\\d+)")
                .matcher(Files.readString(out));
        if (!result.find()) {
            throw new IllegalStateException("no result in " + out + ": " + Files.readString(out));
        }
        return new Run(line, Integer.parseInt(result.group(1)), Integer.parseInt(result.group(2)) + Integer.parseInt(result.group(3)),
                Double.parseDouble(result.group(4)), Long.parseLong(result.group(5)), Long.parseLong(result.group(6)));
    }

    static <T> double median(List<T> values, ToDoubleFunction<T> of) {
        double[] sorted = values.stream().mapToDouble(of).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    static void print(Run run) {
        System.out.printf("%-40s %7d accepted %5d refused in %5.1f s: %8.1f /s   p50 %6.1f ms   p99 %6.1f ms%n", run.line(),
                run.accepted(), run.refused(), run.seconds(), run.perSecond(), run.p50Millis(), run.p99Millis());
    }

    /** question → answer, in order, from alternating names and answers. */
    static Map<String, String> answers(String... pairs) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            answers.put(pairs[i], pairs[i + 1]);
        }
        return answers;
    }
}
