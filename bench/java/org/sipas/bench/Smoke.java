package org.sipas.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every benchmark once at a tiny size, each on a fresh database of its own, so that CI fails when
 * one no longer runs (a renamed column, a new foreign key, a tool missing). Its figures measure
 * nothing: the sizes are far too small. Run by {@code .ci/run} after the tests:
 *
 * <pre>mvn -q -Pbench test-compile exec:exec -Dbench=Smoke</pre>
 */
public final class Smoke {

    interface Benchmark {
        void measure() throws Exception;
    }

    private Smoke() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Benchmark> all = new LinkedHashMap<>();
        all.put("FrameImportBenchmark", FrameImportBenchmark::measure);
        all.put("SamplingBenchmark", SamplingBenchmark::measure);
        all.put("ResponseBenchmark", ResponseBenchmark::measure);
        all.put("FeedbackBenchmark", FeedbackBenchmark::measure);
        all.put("IndexBenchmark", IndexBenchmark::measure);
        all.put("PortalBenchmark", PortalBenchmark::measure);
        all.put("PageBenchmark", PageBenchmark::measure);
        all.put("FootprintBenchmark", FootprintBenchmark::measure);
        // tiny: a few thousand rows, one round of one second, a warm-up of one second
        System.setProperty("bench.rows", "3000");
        System.setProperty("bench.rounds", "1");
        System.setProperty("bench.clients", "4");
        System.setProperty("bench.seconds", "1");
        System.setProperty("bench.warmup", "1");
        System.setProperty("bench.target", "300");
        System.setProperty("bench.minimum", "0");
        System.setProperty("bench.idle", "1");
        Path root = Path.of("target", "bench-smoke").toAbsolutePath();
        List<String> failed = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        long all0 = System.nanoTime();
        for (Map.Entry<String, Benchmark> benchmark : all.entrySet()) {
            Path dir = root.resolve(benchmark.getKey());
            BenchContext.deleteTree(dir);
            System.setProperty("bench.data-dir", dir.resolve("pg").toString());
            System.setProperty("bench.portal-dir", dir.toString());
            System.out.println("== smoke " + benchmark.getKey());
            long start = System.nanoTime();
            try {
                benchmark.getValue().measure();
                summary.add(String.format("  %-22s ran   %5.1f s", benchmark.getKey(), (System.nanoTime() - start) / 1e9));
            } catch (Throwable e) {
                e.printStackTrace(System.out);
                failed.add(benchmark.getKey());
                summary.add(String.format("  %-22s FAILED %5.1f s: %s", benchmark.getKey(), (System.nanoTime() - start) / 1e9, e));
            }
        }
        System.out.printf("%nBenchmark smoke run (tiny sizes, the figures mean nothing), %.1f s in all:%n", (System.nanoTime() - all0) / 1e9);
        summary.forEach(System.out::println);
        System.exit(failed.isEmpty() ? 0 : 1);
    }
}
