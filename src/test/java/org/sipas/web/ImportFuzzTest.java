package org.sipas.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every import endpoint (units, procedures, officials, dossiers, as a raw body and as a multipart
 * upload, the methodology upload, the index database's published tables and definition uploads,
 * and the pages' upload forms) fed the files an attacker, a cut
 * upload or an old office machine sends: each answers 422 with every error located (line, column
 * where there is one, message), stores no row, and never answers 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportFuzzTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String DOSSIER_HEADER = "receipt_code,procedure_code,unit_code,applicant_kind,applicant_name,"
            + "applicant_phone,received_at,appointment_at,returned_at,receiving_official,processing_official,channel,status";

    /** One import: its URL, its header, a good row and, for the workbook without cell references, a row wrong in one column. */
    private record Kind(String url, String header, String goodRow, String wrongRow, String wrongColumn) {
        List<String> columns() {
            return List.of(header.split(","));
        }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("/api/v1/units/import", "level,code,name,parent_code", "province,FZ-P,Tỉnh Đồng Nai,",
                    "province,mã có dấu,Tỉnh Lỗi,", "code"),
            new Kind("/api/v1/procedures/import", "code,name,field,level", "FZ.001,Đăng ký khai sinh,Hộ tịch,Xã",
                    "FZ.002,Đăng ký kết hôn,Hộ tịch,cấp vũ trụ", "level"),
            new Kind("/api/v1/officials/import", "staff_code,full_name,unit_code", "FZ-O1,Nguyễn Văn An,VN",
                    "FZ-O2,Trần Thị Bình,KHONG-CO-DON-VI-NAY", "unit_code"),
            new Kind("/api/v1/dossiers/import", DOSSIER_HEADER,
                    "FZ-1,FZ.001,VN,Công dân,Nguyễn Văn An,0912345678,02/01/2025 08:00,,,,,Trực tiếp,Đã tiếp nhận",
                    "FZ-2,FZ.001,KHONG-CO-DON-VI-NAY,Công dân,Lê Văn Cường,,02/01/2025 08:00,,,,,Trực tiếp,Đã tiếp nhận",
                    "unit_code"));

    /** A hostile file, what it is sent as, and what the answer must say: the error's code and line (null: any). */
    private record Hostile(String name, byte[] content, String contentType, String code, Long line, String column) {
    }

    private static byte[] zipBomb;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void bomb() {
        zipBomb = HostileFiles.zipBomb();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<List<String>> sheet(Kind kind, String... rows) {
        List<List<String>> sheet = new ArrayList<>();
        sheet.add(kind.columns());
        for (String row : rows) {
            List<String> cells = new ArrayList<>(List.of(row.split(",", -1)));
            // a workbook without cell references must write its empty cells: a missing one would shift the rest
            sheet.add(cells);
        }
        return sheet;
    }

    private static List<Hostile> hostileFiles(Kind kind) {
        String header = kind.header() + "\n";
        String first = kind.columns().get(0);
        // the long text goes in a name where the table has one, else in its last column
        String nameColumn = kind.columns().stream().filter(c -> c.contains("name")).findFirst()
                .orElse(kind.columns().get(kind.columns().size() - 1));
        int nameAt = kind.columns().indexOf(nameColumn);
        String[] good = kind.goodRow().split(",", -1);
        good[nameAt] = "N".repeat(5_000_000);
        String hugeName = String.join(",", good);
        StringBuilder nulFile = new StringBuilder(header);
        for (int i = 0; i < 4000; i++) {
            nulFile.append(kind.goodRow().replace("FZ", "FZN" + i)).append('\n');
        }
        nulFile.append(kind.goodRow().replace("FZ", "FZ\u0000")).append('\n');

        List<Hostile> files = new ArrayList<>();
        files.add(new Hostile("truncated XLSX", HostileFiles.truncated(HostileFiles.xlsx(sheet(kind, kind.goodRow()))),
                XLSX, "import.file.damaged", null, null));
        files.add(new Hostile("zip bomb", zipBomb, XLSX, "import.file.overInflated", 0L, null));
        files.add(new Hostile("XLSX without cell references, read by position",
                HostileFiles.withoutCellReferences(HostileFiles.xlsx(sheet(kind, kind.wrongRow()))), XLSX, null, 2L,
                kind.wrongColumn()));
        files.add(new Hostile("5 MB cell", utf8(header + "X".repeat(5 << 20) + kind.goodRow().substring(
                kind.goodRow().indexOf(',')) + "\n"), "text/csv", "import.value.tooLong", 2L, first));
        files.add(new Hostile("5,000,000-character name", utf8(header + hugeName + "\n"), "text/csv",
                "import.value.tooLong", 2L, nameColumn));
        files.add(new Hostile("Windows-1258 CSV", HostileFiles.windows1258(header + kind.goodRow() + "\n"), "text/csv",
                "import.encoding.windows1258", 2L, null));
        files.add(new Hostile("binary garbage", HostileFiles.garbage(256 << 10), "application/octet-stream",
                "import.file.binary", null, null));
        files.add(new Hostile("empty file", new byte[0], "text/csv", "import.file.empty", 0L, null));
        String nulColumn = kind.columns().get(List.of(kind.goodRow().split(",", -1)).indexOf(
                List.of(kind.goodRow().split(",", -1)).stream().filter(c -> c.contains("FZ")).findFirst().orElseThrow()));
        files.add(new Hostile("CSV with a NUL byte", utf8(nulFile.toString()), "text/csv", "import.value.nul", 4002L,
                nulColumn));
        files.add(new Hostile("wrong header", utf8("ma,ten,cap\n" + kind.goodRow() + "\n"), "text/csv",
                "import.column.missing", 1L, null));
        files.add(new Hostile("100,000 columns", utf8(String.join(",", Collections.nCopies(100_000, "x")) + ","
                + header + kind.goodRow() + "\n"), "text/csv", "import.row.tooManyColumns", 1L, null));
        files.add(new Hostile("old .xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
                0x1A, (byte) 0xE1, 0, 0, 0, 0}, "application/octet-stream", "import.file.xls", 0L, null));
        files.add(new Hostile("UTF-16 CSV", (header + kind.goodRow() + "\n").getBytes(StandardCharsets.UTF_16),
                "text/csv", "import.encoding.utf16", 0L, null));
        return files;
    }

    private Map<String, Long> storedRows() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("unit", "procedure", "official", "dossier", "methodology_version", "import_batch",
                "index_definition", "index_node", "index_value")) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    private static RequestPostProcessor admin() {
        return httpBasic("admin", "test-admin-password");
    }

    @Test
    void everyHostileFileOnEveryImportEndpointIsA422WithLocatedErrorsAndStoresNothing() throws Exception {
        Map<String, Long> before = storedRows();
        int requests = 0;
        for (Kind kind : KINDS) {
            for (Hostile file : hostileFiles(kind)) {
                String what = file.name() + " as the body of " + kind.url();
                assertRejected(what, mvc.perform(post(kind.url()).contentType(file.contentType()).content(file.content())
                        .with(admin())).andReturn(), file);
                what = file.name() + " uploaded to " + kind.url();
                MockMultipartFile upload = new MockMultipartFile("file", "tep-" + requests + ".csv", file.contentType(),
                        file.content());
                assertRejected(what, mvc.perform(multipart(kind.url()).file(upload).with(admin())).andReturn(),
                        "import.file.empty".equals(file.code())
                                ? new Hostile(file.name(), file.content(), file.contentType(), null, 0L, null) : file);
                requests += 2;
            }
        }
        assertThat(storedRows()).as("no row stored by any of %d requests", requests).isEqualTo(before);
    }

    @Test
    void damagedWorkbooksUploadedAsAMethodologyAreA422SayingSo() throws Exception {
        Map<String, Long> before = storedRows();
        byte[] workbook = HostileFiles.xlsx(List.of(List.of("type", "name", "label#vi"), List.of("integer", "q1", "Tuổi")));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("methodology.error.damaged", HostileFiles.truncated(workbook));
        files.put("methodology.error.overInflated", zipBomb);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            for (MvcResult result : List.of(
                    mvc.perform(post("/api/v1/methodologies").param("name", "phieu.xlsx").contentType(XLSX)
                            .content(file.getValue()).with(admin())).andReturn(),
                    mvc.perform(multipart("/api/v1/methodologies")
                            .file(new MockMultipartFile("file", "phieu.xlsx", XLSX, file.getValue())).with(admin()))
                            .andReturn())) {
                assertRejected("methodology " + file.getKey(), result,
                        new Hostile(file.getKey(), file.getValue(), XLSX, file.getKey(), 0L, null));
            }
        }
        for (byte[] other : List.of(HostileFiles.garbage(64 << 10), new byte[0])) {
            MvcResult result = mvc.perform(post("/api/v1/methodologies").param("name", "phieu.bin")
                    .contentType("application/octet-stream").content(other).with(admin())).andReturn();
            assertRejected("methodology garbage of " + other.length + " bytes", result,
                    new Hostile("garbage", other, "application/octet-stream", null, null, null));
        }
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void thePagesUploadFormsShowTheSameLocatedErrors() throws Exception {
        Map<String, Long> before = storedRows();
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        RequestPostProcessor signedIn = SignedIn.as(new CurrentUser("admin", Set.of(Role.ADMIN), nation));
        for (Kind kind : KINDS) {
            String page = kind.url().replace("/api/v1", "");
            for (Hostile file : hostileFiles(kind)) {
                if (file.content().length == 0) {
                    continue; // an empty upload is no file chosen, shown as such
                }
                MvcResult result = mvc.perform(multipart(page).file(new MockMultipartFile("file", "tep.csv",
                        file.contentType(), file.content())).with(signedIn).with(csrf())).andReturn();
                int status = result.getResponse().getStatus();
                assertThat(status).as("%s on the page %s", file.name(), page).isIn(302, 422);
                if (status == 302) {
                    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(page.replace("/import", ""));
                }
                Object errors = status == 302 ? result.getFlashMap().get("errors") : result.getModelAndView().getModel()
                        .get("errors");
                assertThat(errors).as("%s on the page %s shows its errors", file.name(), page).isInstanceOf(List.class);
                @SuppressWarnings("unchecked")
                List<ImportErrors.Shown> shown = (List<ImportErrors.Shown>) errors;
                assertThat(shown).isNotEmpty().allSatisfy(e -> assertThat(e.message()).isNotBlank()
                        .doesNotStartWith("import."));
                if (file.code() != null) {
                    assertThat(shown).extracting(ImportErrors.Shown::code).as(file.name()).contains(file.code());
                }
            }
        }
        assertThat(storedRows()).isEqualTo(before);
    }

    /** The index database's imports: a published table of a shipped index, and a tree defined by a table (multipart only). */
    private static final List<Kind> INDEX_KINDS = List.of(
            new Kind("/api/v1/indices/par-index-tinh/values", "unit_code,year,node_code,value", "FZ-IX,2024,LV1,9",
                    "FZ-IX,2024,LV1,99", "value"),
            new Kind("/api/v1/indices", "code,parent,name_vi,name_en,max_points", "FZ1,,Chỉ số thử,Test index,100",
                    "FZ1,,Chỉ số thử,Test index,nhiều", "max_points"));

    /**
     * The hostile files of an index import. A published table's rows are all ASCII (codes, years,
     * numbers), so its Windows-1258 bytes are the same as its UTF-8 ones: no hostile file, left out.
     */
    private static List<Hostile> indexHostileFiles(Kind kind) {
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(kind.goodRow());
        return hostileFiles(kind).stream().filter(f -> !(ascii && f.name().startsWith("Windows-1258"))).toList();
    }

    /** YAML definitions a tabular reader never sees: each a 422 at a line, never a 500 nor a loop. */
    private static Map<String, byte[]> hostileYaml() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String head = "code: fz-yaml\nname: {vi: \"Chỉ số thử\", en: \"Test\"}\naggregation: sum\n";
        files.put("a tree that is its own child (a recursive alias)", utf8(head
                + "nodes: &tree\n  - code: A\n    name: {vi: a, en: a}\n    children: *tree\n"));
        StringBuilder laughs = new StringBuilder(head + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("a").append(i).append(": &a").append(i).append(" [").append(String.join(", ",
                    Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        files.put("a billion laughs", utf8(laughs + "nodes: *a9\n"));
        files.put("nesting 10,000 deep", utf8(head + "nodes: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n"));
        files.put("a cut file", utf8(head + "nodes:\n  - code: A\n    name: {vi: \"a"));
        files.put("a list at the top", utf8("- code: A\n- code: B\n"));
        files.put("nodes of scalars and maps of lists", utf8(head + "nodes: [1, [2], {code: [A], name: x, max: {a: 1}}]\n"));
        files.put("a 5 MB scalar", utf8(head + "nodes:\n  - code: " + "A".repeat(5 << 20) + "\n"));
        files.put("binary garbage", HostileFiles.garbage(64 << 10));
        files.put("an empty file", new byte[0]);
        return files;
    }

    @Test
    void everyHostileFileOnTheIndexDatabaseImportsIsA422WithLocatedErrorsAndStoresNothing() throws Exception {
        // the unit the good rows name, imported the one way units are
        mvc.perform(post("/api/v1/units/import").contentType("text/csv").content(utf8("level,code,name,parent_code\nprovince,FZ-IX,Tỉnh FZ IX,\n"))
                .with(admin())).andReturn();
        Map<String, Long> before = storedRows();
        int requests = 0;
        for (Kind kind : INDEX_KINDS) {
            for (Hostile file : indexHostileFiles(kind)) {
                String what = file.name() + " uploaded to " + kind.url();
                MockMultipartFile upload = new MockMultipartFile("file", "tep-" + requests + ".csv", file.contentType(), file.content());
                assertRejected(what, mvc.perform(multipart(kind.url()).file(upload).param("code", "fz-index").param("nameVi", "Chỉ số thử")
                                .param("aggregation", "sum").with(admin())).andReturn(),
                        "import.file.empty".equals(file.code()) ? new Hostile(file.name(), file.content(), file.contentType(), null, 0L, null) : file);
                requests++;
            }
        }
        for (Map.Entry<String, byte[]> yaml : hostileYaml().entrySet()) {
            MockMultipartFile upload = new MockMultipartFile("file", "chi-so.yaml", "application/yaml", yaml.getValue());
            assertRejected(yaml.getKey() + " uploaded as a definition", mvc.perform(multipart("/api/v1/indices").file(upload).with(admin()))
                    .andReturn(), new Hostile(yaml.getKey(), yaml.getValue(), "application/yaml", null, null, null));
            requests++;
        }
        assertThat(storedRows()).as("no row stored by any of %d requests", requests).isEqualTo(before);

        // the pages' forms: the same files, the page again with its errors (422)
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        RequestPostProcessor signedIn = SignedIn.as(new CurrentUser("admin", Set.of(Role.ADMIN), nation));
        List<Map.Entry<String, Hostile>> forms = new ArrayList<>();
        for (Kind kind : INDEX_KINDS) {
            String page = kind.url().replace("/api/v1", "");
            indexHostileFiles(kind).stream().filter(f -> f.content().length > 0).forEach(f -> forms.add(Map.entry(page, f)));
        }
        hostileYaml().forEach((name, content) -> forms.add(Map.entry("/indices",
                new Hostile(name + ".yaml", content, "application/yaml", null, null, null))));
        for (Map.Entry<String, Hostile> form : forms) {
            Hostile file = form.getValue();
            String name = file.name().endsWith(".yaml") ? "chi-so.yaml" : "tep.csv";
            MvcResult result = mvc.perform(multipart(form.getKey()).file(new MockMultipartFile("file", name, file.contentType(), file.content()))
                    .param("code", "fz-index").param("nameVi", "Chỉ số thử").param("aggregation", "sum").with(signedIn).with(csrf())).andReturn();
            assertThat(result.getResponse().getStatus()).as("%s on the page %s", file.name(), form.getKey()).isEqualTo(422);
            @SuppressWarnings("unchecked")
            List<ImportErrors.Shown> shown = (List<ImportErrors.Shown>) result.getModelAndView().getModel().get("errors");
            assertThat(shown).as("%s on the page %s shows its errors", file.name(), form.getKey()).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.message()).isNotBlank().doesNotStartWith("import.").doesNotStartWith("indexdb."));
            if (file.code() != null) {
                assertThat(shown).extracting(ImportErrors.Shown::code).as(file.name()).contains(file.code());
            }
        }
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void aWindows1258FileIsImportedWhenTheRequestNamesItsEncoding() throws Exception {
        byte[] file = HostileFiles.windows1258("level,code,name,parent_code\nprovince,FZ-W,Tỉnh Quảng Ngãi mới,\n");
        mvc.perform(post("/api/v1/units/import").param("encoding", "windows-1258").contentType("text/csv").content(file)
                .with(admin())).andReturn();
        assertThat(jdbc.sql("SELECT name FROM unit WHERE code = 'FZ-W'").query(String.class).single())
                .isEqualTo("Tỉnh Quảng Ngãi mới");
        MockHttpServletResponse unsupported = mvc.perform(post("/api/v1/units/import").param("encoding", "tcvn3")
                .contentType("text/csv").content(file).with(admin())).andReturn().getResponse();
        assertThat(unsupported.getStatus()).isEqualTo(422);
        assertThat(JsonPath.<String>read(unsupported.getContentAsString(StandardCharsets.UTF_8), "$.errors[0].code"))
                .isEqualTo("import.encoding.unsupported");

        String openApi = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/openapi").with(admin())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (String path : List.of("/api/v1/units/import", "/api/v1/procedures/import", "/api/v1/officials/import", "/api/v1/dossiers/import")) {
            List<String> described = JsonPath.read(openApi, "$.paths['" + path + "'].post.parameters[?(@.name == 'encoding')].description");
            assertThat(described).as(path).singleElement().asString().contains("windows-1258", "windows-1252");
        }
    }

    private static void assertRejected(String what, MvcResult result, Hostile file) throws Exception {
        MockHttpServletResponse response = result.getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as("%s: %s", what, body.length() > 500 ? body.substring(0, 500) : body)
                .isEqualTo(422);
        List<Map<String, Object>> errors = JsonPath.read(body, "$.errors");
        assertThat(errors).as(what).isNotEmpty();
        assertThat(body.length()).as("%s: the answer does not quote the file back", what).isLessThan(20_000);
        for (Map<String, Object> error : errors) {
            assertThat(error).as(what).containsKeys("line", "column", "message");
            assertThat((String) error.get("message")).as(what).isNotBlank().doesNotStartWith("import.")
                    .doesNotStartWith("methodology.");
        }
        Map<String, Object> first = errors.get(0);
        if (file.code() != null) {
            assertThat(first.get("code")).as(what).isEqualTo(file.code());
        }
        if (file.line() != null) {
            assertThat(((Number) first.get("line")).longValue()).as(what).isEqualTo(file.line());
        }
        if (file.column() != null) {
            assertThat(first.get("column")).as(what).isEqualTo(file.column());
        }
    }
}
