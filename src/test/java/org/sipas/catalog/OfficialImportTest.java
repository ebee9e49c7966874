package org.sipas.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.sipas.web.ImportResult;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipas.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;

class OfficialImportTest extends CatalogTestSupport {

    @Autowired
    OfficialImport officials;

    @BeforeEach
    void aProvinceWithCommunesAndADepartment() {
        importTheTestProvinces();
    }

    @Test
    void officialsImportIntoTheirUnitsAndAnEmptyActiveMeansAtWork() {
        assertThat(officials.importFile("cong-chuc.csv", file("officials.csv"), admin()))
                .isEqualTo(ImportResult.of(3, 3, 0));

        assertThat(jdbc.sql("""
                        SELECT o.staff_code || ' ' || u.code || ' ' || o.active FROM official o JOIN unit u ON u.id = o.unit_id
                        WHERE o.staff_code LIKE :p || '%' ORDER BY o.staff_code""")
                .param("p", p).query(String.class).list())
                .containsExactly(p + "-001 " + p + "C1 true", p + "-002 " + p + "C2 true", p + "-003 " + p + "S false");
    }

    @Test
    void reimportingOfficialsIsIdempotentAndAMoveIsAnAuditedUpdate() {
        officials.importFile("cong-chuc.csv", file("officials.csv"), admin());
        assertThat(officials.importFile("cong-chuc.csv", file("officials.csv"), admin()))
                .isEqualTo(ImportResult.of(3, 0, 0));

        String moved = text("officials.csv").replace("Hộ tịch," + p + "C1", "Hộ tịch," + p + "C2");
        assertThat(officials.importFile("cong-chuc.csv", stream(moved), admin())).isEqualTo(ImportResult.of(3, 0, 1));

        assertThat(jdbc.sql("""
                        SELECT (before ->> 'unitCode') || ' → ' || (after ->> 'unitCode') FROM audit_log
                        WHERE action = 'official.update' AND entity_id = :staff""")
                .param("staff", p + "-001").query(String.class).list())
                .containsExactly(p + "C1 → " + p + "C2");
        assertThat(jdbc.sql("SELECT count(*) FROM official WHERE staff_code LIKE :p || '%'").param("p", p).query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void anOfficialFileWithBadRowsIsRejectedWithEveryLineAndNothingIsStored() throws Exception {
        mvc.perform(post("/api/v1/officials/import").with(as(admin()))
                        .contentType("text/csv").content(text("officials-bad.csv")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].line").value(Matchers.contains(3, 4, 5, 6)))
                .andExpect(jsonPath("$.errors[*].column").value(Matchers.contains("full_name", "unit_code", "active", "staff_code")));
        assertThat(jdbc.sql("SELECT count(*) FROM official WHERE staff_code LIKE :p || '%'").param("p", p).query(Long.class).single())
                .isZero();
    }

    @Test
    void aProvinceAdministratorCannotImportAnOfficialIntoAnotherProvince() throws Exception {
        String rows = "staff_code,full_name,title,unit_code\n"
                + p + "-201,Đỗ Văn Hùng,Công chức," + p + "C1\n"
                + p + "-202,Ngô Thị Lan,Công chức," + p + "Q1\n";

        mvc.perform(post("/api/v1/officials/import").with(as(caller(p + "P", Role.PROVINCE_ADMIN)))
                        .contentType("text/csv").content(rows))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].code").value("catalog.unit.outsideScope"));
        assertThat(jdbc.sql("SELECT count(*) FROM official WHERE staff_code LIKE :p || '%'").param("p", p).query(Long.class).single())
                .isZero();
    }

    @Test
    void officialsOfAUnitAreListedWithinTheCallersScope() throws Exception {
        officials.importFile("cong-chuc.csv", file("officials.csv"), admin());

        mvc.perform(get("/api/v1/officials").param("unit", p + "P").with(as(caller(p + "P", Role.ANALYST))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3));
        mvc.perform(get("/api/v1/officials").param("q", "nguyen van an").with(as(caller(p + "C1", Role.UNIT_MANAGER))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].staffCode").value(Matchers.contains(p + "-001")));
        mvc.perform(get("/api/v1/officials").param("unit", p + "C2").with(as(caller(p + "C1", Role.UNIT_MANAGER))))
                .andExpect(status().isForbidden());
    }
}
