package org.sipas.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sipas.catalog.CatalogFixtures.admin;
import static org.sipas.catalog.CatalogFixtures.as;
import static org.sipas.catalog.CatalogFixtures.caller;
import static org.sipas.catalog.CatalogFixtures.freshPrefix;
import static org.sipas.catalog.CatalogFixtures.stream;
import static org.sipas.catalog.CatalogFixtures.text;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sipas.identity.Role;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class UnitImportTest {

    private static final Path OFFICIAL_LIST = Path.of("..", "shared", "data", "vn-units-2025.csv");

    @Autowired
    UnitImport units;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void reimportingTheOfficialUnitListUpdatesAndNeverDuplicates() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(OFFICIAL_LIST),
                "skipped: the official unit list " + OFFICIAL_LIST.toAbsolutePath().normalize() + " is not beside the project");
        long started = System.nanoTime();
        ImportResult first = importOfficialList();
        long firstMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(first.rows()).isEqualTo(3_355);
        assertThat(kindsOfOfficialCodes()).containsExactlyInAnyOrderEntriesOf(Map.of("PROVINCE", 34L, "COMMUNE", 3_321L));
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM unit u JOIN unit p ON p.id = u.parent_id
                        WHERE u.kind = 'PROVINCE' AND u.code ~ '^[0-9]{2}$' AND p.code = 'VN' AND u.path = '/VN/' || u.code || '/'""")
                .query(Long.class).single()).isEqualTo(34);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM unit u JOIN unit p ON p.id = u.parent_id
                        WHERE u.kind = 'COMMUNE' AND u.code ~ '^[0-9]{5}$' AND p.kind = 'PROVINCE' AND u.depth = 2
                          AND u.path = p.path || u.code || '/'""")
                .query(Long.class).single()).isEqualTo(3_321);
        long unitsBefore = jdbc.sql("SELECT count(*) FROM unit").query(Long.class).single();

        ImportResult second = importOfficialList();

        assertThat(second).isEqualTo(new ImportResult(3_355, 0, 0));
        assertThat(jdbc.sql("SELECT count(*) FROM unit").query(Long.class).single()).isEqualTo(unitsBefore);
        assertThat(kindsOfOfficialCodes().values().stream().mapToLong(Long::longValue).sum() + 1)
                .as("the official units and the nation").isEqualTo(3_356);
        assertThat(firstMillis).as("first import of 3,355 units, in ms").isLessThan(30_000);
        System.out.printf("imported the official unit list in %d ms%n", firstMillis);
    }

    private ImportResult importOfficialList() throws IOException {
        try (InputStream in = Files.newInputStream(OFFICIAL_LIST)) {
            return units.importFile("vn-units-2025.csv", in, admin(jdbc));
        }
    }

    private Map<String, Long> kindsOfOfficialCodes() {
        return jdbc.sql("""
                        SELECT kind, count(*) AS n FROM unit
                        WHERE (kind = 'PROVINCE' AND code ~ '^[0-9]{2}$') OR (kind = 'COMMUNE' AND code ~ '^[0-9]{5}$')
                        GROUP BY kind""")
                .query((rs, n) -> Map.entry(rs.getString("kind"), rs.getLong("n"))).list()
                .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void aUnitFileWithBadRowsIsRejectedWithEveryLineAndNothingIsStored() throws Exception {
        String p = freshPrefix();
        mvc.perform(post("/api/v1/units/import").with(as(admin(jdbc)))
                        .contentType("text/csv").content(text("units-bad.csv", p)))
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
        String p = freshPrefix();
        mvc.perform(post("/api/v1/units/import").with(as(admin(jdbc)))
                        .contentType("text/csv").content(text("units-tree.csv", p)))
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
        String p = freshPrefix();
        units.importFile("units.csv", stream(text("units-tree.csv", p)), admin(jdbc));
        String renamed = text("units-tree.csv", p).replace("Phường Ba Đình,Phường Ba Đình", "Phường Ba Đình,Phường Ba Đình mới");

        ImportResult result = units.importFile("units.csv", stream(renamed), admin(jdbc));

        assertThat(result).isEqualTo(new ImportResult(7, 0, 1));
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
        String p = freshPrefix();
        units.importFile("units.csv", stream(text("units-tree.csv", p)), admin(jdbc));
        units.importFile("below.csv", stream("level,code,name,parent_code\ndepartment," + p + "S1,Phòng Hộ tịch," + p + "S\n"),
                admin(jdbc));

        ImportResult moved = units.importFile("move.csv", stream(
                "level,code,name,full_name,name_en,unit_type,parent_code\n"
                        + "department," + p + "S,Sở Tư pháp,Sở Tư pháp tỉnh Thử Nghiệm,Department of Justice,Sở," + p + "Q\n"),
                admin(jdbc));

        assertThat(moved).isEqualTo(new ImportResult(1, 0, 1));
        assertThat(path(p + "S1")).isEqualTo("/VN/" + p + "Q/" + p + "S/" + p + "S1/");
        assertThat(jdbc.sql("SELECT depth FROM unit WHERE code = :c").param("c", p + "S1").query(Integer.class).single())
                .isEqualTo(3);
    }

    @Test
    void aUnitMovedUnderItsOwnDescendantIsACycle() {
        String p = freshPrefix();
        units.importFile("units.csv", stream(text("units-tree.csv", p)), admin(jdbc));

        assertThatThrownBy(() -> units.importFile("cycle.csv",
                stream("level,code,name,parent_code\nprovince," + p + "P,Thử Nghiệm," + p + "C1\n"), admin(jdbc)))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                        .extracting(RowError::line, RowError::column, RowError::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "parent_code", "catalog.unit.cycle")));
        assertThat(path(p + "P")).isEqualTo("/VN/" + p + "P/");
    }

    @Test
    void anXlsxUnitListImportsLikeItsCsv() throws IOException {
        String p = freshPrefix();
        List<String[]> rows = text("units-tree.csv", p).lines().map(line -> line.split(",", -1)).toList();
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

        ImportResult result = units.importFile("units.xlsx", new java.io.ByteArrayInputStream(xlsx.toByteArray()), admin(jdbc));

        assertThat(result).isEqualTo(new ImportResult(7, 7, 0));
        assertThat(path(p + "Q1")).isEqualTo("/VN/" + p + "Q/" + p + "Q1/");
    }

    @Test
    void aProvinceAdministratorCannotMoveAUnitIntoAnotherProvince() throws Exception {
        String p = freshPrefix();
        units.importFile("units.csv", stream(text("units-tree.csv", p)), admin(jdbc));

        mvc.perform(post("/api/v1/units/import").with(as(caller(jdbc, p + "P", Role.PROVINCE_ADMIN)))
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

    private String path(String code) {
        return jdbc.sql("SELECT path FROM unit WHERE code = :c").param("c", code).query(String.class).optional().orElse(null);
    }
}
