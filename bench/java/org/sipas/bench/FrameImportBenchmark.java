package org.sipas.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.sipas.frame.DossierImport;
import org.sipas.identity.CurrentUser;
import org.sipas.web.ImportResult;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The frame import of a national file (1,000,000 dossiers by default) against PostgreSQL's own
 * COPY, measured in the same run:
 * <ul>
 * <li>A: COPY of the same rows as the import stores them (resolved ids, sealed contacts) into
 * look-alikes of {@code dossier} and {@code dossier_contact} with the same indexes, checks and
 * foreign keys, the COPY input prepared beforehand: the goal (import ≥ 50% of A) refers to this;</li>
 * <li>B: COPY of the raw CSV into a table with one column per file column, no index: printed for
 * honesty, it does none of the work an import must do;</li>
 * <li>import new: {@link DossierImport#importFile} of the file into an empty frame;</li>
 * <li>import again: the same file once more, every dossier unchanged.</li>
 * </ul>
 * Every measurement starts after a CHECKPOINT, so none pays for another's WAL, and includes its
 * commit. Commits are durable ({@code fsync} and {@code synchronous_commit} on, as the embedded
 * server runs; the run also sets {@code synchronous_commit} so an older data directory measures the
 * same). {@code -Dbench.rows=…} and {@code -Dbench.rounds=…} change the size and
 * the number of rounds.
 */
public final class FrameImportBenchmark {

    private static final long WARM_UP_ROWS = 20_000;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final DossierImport imports;
    private final CurrentUser importer;
    private final Map<String, List<Measurement>> measured = new LinkedHashMap<>();

    /** One timed run: how many rows in how long, the WAL it wrote and the memory it took. */
    record Measurement(long rows, double seconds, long walBytes, long peakHeap, long peakRss) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private FrameImportBenchmark(ConfigurableApplicationContext app) {
        this.dataSource = app.getBean(DataSource.class);
        this.jdbc = new JdbcTemplate(dataSource);
        this.imports = app.getBean(DossierImport.class);
        this.importer = (CurrentUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    }

    public static void main(String[] args) throws Exception {
        measure();
    }

    static void measure() throws Exception {
        long rows = Long.getLong("bench.rows", 1_000_000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        try (ConfigurableApplicationContext app = BenchContext.start()) {
            new FrameImportBenchmark(app).run(rows, rounds);
        }
    }

    private void run(long rows, int rounds) throws Exception {
        jdbc.execute("ALTER SYSTEM SET synchronous_commit = on");
        jdbc.execute("SELECT pg_reload_conf()");
        CatalogSeed.Seeded catalog = CatalogSeed.seed(jdbc, BenchContext.officialUnitList());
        Path dir = Files.createDirectories(Path.of("target", "bench-data"));
        Path warmUp = SyntheticFrame.write(dir.resolve("warm-up.csv"), Math.min(WARM_UP_ROWS, rows), catalog.communes(), catalog.procedures(), 7);
        Path file = SyntheticFrame.write(dir.resolve("frame-" + rows + ".csv"), rows, catalog.communes(), catalog.procedures(), 42);
        System.out.printf("Catalog: %d communes, %d procedures, %d officials; file %s (%d MB)%n",
                catalog.communes().size(), catalog.procedures().size(),
                catalog.communes().size() * CatalogSeed.OFFICIALS_PER_COMMUNE, file, Files.size(file) >> 20);

        // warm-up: every path once on a small file, discarded
        round(warmUp, dir, false);
        measured.clear();
        for (int round = 1; round <= rounds; round++) {
            round(file, dir, true);
            System.out.printf("round %d done%n", round);
        }
        print(rows, rounds);
        jdbc.execute("ALTER SYSTEM RESET synchronous_commit");
        jdbc.execute("SELECT pg_reload_conf()");
    }

    private void round(Path file, Path dir, boolean keep) throws Exception {
        jdbc.execute("TRUNCATE dossier_contact, dossier CASCADE");
        measure("import new", () -> importFile(file).inserted());
        measure("import again", () -> importFile(file).unchanged());
        Path storedDossiers = dir.resolve("stored-dossiers.copy");
        Path storedContacts = dir.resolve("stored-contacts.copy");
        copyOut("COPY (SELECT " + DOSSIER_COLUMNS + " FROM dossier ORDER BY id) TO STDOUT", storedDossiers);
        copyOut("COPY (SELECT " + CONTACT_COLUMNS + " FROM dossier_contact ORDER BY dossier_id) TO STDOUT", storedContacts);
        for (boolean foreignKeys : List.of(true, false)) {
            lookAlikes(foreignKeys);
            measure(foreignKeys ? A : "A0: same, no FKs", () -> copyIn(
                    "COPY bench_dossier (" + DOSSIER_COLUMNS + ") FROM STDIN", storedDossiers,
                    "COPY bench_dossier_contact (" + CONTACT_COLUMNS + ") FROM STDIN", storedContacts));
        }
        jdbc.execute("DROP TABLE IF EXISTS bench_raw");
        jdbc.execute(RAW);
        measure(B, () -> copyIn("COPY bench_raw FROM STDIN (FORMAT csv, HEADER true)", file, null, null));
        if (!keep) {
            jdbc.execute("TRUNCATE dossier_contact, dossier CASCADE");
        }
    }

    private static final String A = "A: COPY stored rows";
    private static final String B = "B: COPY raw CSV";
    private static final String DOSSIER_COLUMNS = """
            id, unit_id, receipt_code, procedure_id, applicant_kind, received_at, appointment_at, returned_at,
            receiving_official_id, processing_official_id, channel, status, import_batch_id""";
    private static final String CONTACT_COLUMNS = "dossier_id, name_cipher, phone_cipher, phone_hash, contact_hash";

    private static final String RAW = """
            CREATE TABLE bench_raw (
                receipt_code text, procedure_code text, unit_code text, applicant_kind text, applicant_name text,
                applicant_phone text, received_at timestamptz, appointment_at timestamptz, returned_at timestamptz,
                receiving_official text, processing_official text, channel text, status text)""";

    private ImportResult importFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return imports.importFile(file.getFileName().toString(), in, importer);
        }
    }

    /**
     * Look-alikes of the frame's tables: same columns, defaults, checks and indexes, and the same
     * foreign keys as the real tables keep today (read from the catalog, so they follow the schema),
     * or without any foreign key to show what they cost.
     */
    private void lookAlikes(boolean foreignKeys) {
        jdbc.execute("DROP TABLE IF EXISTS bench_dossier_contact, bench_dossier");
        jdbc.execute("CREATE TABLE bench_dossier (LIKE dossier INCLUDING ALL)");
        jdbc.execute("CREATE TABLE bench_dossier_contact (LIKE dossier_contact INCLUDING ALL)");
        for (String table : foreignKeys ? List.of("dossier", "dossier_contact") : List.<String>of()) {
            for (String fk : jdbc.queryForList("""
                    SELECT pg_get_constraintdef(oid) FROM pg_constraint
                    WHERE conrelid = ?::regclass AND contype = 'f' ORDER BY conname""", String.class, table)) {
                jdbc.execute("ALTER TABLE bench_" + table + " ADD " + fk.replace("REFERENCES dossier(", "REFERENCES bench_dossier("));
            }
        }
    }

    private interface Timed {
        long run() throws Exception;
    }

    private void measure(String what, Timed timed) throws Exception {
        jdbc.execute("CHECKPOINT");
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        resetPeakRss();
        long wal = walBytes();
        long start = System.nanoTime();
        long rows = timed.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        Measurement m = new Measurement(rows, seconds, walBytes() - wal, peakHeap(), peakRss());
        measured.computeIfAbsent(what, k -> new ArrayList<>()).add(m);
        System.out.printf("  %-22s %,10d rows %8.2f s %,10.0f rows/s  WAL %,6d MB%n", what, rows, seconds, m.rowsPerSecond(),
                m.walBytes() >> 20);
    }

    private long copyIn(String firstCopy, Path first, String secondCopy, Path second) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("SET DateStyle = 'ISO, DMY'");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long rows;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(first), 1 << 16)) {
                rows = copy.copyIn(firstCopy, in, 1 << 16);
            }
            if (secondCopy != null) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(second), 1 << 16)) {
                    copy.copyIn(secondCopy, in, 1 << 16);
                }
            }
            connection.commit();
            return rows;
        }
    }

    private void copyOut(String copy, Path file) throws Exception {
        try (Connection connection = dataSource.getConnection();
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copy, out);
        }
    }

    private long walBytes() {
        return jdbc.queryForObject("SELECT pg_current_wal_lsn() - '0/0'", Long.class);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** Linux resets the peak resident set (VmHWM) when 5 is written to clear_refs. */
    private static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux: the peak is then the JVM's since start
        }
    }

    private static long peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private void print(long rows, int rounds) {
        System.out.printf("%nFrame import of %,d synthetic dossiers, %d rounds on %d cores (median, min–max)%n", rows, rounds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-22s %10s %8s %12s %19s %8s %11s %10s%n", "", "rows", "s", "rows/s", "rows/s min–max", "WAL MB",
                "peak heap", "peak RSS");
        for (Map.Entry<String, List<Measurement>> e : measured.entrySet()) {
            List<Measurement> ms = e.getValue();
            Measurement median = median(ms);
            System.out.printf("%-22s %,10d %8.2f %,12.0f %,9.0f–%,-9.0f %8d %8d MB %7d MB%n", e.getKey(), median.rows(),
                    median.seconds(), median.rowsPerSecond(),
                    ms.stream().mapToDouble(Measurement::rowsPerSecond).min().orElse(0),
                    ms.stream().mapToDouble(Measurement::rowsPerSecond).max().orElse(0),
                    median.walBytes() >> 20, median.peakHeap() >> 20, median.peakRss() >> 20);
        }
        double a = median(measured.get(A)).rowsPerSecond();
        double b = median(measured.get(B)).rowsPerSecond();
        for (String path : List.of("import new", "import again")) {
            double ours = median(measured.get(path)).rowsPerSecond();
            System.out.printf("%-12s = %5.1f%% of A (same rows as stored), %5.1f%% of B (raw CSV)%n", path, 100 * ours / a,
                    100 * ours / b);
        }
        System.out.println("Goal (issue #24 item 4): both imports ≥ 90% of A, PostgreSQL's COPY of the same rows as stored "
                + "(same indexes, checks and foreign keys). A0 shows what the foreign keys' per-row checks cost; "
                + "B is printed for honesty: it resolves, checks and seals nothing.");
    }

    private static Measurement median(List<Measurement> ms) {
        List<Measurement> sorted = ms.stream().sorted(Comparator.comparingDouble(Measurement::seconds)).toList();
        return sorted.get(sorted.size() / 2);
    }
}
