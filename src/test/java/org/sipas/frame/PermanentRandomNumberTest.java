package org.sipas.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class PermanentRandomNumberTest {

    @Autowired
    DossierImport imports;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDossierGetsAUniformNumberAtImportAndKeepsItWhenImportedAgain() {
        FrameCatalog catalog = new FrameCatalog(jdbc, "PRN");
        StringBuilder csv = new StringBuilder("receipt_code,procedure_code,unit_code,applicant_kind,applicant_name,applicant_phone,"
                + "received_at,appointment_at,returned_at,receiving_official,processing_official,channel,status\n");
        for (int i = 0; i < 200; i++) {
            csv.append("PRN-").append(i).append(',').append(catalog.code("T1")).append(',').append(catalog.code("C1"))
                    .append(",Công dân,,,10/06/2025 08:00,,,,,Trực tiếp,Đã tiếp nhận\n");
        }
        CurrentUser importer = new CurrentUser("prn-importer", Set.of(Role.ADMIN), catalog.unitId("P1"));

        imports.importFile("prn.csv", new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), importer);
        List<Double> first = prns();
        imports.importFile("prn.csv", new ByteArrayInputStream(csv.toString().replace("Đã tiếp nhận", "Đã trả kết quả")
                .getBytes(StandardCharsets.UTF_8)), importer);

        assertThat(first).hasSize(200).allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0)).doesNotHaveDuplicates();
        // a uniform sample of 200 has its mean within 0.5 ± 0.1 with near certainty (sd 0.02)
        assertThat(first.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).isBetween(0.4, 0.6);
        assertThat(prns()).isEqualTo(first);
    }

    private List<Double> prns() {
        return jdbc.sql("SELECT prn FROM dossier WHERE receipt_code LIKE 'PRN-%' ORDER BY receipt_code").query(Double.class).list();
    }
}
