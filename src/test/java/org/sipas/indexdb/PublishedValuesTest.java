package org.sipas.indexdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUsers;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class PublishedValuesTest {

    @Autowired
    IndexFixtures fixtures;
    @Autowired
    IndexValues values;
    @Autowired
    IndexDefinitions definitions;
    @Autowired
    CurrentUsers users;

    private static ByteArrayInputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPublishedTableWithOneValueAboveItsMaximumAndOneTypedTotalStoresNothingAndSaysWhere() {
        IndexFixtures.Province p = fixtures.province("PVA");
        String csv = """
                unit_code,year,node_code,value
                %1$s,2024,LV1,9.5
                %1$s,2024,LV8,17.5
                %1$s,2024,PAR,88
                %1$s,2024,LV3,"11,75"
                """.formatted(p.code());
        assertThatThrownBy(() -> users.runAs(p.nationalAdmin(), () -> values.importPublished("par-2024.csv", text(csv), "par-index-tinh")))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                        .extracting(RowError::file, RowError::line, RowError::column, RowError::code)
                        .containsExactly(tuple("par-2024.csv", 3L, "value", "indexdb.value.aboveMax"),
                                tuple("par-2024.csv", 4L, "node_code", "indexdb.value.parent")));
        assertThat(values.figures("par-index-tinh", p.province(), 2024)).isEmpty();
    }

    @Test
    void publishedFieldScoresAreStoredAndTheTotalIsTheirSumComputedFromTheTree() {
        IndexFixtures.Province p = fixtures.province("PVB");
        Map<String, String> typed = Map.of("LV1", "9.5", "LV2", "9", "LV3", "11,75", "LV7", "13", "LV8", "15.25");
        StringBuilder csv = new StringBuilder("unit_code;year;node_code;value\n");
        typed.forEach((node, value) -> csv.append(p.code()).append(";2023;").append(node).append(';').append(value).append('\n'));
        int stored = users.runAs(p.nationalAdmin(), () -> values.importPublished("par-2023.csv", text(csv.toString()), "par-index-tinh"));
        assertThat(stored).isEqualTo(typed.size());

        BigDecimal expected = typed.values().stream().map(v -> new BigDecimal(v.replace(',', '.'))).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<UnitFigures> figures = values.figures("par-index-tinh", p.province(), 2023);
        assertThat(figures).hasSize(1);
        UnitFigures f = figures.get(0);
        IndexDefinition par = definitions.latest("par-index-tinh").orElseThrow();
        assertThat(f.source()).isEqualTo(ValueSource.PUBLISHED);
        assertThat(f.total(par)).isEqualByComparingTo(expected);
        assertThat(f.values().get("LV3")).isEqualByComparingTo("11.75");
        assertThat(f.values()).doesNotContainKeys("LV4", "LV5", "LV6");
    }

    @Test
    void aProvinceAdministratorCannotImportFiguresOfAnotherProvince() {
        IndexFixtures.Province mine = fixtures.province("PVC");
        IndexFixtures.Province other = fixtures.province("PVD");
        String csv = "unit_code,year,node_code,value\n" + mine.code() + ",2022,E1,80.5\n" + other.code() + ",2022,E1,81\n";
        assertThatThrownBy(() -> users.runAs(mine.provinceAdmin(), () -> values.importPublished("sipas.csv", text(csv), "sipas")))
                .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
                        .extracting(RowError::line, RowError::column, RowError::code)
                        .containsExactly(tuple(3L, "unit_code", "indexdb.value.outOfScope")));
        assertThat(values.figures("sipas", mine.province(), 2022)).isEmpty();
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aVersionThatHoldsValuesIsFrozenAndAChangedTreeBecomesTheNextVersion() {
        IndexFixtures.Province p = fixtures.province("PVE");
        String tree = """
                code: papi-phien-ban
                name: PAPI (phiên bản)
                aggregation: sum
                nodes:
                  - code: PAPI
                    name: PAPI
                    children:
                      - {code: D1, name: Tham gia, max: 10}
                      - {code: D2, name: Công khai, max: 10}
                """;
        IndexDefinition v1 = users.runAs(p.nationalAdmin(), () -> definitions.uploadYaml("papi.yaml", text(tree)));
        // not yet in use: a corrected upload replaces it
        IndexDefinition corrected = users.runAs(p.nationalAdmin(), () -> definitions.uploadYaml("papi.yaml",
                text(tree.replace("Công khai, max: 10", "\"Công khai, minh bạch\", max: 10"))));
        assertThat(corrected.id()).isEqualTo(v1.id());
        assertThat(corrected.version()).isEqualTo(1);
        users.runAs(p.nationalAdmin(), () -> values.importPublished("papi.csv",
                text("unit_code,year,node_code,value\n" + p.code() + ",2024,D1,6.5\n"), "papi-phien-ban"));
        assertThatThrownBy(() -> jdbc.sql("UPDATE index_node SET max_points = 12 WHERE definition_id = :d AND code = 'D1'")
                .param("d", v1.id()).update()).hasMessageContaining("never changed");
        IndexDefinition v2 = users.runAs(p.nationalAdmin(), () -> definitions.uploadYaml("papi.yaml",
                text(tree.replace("Tham gia, max: 10", "Tham gia, max: 12"))));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(definitions.version("papi-phien-ban", 1).orElseThrow().node("D1").orElseThrow().maxPoints()).isEqualByComparingTo("10");
        assertThat(values.figures("papi-phien-ban", p.province(), 2024)).singleElement()
                .satisfies(f -> assertThat(f.version()).isEqualTo(1));
    }
}
