package org.sipas.indexdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
class IndexDefinitionsTest {

    @Autowired
    IndexDefinitions definitions;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;

    private CurrentUser admin() {
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        return new CurrentUser("qt-chi-so", Set.of(Role.ADMIN), nation);
    }

    private static ByteArrayInputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theShippedProvincialParIndexHasEightFieldsWhoseMaximaAddUpToTheHundredOfItsRoot() {
        IndexDefinition par = definitions.latest("par-index-tinh").orElseThrow();
        assertThat(par.aggregation()).isEqualTo(Aggregation.SUM);
        assertThat(par.root().code()).isEqualTo("PAR");
        assertThat(par.children("PAR")).hasSize(8);
        BigDecimal sum = par.children("PAR").stream().map(IndexDefinition.Node::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(par.root().maxPoints()).isEqualByComparingTo("100");
        // the maxima of 2948/QĐ-BNV as the Ministry's training site gives them (the source the YAML cites)
        assertThat(par.children("PAR")).extracting(n -> n.maxPoints().stripTrailingZeros().toPlainString())
                .containsExactly("10", "10", "14.5", "11", "16", "7", "16", "15.5");
        // the ministerial fields of 876/QĐ-BNV (2022-2030): their maxima are not in the summaries found, so none are shipped
        assertThat(definitions.latest("par-index-bo").orElseThrow().children("PAR")).hasSize(7)
                .extracting(IndexDefinition.Node::maxPoints).containsOnlyNulls();
        IndexDefinition sipas = definitions.latest("sipas").orElseThrow();
        assertThat(sipas.aggregation()).isEqualTo(Aggregation.MEAN);
        assertThat(sipas.children("SIPAS")).extracting(IndexDefinition.Node::code).containsExactly("E1", "E2", "E3", "E4", "E5");
    }

    @Test
    void aYamlTreeWithAnUnknownParentAndMaximaThatDoNotAddUpIsRejectedWholeWithEachErrorLocated() {
        String yaml = """
                code: papi-thu
                name: {vi: "Chỉ số PAPI (thử)", en: "PAPI (test)"}
                aggregation: sum
                nodes:
                  - code: PAPI
                    name: PAPI
                    max: 80
                    children:
                      - {code: D1, name: "Tham gia của người dân ở cấp cơ sở", max: 10}
                      - {code: D2, name: "Công khai, minh bạch", max: 10}
                """;
        assertThatThrownBy(() -> users.runAs(admin(), () -> definitions.uploadYaml("papi.yaml", text(yaml))))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                        .extracting(RowError::file, RowError::line, RowError::column, RowError::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("papi.yaml", 5L, "max_points", "indexdb.points.notSum")));
        assertThat(definitions.latest("papi-thu")).isEmpty();

        String table = """
                code,parent,name_vi,name_en,max_points
                PAPI,,Chỉ số PAPI,PAPI,20
                D1,PAPI,Tham gia của người dân ở cấp cơ sở,Participation at local levels,10
                D2,PAPX,"Công khai, minh bạch",Transparency,10
                D1,PAPI,Lặp lại,,abc
                """;
        assertThatThrownBy(() -> users.runAs(admin(), () -> definitions.uploadTable("papi.csv", text(table), "papi-thu",
                "Chỉ số PAPI (thử)", null, "sum", null)))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                        .extracting(RowError::line, RowError::column, RowError::code)
                        .contains(org.assertj.core.groups.Tuple.tuple(5L, "max_points", "indexdb.points.invalid"),
                                org.assertj.core.groups.Tuple.tuple(5L, "code", "indexdb.code.duplicate"),
                                org.assertj.core.groups.Tuple.tuple(4L, "parent", "indexdb.parent.unknown")));
        assertThat(definitions.latest("papi-thu")).isEmpty();
    }

    @Test
    void anAdministratorDefinesAnotherIndexFromATableAndAnAnalystMayNot() {
        String table = """
                code;parent;name_vi;name_en;max_points
                PAPI;;Chỉ số PAPI;PAPI;20
                D1;PAPI;Tham gia của người dân ở cấp cơ sở;Participation at local levels;10
                D2;PAPI;Công khai, minh bạch;Transparency;10
                """;
        IndexDefinition papi = users.runAs(admin(), () -> definitions.uploadTable("papi.csv", text(table), "papi-bang",
                "Chỉ số PAPI", "PAPI", "sum", null));
        assertThat(papi.version()).isEqualTo(1);
        assertThat(papi.leaves()).extracting(IndexDefinition.Node::code).containsExactly("D1", "D2");
        assertThat(papi.node("D2").orElseThrow().nameVi()).isEqualTo("Công khai, minh bạch");
        CurrentUser analyst = new CurrentUser("phan-tich-chi-so", Set.of(Role.ANALYST), admin().scopeUnitId());
        assertThatThrownBy(() -> users.runAs(analyst, () -> definitions.uploadTable("papi.csv", text(table), "papi-bang",
                "Chỉ số PAPI", "PAPI", "sum", null))).isInstanceOf(AccessDeniedException.class);
    }

    private static byte[] workbook(String[][] rows) throws java.io.IOException {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("cay");
            for (int r = 0; r < rows.length; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void anXlsxTreeIsReadLikeACsvAndOneWithAnUnknownParentIsRejectedAtItsRow() throws Exception {
        byte[] good = workbook(new String[][] {
                {"code", "parent", "name_vi", "name_en", "max_points"},
                {"MC", null, "Đánh giá một cửa", "One-stop rating", "18"},
                {"CT1", "MC", "Thời gian giải quyết", "Handling time", "2"},
                {"CT2", "MC", "Số lần liên hệ", "Contacts", "2"},
                {"CT3", "MC", "Các chỉ tiêu khác", "Other indicators", "14"}});
        IndexDefinition stored = users.runAs(admin(), () -> definitions.uploadTable("mot-cua.xlsx", new ByteArrayInputStream(good),
                "mot-cua-xlsx", "Đánh giá một cửa", null, "sum", null));
        assertThat(stored.children("MC")).extracting(IndexDefinition.Node::code).containsExactly("CT1", "CT2", "CT3");
        byte[] bad = workbook(new String[][] {
                {"code", "parent", "name_vi", "name_en", "max_points"},
                {"MC", null, "Đánh giá một cửa", null, "18"},
                {"CT1", "MX", "Thời gian giải quyết", null, "2"}});
        assertThatThrownBy(() -> users.runAs(admin(), () -> definitions.uploadTable("sai.xlsx", new ByteArrayInputStream(bad),
                "mot-cua-sai", "Sai", null, "sum", null)))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                        .extracting(RowError::file, RowError::line, RowError::column, RowError::code)
                        .contains(org.assertj.core.groups.Tuple.tuple("sai.xlsx", 3L, "parent", "indexdb.parent.unknown")));
        assertThat(definitions.latest("mot-cua-sai")).isEmpty();
    }
}
