package org.sipas.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.UnitScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one scope rule as the Java checks ask it, against the tree the catalog stores and the SQL
 * fragment other features put in their queries: both must say the same.
 */
@SpringBootTest
class UnitScopeTest {

    @Autowired
    UnitScope scope;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;

    long province;
    long commune;
    long lookalike;
    long lookalikeCommune;

    @BeforeEach
    void twoProvincesWhoseCodesDifferOnlyWhereOneHasAnUnderscore() {
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        if (jdbc.sql("SELECT count(*) FROM unit WHERE code = 'US_1'").query(Long.class).single() == 0) {
            unit("US_1", "PROVINCE", nation, "/VN/");
            unit("US_1-X", "COMMUNE", id("US_1"), "/VN/US_1/");
            unit("USX1", "PROVINCE", nation, "/VN/");
            unit("USX1-X", "COMMUNE", id("USX1"), "/VN/USX1/");
        }
        province = id("US_1");
        commune = id("US_1-X");
        lookalike = id("USX1");
        lookalikeCommune = id("USX1-X");
    }

    @Test
    void aScopeCoversItsOwnUnitAndItsSubtreeAndNothingBeside() {
        CurrentUser manager = new CurrentUser("us-manager", Set.of(Role.PROVINCE_ADMIN), province);

        assertThat(scope.covers(manager, province)).isTrue();
        assertThat(scope.covers(manager, commune)).isTrue();
        assertThat(scope.covered(manager, List.of(province, commune, lookalike, lookalikeCommune)))
                .containsExactlyInAnyOrder(province, commune);
        assertThatThrownBy(() -> scope.require(manager, lookalikeCommune)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anUnderscoreInAUnitCodeIsNoWildcardInTheScopeFragment() {
        List<Long> seen = jdbc.sql("SELECT id FROM unit u WHERE " + CatalogCodes.unitWithinScope("u.id", "scope") + " ORDER BY id")
                .param("scope", province).query(Long.class).list();

        assertThat(seen).containsExactly(province, commune);
    }

    @Test
    void aCommunesScopeOverlapsItsProvinceButDoesNotCoverIt() {
        CurrentUser communeHead = new CurrentUser("us-head", Set.of(Role.UNIT_MANAGER), commune);

        users.runAs(communeHead, () -> {
            assertThat(scope.overlaps(province)).isTrue();
            assertThat(scope.covers(province)).isFalse();
            assertThat(scope.overlaps(lookalike)).isFalse();
            return null;
        });
    }

    private void unit(String code, String kind, long parent, String parentPath) {
        jdbc.sql("""
                        INSERT INTO unit (code, name, kind, unit_type, parent_id, path, depth)
                        VALUES (:code, :name, :kind, :type, :parent, :path, :depth)""")
                .param("code", code).param("name", "Đơn vị " + code).param("kind", kind)
                .param("type", kind.equals("PROVINCE") ? "Tỉnh" : "Xã").param("parent", parent)
                .param("path", parentPath + code + "/").param("depth", parentPath.split("/").length - 1).update();
    }

    private long id(String code) {
        return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).single();
    }
}
