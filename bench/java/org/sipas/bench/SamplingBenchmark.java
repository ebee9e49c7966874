package org.sipas.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.sipas.campaign.CampaignBenchmarks;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A stratified sample of 14,500 drawn from a national frame (3,321 communes), timed from the
 * campaign's allocation to the sample stored: {@code Campaigns.draw}, which counts N_h per
 * commune, allocates, walks each commune in permanent-random-number order and stores sample and
 * reserve. Measured on a frame of 1,000,000 dossiers and again after it grows to
 * {@code bench.rows} (10,000,000 by default), to show that time and memory follow the sample,
 * not the frame. Baseline in the same run, on the same frame and the same allocation:
 * PostgreSQL's own {@code ORDER BY random() LIMIT n_h + r_h} per commune (one statement, LATERAL
 * over the strata) stored into a table, plus the same count of N_h. Then the same draw with the
 * index {@code (unit_id, received_at, prn)} in place of {@code (unit_id, prn)}.
 * <p>
 * The frame is generated inside PostgreSQL (not timed): dossiers spread evenly at random over the
 * communes and 200 procedures, received over a year from 1 July 2025, each with a uniform PRN as
 * the import gives, and a phone hash drawn from 8 million people so that people repeat.
 */
public final class SamplingBenchmark {

    private static final int TARGET = Integer.getInteger("bench.target", 14_500);
    private static final int MINIMUM = Integer.getInteger("bench.minimum", 3);
    private static final long SMALL = 1_000_000;
    private static final long CHUNK = 1_000_000;

    private final JdbcTemplate jdbc;
    private final CampaignBenchmarks campaigns;
    private final CurrentUsers users;
    private final CurrentUser admin;

    /** One timed draw: how long, the peak heap of this JVM meanwhile, how many drawn. */
    record Measurement(double seconds, long peakHeap, int sampled, int reserve) {
    }

