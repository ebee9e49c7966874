package org.sipas.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.sipas.web.ImportResult;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sipas.identity.Role;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;

class UnitImportTest extends CatalogTestSupport {

    private static final Path OFFICIAL_LIST = Path.of("..", "shared", "data", "vn-units-2025.csv");

    @Test
    void reimportingTheOfficialUnitListUpdatesAndNeverDuplicates() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(OFFICIAL_LIST),
                "skipped: the official unit list " + OFFICIAL_LIST.toAbsolutePath().normalize() + " is not beside the project");
        String[] codes = Files.readAllLines(OFFICIAL_LIST).stream().skip(1).map(line -> line.split(",")[1])
                .toArray(String[]::new);
        long started = System.nanoTime();
        ImportResult first = importOfficialList();
        long firstMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(first.rows()).isEqualTo(3_355);
        // other test classes share the database: count the file's own codes, not all units
        assertThat(jdbc.sql("""
                        SELECT count(*) FILTER (WHERE u.kind = 'PROVINCE' AND p.code = 'VN' AND u.path = '/VN/' || u.code || '/')
                               || ' provinces, '
                               || count(*) FILTER (WHERE u.kind = 'COMMUNE' AND p.kind = 'PROVINCE' AND p.code = ANY(:codes)
                                                   AND u.depth = 2 AND u.path = p.path || u.code || '/')
                               || ' communes'
                        FROM unit u JOIN unit p ON p.id = u.parent_id WHERE u.code = ANY(:codes)""")
                .param("codes", codes).query(String.class).single()).isEqualTo("34 provinces, 3321 communes");
        long unitsBefore = jdbc.sql("SELECT count(*) FROM unit").query(Long.class).single();

        ImportResult second = importOfficialList();

        assertThat(second).isEqualTo(ImportResult.of(3_355, 0, 0));
        assertThat(jdbc.sql("SELECT count(*) FROM unit").query(Long.class).single()).isEqualTo(unitsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM unit WHERE code = ANY(:codes) OR code = 'VN'").param("codes", codes)
                .query(Long.class).single()).as("the official units and the nation, once each").isEqualTo(3_356);
        assertThat(firstMillis).as("first import of 3,355 units, in ms").isLessThan(30_000);
        System.out.printf("imported the official unit list in %d ms%n", firstMillis);
    }

    private ImportResult importOfficialList() throws IOException {
        try (InputStream in = Files.newInputStream(OFFICIAL_LIST)) {
            return units.importFile("vn-units-2025.csv", in, admin());
        }
    }

    @Test
    void aUnitFileWithBadRowsIsRejectedWithEveryLineAndNothingIsStored() throws Exception {
        mvc.perform(post("/api/v1/units/import").with(as(admin()))
                        .contentType("text/csv").content(text("units-bad.csv")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].line").value(org.hamcrest.Matchers.contains(3, 4, 5, 6, 8, 9, 10, 11, 12)))
                .andExpect(jsonPath("$.errors[*].column").value(org.hamcrest.Matchers.contains(
                        "level", "code", "name", "parent_code", "code", "parent_code", "parent_code", "code", "parent_code")))
                .andExpect(jsonPath("$.errors[3].message").value(org.hamcrest.Matchers.containsString(p + "NOWHERE")));
        assertThat(jdbc.sql("SELECT count(*) FROM unit WHERE code LIKE :p || '%'").param("p", p).query(Long.class).single())
                .isZero();
    }

    @Test
    void aCommuneListedBeforeItsProvinceIsImportedUnderIt() throws Exception {
        mvc.perform(post("/api/v1/units/import").with(as(admin()))
                        .contentType("text/csv").content(text("units-tree.csv")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(7))
                .andExpect(jsonPath("$.inserted").value(7))
                .andExpect(jsonPath("$.updated").value(0));
        assertThat(path(p + "C1")).isEqualTo("/VN/" + p + "P/" + p + "C1/");
        assertThat(path(p + "T")).isEqualTo("/VN/" + p + "P/" + p + "T/");
        assertThat(jdbc.sql("SELECT kind FROM unit WHERE code = :c").param("c", p + "T").query(String.class).single())
                .isEqualTo("VERTICAL_AGENCY");
    }

    @Test
    void reimportingARenamedUnitUpdatesItAndAuditsBeforeAndAfter() {
        importTheTestProvinces();
        String renamed = text("units-tree.csv").replace("Phường Ba Đình,Phường Ba Đình", "Phường Ba Đình,Phường Ba Đình mới");

        ImportResult result = units.importFile("units.csv", stream(renamed), admin());

        assertThat(result).isEqualTo(ImportResult.of(7, 0, 1));
        assertThat(jdbc.sql("SELECT full_name FROM unit WHERE code = :c").param("c", p + "C1").query(String.class).single())
                .isEqualTo("Phường Ba Đình mới");
        assertThat(jdbc.sql("""
                        SELECT before ->> 'fullName' || ' → ' || (after ->> 'fullName') FROM audit_log
                        WHERE action = 'unit.update' AND entity_type = 'unit' AND entity_id = :c""")
                .param("c", p + "C1").query(String.class).list())
                .containsExactly("Phường Ba Đình → Phường Ba Đình mới");
        assertThat(jdbc.sql("SELECT after ->> 'updated' FROM audit_log WHERE action = 'unit.import' ORDER BY id DESC LIMIT 1")
                .query(String.class).single()).isEqualTo("1");
    }

    @Test
    void movingADepartmentToAnotherProvinceRepathsTheUnitsBelowIt() {
        importTheTestProvinces();
        units.importFile("below.csv", stream("level,code,name,parent_code\ndepartment," + p + "S1,Phòng Hộ tịch," + p + "S\n"),
                admin());

        ImportResult moved = units.importFile("move.csv", stream(
                "level,code,name,full_name,name_en,unit_type,parent_code\n"
                        + "department," + p + "S,Sở Tư pháp,Sở Tư pháp tỉnh Thử Nghiệm,Department of Justice,Sở," + p + "Q\n"),
                admin());

        assertThat(moved).isEqualTo(ImportResult.of(1, 0, 1));
        assertThat(path(p + "S1")).isEqualTo("/VN/" + p + "Q/" + p + "S/" + p + "S1/");
        assertThat(jdbc.sql("SELECT depth FROM unit WHERE code = :c").param("c", p + "S1").query(Integer.class).single())
                .isEqualTo(3);
    }

    @Test
    void aUnitMovedUnderItsOwnDescendantIsACycle() {
        importTheTestProvinces();

        assertThatThrownBy(() -> units.importFile("cycle.csv",
                stream("level,code,name,parent_code\nprovince," + p + "P,Thử Nghiệm," + p + "C1\n"), admin()))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                        .extracting(RowError::line, RowError::column, RowError::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "parent_code", "catalog.unit.cycle")));
        assertThat(path(p + "P")).isEqualTo("/VN/" + p + "P/");
    }

    @Test
    void anXlsxUnitListImportsLikeItsCsv() throws IOException {
        List<String[]> rows = text("units-tree.csv").lines().map(line -> line.split(",", -1)).toList();
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var sheet = book.createSheet("units");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).length; c++) {
                    row.createCell(c).setCellValue(rows.get(r)[c]);
                }
            }
            book.write(xlsx);
        }

        ImportResult result = units.importFile("units.xlsx", new java.io.ByteArrayInputStream(xlsx.toByteArray()), admin());

        assertThat(result).isEqualTo(ImportResult.of(7, 7, 0));
        assertThat(path(p + "Q1")).isEqualTo("/VN/" + p + "Q/" + p + "Q1/");
    }

    @Test
    void aProvinceAdministratorCannotMoveAUnitIntoAnotherProvince() throws Exception {
        importTheTestProvinces();

        mvc.perform(post("/api/v1/units/import").with(as(caller(p + "P", Role.PROVINCE_ADMIN)))
                        .contentType("text/csv").content("level,code,name,parent_code\n"
                                + "commune," + p + "C9,Xã Mới," + p + "P\n"
                                + "commune," + p + "C1,Phường Ba Đình," + p + "Q\n"
                                + "commune," + p + "Q1,Xã Bên Cạnh," + p + "P\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].line").value(org.hamcrest.Matchers.contains(3, 4)))
                .andExpect(jsonPath("$.errors[*].code").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is("catalog.unit.outsideScope"))));
        assertThat(path(p + "C9")).isNull();
    }
}
