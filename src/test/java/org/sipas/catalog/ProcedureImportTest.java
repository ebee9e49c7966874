package org.sipas.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.sipas.web.ImportResult;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipas.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

class ProcedureImportTest extends CatalogTestSupport {

    @Autowired
    ProcedureImport procedures;

    @BeforeEach
    void aProvinceWithCommunesAndADepartment() {
        importTheTestProvinces();
    }

    @Test
    void procedureListImportsWithItsUnitsAndVietnameseLevels() throws Exception {
        mvc.perform(multipart("/api/v1/procedures/import").file(new MockMultipartFile("file", "tthc.csv", "text/csv",
                        text("procedures.csv").getBytes(StandardCharsets.UTF_8))).with(as(admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(4))
                .andExpect(jsonPath("$.inserted").value(4))
                .andExpect(jsonPath("$.updated").value(0));

        assertThat(jdbc.sql("SELECT level FROM procedure WHERE code LIKE :p || '%' ORDER BY code").param("p", p)
                .query(String.class).list()).containsExactly("COMMUNE", "PROVINCE", "CENTRAL", "MULTI");
        assertThat(providers(p + ".001")).containsExactly(p + "C1", p + "C2");
        assertThat(providers(p + ".004")).containsExactly(p + "C1", p + "S");
        mvc.perform(get("/api/v1/procedures/{code}", p + ".001").with(as(caller(p + "C2", Role.UNIT_MANAGER))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.procedure.level").value("COMMUNE"))
                .andExpect(jsonPath("$.unitCodes").value(Matchers.contains(p + "C2")));
    }

    @Test
    void reimportingTheSameProceduresChangesNothingAndAChangedOneIsUpdated() {
        procedures.importFile("tthc.csv", file("procedures.csv"), admin());

        assertThat(procedures.importFile("tthc.csv", file("procedures.csv"), admin()))
                .isEqualTo(ImportResult.of(4, 0, 0));
        String changed = text("procedures.csv").replace(p + "C1;" + p + "C2", p + "C2");
        assertThat(procedures.importFile("tthc.csv", stream(changed), admin())).isEqualTo(ImportResult.of(4, 0, 1));
        assertThat(providers(p + ".001")).containsExactly(p + "C2");
        assertThat(jdbc.sql("SELECT count(*) FROM procedure WHERE code LIKE :p || '%'").param("p", p).query(Long.class).single())
                .isEqualTo(4);
    }

    @Test
    void aProcedureFileWithBadRowsIsRejectedWithEveryLineAndNothingIsStored() throws Exception {
        mvc.perform(post("/api/v1/procedures/import").with(as(admin()))
                        .contentType("text/csv").content(text("procedures-bad.csv")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].line").value(Matchers.contains(3, 4, 5, 6)))
                .andExpect(jsonPath("$.errors[*].code").value(Matchers.contains("catalog.procedure.levelUnknown",
                        "catalog.unit.unknown", "import.value.required", "import.value.duplicate")))
                .andExpect(jsonPath("$.errors[3].message").value("Trùng với dòng 2 trong cùng tệp."));
        assertThat(jdbc.sql("SELECT count(*) FROM procedure WHERE code LIKE :p || '%'").param("p", p).query(Long.class).single())
                .isZero();
    }

    @Test
    void aProvinceAdministratorLinksOnlyTheirUnitsAndCannotRenameANationalProcedure() throws Exception {
        procedures.importFile("tthc.csv", file("procedures.csv"), admin());
        String neighbour = "code,name,field,level,unit_codes\n"
                + p + ".001,Đăng ký khai sinh,Hộ tịch,Xã," + p + "Q1\n"
                + p + ".002,Cấp Phiếu lý lịch tư pháp (sửa),Lý lịch tư pháp,Tỉnh,\n"
                + p + ".005,Thủ tục mới của tỉnh,Hộ tịch,Xã," + p + "C1\n";

        mvc.perform(post("/api/v1/procedures/import").with(as(caller(p + "Q", Role.PROVINCE_ADMIN)))
                        .contentType("text/csv").content(neighbour))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].line").value(Matchers.contains(3, 4)))
                .andExpect(jsonPath("$.errors[*].code").value(Matchers.contains(
                        "catalog.procedure.nationalOnly", "catalog.unit.outsideScope")));

        String ownLinks = "code,name,field,level,unit_codes\n" + p + ".001,Đăng ký khai sinh,Hộ tịch,Xã," + p + "Q1\n";
        mvc.perform(post("/api/v1/procedures/import").with(as(caller(p + "Q", Role.PROVINCE_ADMIN)))
                        .contentType("text/csv").content(ownLinks))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.updated").value(1));
        assertThat(providers(p + ".001")).as("the other province's links stay").containsExactly(p + "C1", p + "C2", p + "Q1");
    }

    private java.util.List<String> providers(String procedureCode) {
        return jdbc.sql("""
                        SELECT u.code FROM procedure_unit pu JOIN procedure pr ON pr.id = pu.procedure_id
                        JOIN unit u ON u.id = pu.unit_id WHERE pr.code = :code ORDER BY u.code""")
                .param("code", procedureCode).query(String.class).list();
    }
}
