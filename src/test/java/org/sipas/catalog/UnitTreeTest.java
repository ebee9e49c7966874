package org.sipas.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class UnitTreeTest {

    private static final Map<String, UnitTree.Stored> NATION_AND_HANOI = Map.of(
            "VN", new UnitTree.Stored(fields("VN", UnitKind.NATION, null), "/VN/"),
            "01", new UnitTree.Stored(fields("01", UnitKind.PROVINCE, "VN"), "/VN/01/"),
            "00004", new UnitTree.Stored(fields("00004", UnitKind.COMMUNE, "01"), "/VN/01/00004/"));

    @Test
    void aCommuneBeforeItsNewProvinceGetsThePathThroughIt() {
        Map<String, UnitFields> file = new LinkedHashMap<>();
        file.put("99001", fields("99001", UnitKind.COMMUNE, "99"));
        file.put("99", fields("99", UnitKind.PROVINCE, "VN"));
        UnitTree tree = new UnitTree(NATION_AND_HANOI, file);

        assertThat(tree.cycles()).isEmpty();
        assertThat(tree.path("99001")).isEqualTo("/VN/99/99001/");
        assertThat(UnitTree.depth(tree.path("99001"))).isEqualTo(2);
    }

    @Test
    void aProvinceMovedUnderItsOwnCommuneIsACycleAndHasNoPath() {
        UnitTree tree = new UnitTree(NATION_AND_HANOI, Map.of("01", fields("01", UnitKind.PROVINCE, "00004")));

        assertThat(tree.cycles()).containsExactlyInAnyOrder("01", "00004");
        assertThat(tree.path("01")).isNull();
        assertThat(tree.path("00004")).isNull();
    }

    @Test
    void onlyTheUnitsOnTheLoopAreTheCycleNotThoseHangingFromIt() {
        Map<String, UnitFields> file = new LinkedHashMap<>();
        file.put("A", fields("A", UnitKind.COMMUNE, "B"));
        file.put("B", fields("B", UnitKind.DISTRICT, "C"));
        file.put("C", fields("C", UnitKind.PROVINCE, "B"));
        UnitTree tree = new UnitTree(NATION_AND_HANOI, file);

        assertThat(tree.cycles()).containsExactlyInAnyOrder("B", "C");
        assertThat(tree.path("A")).isNull();
    }

    @Test
    void aParentNobodyKnowsLeavesThePathUnknown() {
        UnitTree tree = new UnitTree(NATION_AND_HANOI, Map.of("X", fields("X", UnitKind.COMMUNE, "NOWHERE")));

        assertThat(tree.cycles()).isEmpty();
        assertThat(tree.path("X")).isNull();
    }

    private static UnitFields fields(String code, UnitKind kind, String parent) {
        return new UnitFields(code, "Đơn vị " + code, null, null, kind, null, parent);
    }
}
