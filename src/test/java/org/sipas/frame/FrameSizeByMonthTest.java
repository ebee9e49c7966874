package org.sipas.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.sipas.frame.SamplingFrame.Eligibility;
import org.sipas.frame.SamplingFrame.Stratum;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * N_h of a draw is read from the per-unit, per-month counts the database keeps beside the dossiers,
 * plus the days of a period outside its whole months. Whatever the period, it must equal a plain
 * count of the eligible dossiers, in Vietnamese time, also after an import moves a dossier to
 * another month.
 */
@SpringBootTest
class FrameSizeByMonthTest {

    private static final String HEADER = "receipt_code,procedure_code,unit_code,applicant_kind,applicant_name,applicant_phone,"
            + "received_at,appointment_at,returned_at,receiving_official,processing_official,channel,status\n";

    @Autowired
    DossierImport imports;
    @Autowired
    SamplingFrame frame;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFrameSizeOfAnyPeriodEqualsACountOfItsEligibleDossiers() {
        FrameCatalog catalog = new FrameCatalog(jdbc, "NMO");
        CurrentUser importer = new CurrentUser("month-importer", Set.of(Role.ADMIN), catalog.unitId("P1"));
        // days on both sides of month ends, at the edges of the Vietnamese day (UTC+7), and one withdrawn
        String[] times = {"31/03/2025 23:59", "01/04/2025 00:00", "01/04/2025 06:59", "15/04/2025 10:00", "30/04/2025 23:30",
                "01/05/2025 07:00", "16/05/2025 08:00", "31/05/2025 12:00", "01/06/2025 00:01", "30/06/2025 23:59",
                "01/07/2025 00:00", "14/08/2025 09:00"};
        imports.importFile("month.csv", csv(catalog, times, 11), importer);

        List<LocalDate[]> periods = List.of(
                period("01/04/2025", "30/06/2025"), period("02/04/2025", "30/06/2025"), period("01/04/2025", "29/06/2025"),
                period("15/04/2025", "16/05/2025"), period("16/04/2025", "15/05/2025"), period("01/05/2025", "31/05/2025"),
                period("31/05/2025", "01/06/2025"), period("01/04/2025", "01/04/2025"), period("01/01/2025", "31/12/2025"),
                period("10/05/2025", "20/05/2025"));
        for (LocalDate[] p : periods) {
            assertThat(sizes(catalog, p)).as("N_h from %s to %s", p[0], p[1]).isEqualTo(counted(catalog, p));
        }

        // the one-stop system corrects two receipt dates across month ends: the counts follow
        times[3] = "15/03/2025 10:00";
        times[7] = "02/06/2025 12:00";
        imports.importFile("month.csv", csv(catalog, times, 11), importer);
        for (LocalDate[] p : periods) {
            assertThat(sizes(catalog, p)).as("after the correction, N_h from %s to %s", p[0], p[1]).isEqualTo(counted(catalog, p));
        }
        assertThat(jdbc.sql("""
                        SELECT m.month::text || '=' || m.dossiers FROM dossier_month m JOIN unit u ON u.id = m.unit_id
                        WHERE u.code = :unit AND m.dossiers > 0 ORDER BY m.month""")
                .param("unit", catalog.code("C1")).query(String.class).list())
                .as("kept counts per month of receipt in Vietnamese time")
                .containsExactly("2025-03-01=2", "2025-04-01=3", "2025-05-01=2", "2025-06-01=3", "2025-07-01=1", "2025-08-01=1");
    }

    /** Dossiers of commune C1, the one at {@code withdrawn} withdrawn. */
    private static ByteArrayInputStream csv(FrameCatalog catalog, String[] times, int withdrawn) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < times.length; i++) {
            csv.append("NMO-").append(i).append(',').append(catalog.code("T1")).append(',').append(catalog.code("C1"))
                    .append(",Công dân,,,").append(times[i]).append(",,,,,Trực tiếp,")
                    .append(i == withdrawn ? "Đã rút hồ sơ" : "Đã tiếp nhận").append('\n');
        }
        return new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Long> sizes(FrameCatalog catalog, LocalDate[] p) {
        return frame.strata(new Eligibility(catalog.unitId("P1"), List.of(), p[0], p[1], false), false).stream()
                .collect(Collectors.toMap(Stratum::unitCode, Stratum::dossiers));
    }

    /** The definition itself: received on a day of the period in Vietnamese time, not withdrawn. */
    private Map<String, Long> counted(FrameCatalog catalog, LocalDate[] p) {
        long n = jdbc.sql("""
                        SELECT count(*) FROM dossier d JOIN unit u ON u.id = d.unit_id
                        WHERE u.code = :unit AND d.status <> 'WITHDRAWN'
                          AND (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN :from AND :to""")
                .param("unit", catalog.code("C1")).param("from", p[0]).param("to", p[1]).query(Long.class).single();
        return n == 0 ? Map.of() : Map.of(catalog.code("C1"), n);
    }

    private static LocalDate[] period(String from, String to) {
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        return new LocalDate[] {LocalDate.parse(from, f), LocalDate.parse(to, f)};
    }
}
