package org.sipas.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.ImportResult;
import org.sipas.web.RowError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A file of more rows than {@link DossierWriter}'s first chunk has its new dossiers written while
 * it is still being read. What is stored, and every error with its line, must be what storing
 * after the reading gives: a repeat or a bad row found once dossiers are written takes them back.
 */
@SpringBootTest
class DossierWrittenWhileReadTest {

    private static final String HEADER = "receipt_code,procedure_code,unit_code,applicant_kind,applicant_name,applicant_phone,"
            + "received_at,appointment_at,returned_at,receiving_official,processing_official,channel,status\n";
    /** More than the first chunk (16,384 rows): the writing starts before the end of the file. */
    private static final int ROWS = 20_000;

    @Autowired
    DossierImport imports;
    @Autowired
    JdbcClient jdbc;

    FrameCatalog catalog;
    CurrentUser importer;

    @BeforeEach
    void catalog() {
        catalog = new FrameCatalog(jdbc, "FWR");
        importer = new CurrentUser("fwr-importer", Set.of(Role.ADMIN), catalog.unitId("P1"));
    }

    /** Dossier {@code i} of a file: receipt code {@code <prefix><i>}, in C1 or C2, every other one with a phone. */
    private String row(String prefix, int i, String status) {
        String phone = i % 2 == 0 ? String.format("09%08d", i) : "";
        return String.join(",", prefix + i, catalog.code("T1"), catalog.code(i % 3 == 0 ? "C2" : "C1"), "Công dân",
                "Nguyễn Văn " + i, phone, "02/01/2025 08:00", "", "", catalog.code("O1"), "", "Trực tiếp", status) + "\n";
    }

