package org.sipas.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads test resources and the figures R computed, and compares the engine's rows to them. */
final class EstimationFixtures {

    static final double TOLERANCE = 1e-9;

    private EstimationFixtures() {
    }

    static InputStream open(String resource) {
        InputStream in = EstimationFixtures.class.getResourceAsStream("/index/" + resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        return in;
    }

    static AnalysisSample sample(String folder, String by) {
        return AnalysisSample.read(new AnalysisSample.FileNames("responses.csv", "frame_sizes.csv", "index_tree.csv"),
                open(folder + "/responses.csv"), open(folder + "/frame_sizes.csv"), open(folder + "/index_tree.csv"),
                AnswerCodes.SIPAS, by, AnalysisSample.OVERALL);
    }

    static List<CSVRecord> expected(String resource) {
        try (InputStreamReader reader = new InputStreamReader(open(resource), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every expected row has its twin among the engine's, to {@link #TOLERANCE}, NA for NA; returns how many. */
    static int assertMatches(List<CSVRecord> expected, List<AnalysisSample.DomainEstimate> actual) {
        Map<String, AnalysisSample.DomainEstimate> byKey = new HashMap<>();
        for (AnalysisSample.DomainEstimate row : actual) {
            byKey.put(key(row.domainKind(), row.domain(), row.estimate().index()), row);
        }
        List<String> compared = new ArrayList<>();
        for (CSVRecord want : expected) {
            String key = key(want.get("domain_kind"), want.get("domain"), want.get("index"));
            AnalysisSample.DomainEstimate got = byKey.get(key);
            assertThat(got).as(key).isNotNull();
            IndexEstimate e = got.estimate();
            assertThat(e.level()).as(key + " level").isEqualTo(want.get("level"));
            assertThat(e.n()).as(key + " n").isEqualTo(Long.parseLong(want.get("n")));
            same(key + " unweighted_pct", want.get("unweighted_pct"), e.unweightedPct());
            same(key + " estimate_pct", want.get("estimate_pct"), e.estimatePct());
            same(key + " se_pct", want.get("se_pct"), e.sePct());
            same(key + " ci95_low", want.get("ci95_low"), e.ci95Low());
            same(key + " ci95_high", want.get("ci95_high"), e.ci95High());
            compared.add(key);
        }
        return compared.size();
    }

    private static void same(String what, String want, Double got) {
        if (want.equals("NA")) {
            assertThat(got).as(what).isNull();
        } else {
            assertThat(got).as(what).isNotNull();
            assertThat(got).as(what).isCloseTo(Double.parseDouble(want), within(TOLERANCE));
        }
    }

    private static String key(String kind, String domain, String index) {
        return kind + "|" + domain + "|" + index;
    }
}