    private SamplingBenchmark(ConfigurableApplicationContext app) {
        this.jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        this.campaigns = new CampaignBenchmarks(app);
        this.users = app.getBean(CurrentUsers.class);
        this.admin = (CurrentUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    }

    public static void main(String[] args) {
        measure();
    }

    static void measure() {
        long rows = Long.getLong("bench.rows", 10_000_000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        try (ConfigurableApplicationContext app = BenchContext.start()) {
            new SamplingBenchmark(app).run(rows, rounds);
        }
    }

    private void run(long rows, int rounds) {
        jdbc.execute("ALTER SYSTEM SET synchronous_commit = on");
        jdbc.execute("SELECT pg_reload_conf()");
        if (jdbc.queryForObject("SELECT count(*) FROM unit WHERE kind = 'COMMUNE'", Long.class) == 0) {
            CatalogSeed.seed(jdbc, BenchContext.officialUnitList());
        }
        jdbc.execute("TRUNCATE campaign CASCADE");
        long communes = jdbc.queryForObject("SELECT count(*) FROM unit WHERE kind = 'COMMUNE'", Long.class);
        System.out.printf("Catalog: %,d communes, %d cores%n", communes, Runtime.getRuntime().availableProcessors());

        List<String> report = new ArrayList<>();
        for (long size : rows > SMALL ? List.of(SMALL, rows) : List.of(rows)) {
            grow(size);
            report.addAll(measure(size, rounds, "(unit_id, prn)"));
        }
        report.addAll(otherIndex(rows, rounds));
        System.out.println();
        System.out.printf("Stratified sample of %,d (minimum %d a commune, reserve 20%%), 3 channels' worth of one quarter, "
                + "%d rounds, median (min–max)%n", TARGET, MINIMUM, rounds);
        report.forEach(System.out::println);
        System.out.println("Goal: draw (allocation + draw + storing) under 2 s on 10,000,000 dossiers; peak heap grows with the "
                + "sample, not the frame. The baseline does not keep one person once (no phone de-duplication).");
        jdbc.execute("ALTER SYSTEM RESET synchronous_commit");
        jdbc.execute("SELECT pg_reload_conf()");
    }

    private List<String> measure(long frame, int rounds, String index) {
        List<Measurement> ours = new ArrayList<>();
        List<Measurement> baseline = new ArrayList<>();
        // warm-up: the first draw reads the index from disk
        long warmUp = users.runAs(admin, () -> campaigns.quarter(LocalDate.of(2025, 7, 1), TARGET, MINIMUM));
        users.runAs(admin, () -> campaigns.draw(warmUp, 1L));
        for (int round = 1; round <= rounds; round++) {
            // each round is a campaign's first draw; a redraw also deletes the previous sample
            long campaign = users.runAs(admin, () -> campaigns.quarter(LocalDate.of(2025, 7, 1), TARGET, MINIMUM));
            long seed = round;
            ours.add(timed(() -> users.runAs(admin, () -> campaigns.draw(campaign, seed))));
            baseline.add(timed(() -> users.runAs(admin, () -> campaigns.orderByRandom(campaign))));
            System.out.printf("  %,d dossiers, %s, round %d: ours %.3f s, ORDER BY random() %.3f s%n", frame, index, round,
                    ours.get(ours.size() - 1).seconds(), baseline.get(baseline.size() - 1).seconds());
        }
        Measurement o = median(ours);
        Measurement b = median(baseline);
        return List.of(
                line("ours, " + index, frame, ours),
                line("ORDER BY random() LIMIT", frame, baseline),
                String.format("  ratio ours / baseline on %,d: %.3f (%.1f× faster)", frame, o.seconds() / b.seconds(),
                        b.seconds() / o.seconds()));
    }

    /** The same draw with the other candidate index, then the chosen one back. */
    private List<String> otherIndex(long rows, int rounds) {
        String chosen = jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE indexname = 'dossier_unit_prn_idx'", String.class);
        jdbc.execute("CREATE INDEX dossier_unit_received_prn_idx ON dossier (unit_id, received_at, prn)");
        jdbc.execute("DROP INDEX dossier_unit_prn_idx");
        jdbc.execute("ANALYZE dossier");
        try {
            return measure(rows, rounds, "(unit_id, received_at, prn)");
        } finally {
            jdbc.execute(chosen);
            jdbc.execute("DROP INDEX dossier_unit_received_prn_idx");
            jdbc.execute("ANALYZE dossier");
        }
    }

    private static String line(String what, long frame, List<Measurement> ms) {
        Measurement m = median(ms);
        return String.format("  %-40s frame %,11d  %7.3f s (%.3f–%.3f)  peak heap %,5d MB  sample %,d + reserve %,d", what,
                frame, m.seconds(), ms.stream().mapToDouble(Measurement::seconds).min().orElse(0),
                ms.stream().mapToDouble(Measurement::seconds).max().orElse(0), m.peakHeap() >> 20, m.sampled(), m.reserve());
    }

    private static Measurement timed(Supplier<int[]> draw) {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        int[] drawn = draw.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Measurement(seconds, peak, drawn[0], drawn[1]);
    }

    private static Measurement median(List<Measurement> ms) {
        return ms.stream().sorted(Comparator.comparingDouble(Measurement::seconds)).toList().get(ms.size() / 2);
    }

    /**
     * Grows the frame to {@code rows} dossiers, a million at a time, each with its contact. Not
     * timed. The indexes and unique constraints of the frame's tables (all but primary keys) are
     * dropped while it loads and built again after, as a bulk load does: maintaining them row by
     * row makes a ten-million-row load several times slower.
     */
    private void grow(long rows) {
        long have = jdbc.queryForObject("SELECT count(*) FROM dossier", Long.class);
        if (have > rows) {
            jdbc.execute("TRUNCATE dossier_contact, dossier CASCADE");
            have = 0;
        }
        if (have == rows) {
            return;
        }
        List<String> constraints = jdbc.queryForList("""
                SELECT format('ALTER TABLE %I ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
                FROM pg_constraint WHERE conrelid IN ('dossier'::regclass, 'dossier_contact'::regclass) AND contype = 'u'""",
                String.class);
        List<String> indexes = jdbc.queryForList("""
                SELECT indexdef FROM pg_indexes i
                WHERE tablename IN ('dossier', 'dossier_contact')
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)""", String.class);
        jdbc.queryForList("""
                SELECT format('ALTER TABLE %I DROP CONSTRAINT %I', conrelid::regclass, conname)
                FROM pg_constraint WHERE conrelid IN ('dossier'::regclass, 'dossier_contact'::regclass) AND contype = 'u'""",
                String.class).forEach(jdbc::execute);
        jdbc.queryForList("""
                SELECT format('DROP INDEX %I', indexname) FROM pg_indexes i
                WHERE tablename IN ('dossier', 'dossier_contact')
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)""", String.class)
                .forEach(jdbc::execute);
        long started = System.nanoTime();
        jdbc.execute("SET synchronous_commit = off");
        for (long from = have; from < rows; from += CHUNK) {
            long to = Math.min(rows, from + CHUNK);
            jdbc.update("""
                    WITH c AS (SELECT array_agg(id ORDER BY id) AS ids FROM unit WHERE kind = 'COMMUNE'),
                         p AS (SELECT array_agg(id ORDER BY id) AS ids FROM procedure),
                         d AS (
                             INSERT INTO dossier (unit_id, receipt_code, procedure_id, applicant_kind, received_at, channel,
                                                  status, prn)
                             SELECT c.ids[1 + floor(random() * cardinality(c.ids))::int], 'HS' || i,
                                    p.ids[1 + floor(random() * cardinality(p.ids))::int], 'CITIZEN',
                                    timestamptz '2025-07-01 07:30+07' + random() * interval '365 days', 'DIRECT', 'RETURNED',
                                    random()
                             FROM generate_series(?::bigint, ?::bigint) i, c, p
                             RETURNING id)
                    INSERT INTO dossier_contact (dossier_id, phone_hash, contact_hash)
                    SELECT id, sha256(int8send(floor(random() * 8000000)::bigint)), sha256(int8send(id)) FROM d""",
                    from + 1, to);
            System.out.printf("  frame: %,d dossiers (%.0f s)%n", to, (System.nanoTime() - started) / 1e9);
        }
        jdbc.execute("SET synchronous_commit = on");
        jdbc.execute("SET maintenance_work_mem = '512MB'");
        constraints.forEach(jdbc::execute);
        indexes.forEach(jdbc::execute);
        jdbc.execute("VACUUM ANALYZE dossier");
        jdbc.execute("VACUUM ANALYZE dossier_contact");
        System.out.printf("  frame: indexes built, vacuumed (%.0f s)%n", (System.nanoTime() - started) / 1e9);
    }
}