    private static InputStream csv(int rows, IntFunction<String> row) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= rows; i++) {
            csv.append(row.apply(i));
        }
        return new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private long monthCounts() {
        return jdbc.sql("SELECT coalesce(sum(dossiers), 0) FROM dossier_month WHERE unit_id IN (:c1, :c2)")
                .param("c1", catalog.unitId("C1")).param("c2", catalog.unitId("C2")).query(Long.class).single();
    }

    private long contacts(String prefix) {
        return jdbc.sql("SELECT count(*) FROM dossier_contact c JOIN dossier d ON d.id = c.dossier_id WHERE d.receipt_code LIKE :p || '%'")
                .param("p", prefix).query(Long.class).single();
    }

    @Test
    void aFileOfManyChunksIsStoredOnceWithItsContactsAndCountsAndAgainOnlyItsChanges() {
        long months = monthCounts();
        assertThat(imports.importFile("fwr-new.csv", csv(ROWS, i -> row("FWR-N-", i, "Đã tiếp nhận")), importer))
                .isEqualTo(ImportResult.of(ROWS, ROWS, 0));
        assertThat(catalog.dossiers("FWR-N-")).isEqualTo(ROWS);
        assertThat(contacts("FWR-N-")).isEqualTo(ROWS);
        assertThat(monthCounts()).isEqualTo(months + ROWS);

        // one in a thousand returned since, and 5,000 more behind them
        ImportResult again = imports.importFile("fwr-new.csv",
                csv(ROWS + 5_000, i -> row("FWR-N-", i, i % 1000 == 0 && i <= ROWS ? "Đã trả kết quả" : "Đã tiếp nhận")), importer);
        assertThat(again).isEqualTo(ImportResult.of(ROWS + 5_000, 5_000, ROWS / 1000));
        assertThat(catalog.dossiers("FWR-N-")).isEqualTo(ROWS + 5_000);
        assertThat(contacts("FWR-N-")).isEqualTo(ROWS + 5_000);
        assertThat(monthCounts()).isEqualTo(months + ROWS + 5_000);
        assertThat(jdbc.sql("SELECT count(*) FROM dossier WHERE receipt_code LIKE 'FWR-N-%' AND status = 'RETURNED'")
                .query(Long.class).single()).isEqualTo(ROWS / 1000);
    }

    @Test
    void aStoredDossierDeepInAChunkOfNewOnesIsUpdatedAndKeepsItsId() {
        imports.importFile("fwr-mixed.csv", csv(1, i -> row("FWR-M-", 10_000, "Đã tiếp nhận")), importer);
        long id = jdbc.sql("SELECT id FROM dossier WHERE receipt_code = 'FWR-M-10000'").query(Long.class).single();

        // the first rows are new, so the chunk is written without look-ups until the unique key meets line 10,001
        assertThat(imports.importFile("fwr-mixed.csv", csv(ROWS, i -> row("FWR-M-", i, "Đã trả kết quả")), importer))
                .isEqualTo(ImportResult.of(ROWS, ROWS - 1, 1));

        assertThat(catalog.dossiers("FWR-M-")).isEqualTo(ROWS);
        assertThat(contacts("FWR-M-")).isEqualTo(ROWS);
        assertThat(jdbc.sql("SELECT id FROM dossier WHERE receipt_code = 'FWR-M-10000' AND status = 'RETURNED'")
                .query(Long.class).single()).isEqualTo(id);
    }

    @Test
    void receiptCodesRepeatedChunksAfterTheirFirstAndNextToItAreRejectedNamingBothAndNothingIsStored() {
        long months = monthCounts();
        // line ROWS + 1 repeats the line before it; the last line repeats line 2, written chunks before
        InputStream file = csv(ROWS + 1, i -> row("FWR-R-", i == ROWS ? ROWS - 1 : i == ROWS + 1 ? 1 : i, "Đã tiếp nhận"));

        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> imports.importFile("fwr-repeats.csv", file, importer));

        assertThat(rejected.errors()).extracting(RowError::line).containsExactly(ROWS + 1L, ROWS + 2L);
        assertThat(rejected.errors()).extracting(RowError::code).containsOnly("import.value.duplicate");
        assertThat(rejected.errors()).extracting(RowError::args).containsExactly(List.of((long) ROWS), List.of(2L));
        assertThat(catalog.dossiers("FWR-R-")).isZero();
        assertThat(monthCounts()).isEqualTo(months);
    }

    @Test
    void aBadRowAfterChunksAlreadyWrittenIsTheOnlyErrorAndNothingIsStored() {
        long months = monthCounts();
        InputStream file = csv(ROWS, i -> i == ROWS - 10 ? row("FWR-B-", i, "Đã tiếp nhận").replace(catalog.code("T1"), "FWR-NO-SUCH")
                : row("FWR-B-", i, "Đã tiếp nhận"));

        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> imports.importFile("fwr-bad.csv", file, importer));

        assertThat(rejected.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(ROWS - 9L);
            assertThat(error.column()).isEqualTo("procedure_code");
            assertThat(error.code()).isEqualTo("frame.procedure.unknown");
        });
        assertThat(catalog.dossiers("FWR-B-")).isZero();
        assertThat(monthCounts()).isEqualTo(months);
        assertThat(jdbc.sql("SELECT count(*) FROM import_batch WHERE source = 'fwr-bad.csv'").query(Long.class).single()).isZero();
    }

    @Test
    void aStoredDossierTwiceInAFileIsRejectedNamingItsFirstLine() {
        imports.importFile("fwr-stored.csv", csv(3, i -> row("FWR-S-", i, "Đã tiếp nhận")), importer);

        InputStream file = csv(5, i -> row("FWR-S-", i == 5 ? 2 : i, "Đã trả kết quả"));
        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> imports.importFile("fwr-stored.csv", file, importer));

        assertThat(rejected.errors()).extracting(RowError::line).containsExactly(6L);
        assertThat(rejected.errors()).extracting(RowError::args).containsExactly(List.of(3L));
        assertThat(catalog.dossiers("FWR-S-")).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM dossier WHERE receipt_code LIKE 'FWR-S-%' AND status = 'RETURNED'")
                .query(Long.class).single()).isZero();
    }
}
