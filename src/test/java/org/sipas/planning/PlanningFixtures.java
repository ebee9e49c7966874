package org.sipas.planning;

import java.util.Set;

import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A province {@code <prefix>-P} with two communes {@code <prefix>-C1} and {@code <prefix>-C2},
 * written into the unit tree as the catalog stores it, and callers scoped to each.
 */
@Component
class PlanningFixtures {

    record Province(long province, long commune1, long commune2, CurrentUser admin, CurrentUser commune1Manager,
                    CurrentUser commune2Manager) {
    }

    private final JdbcClient jdbc;

    PlanningFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Province province(String prefix) {
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        long province = unit(prefix + "-P", "Tỉnh " + prefix, "PROVINCE", "Tỉnh", nation, "/VN/");
        long c1 = unit(prefix + "-C1", "Phường Một " + prefix, "COMMUNE", "Phường", province, "/VN/" + prefix + "-P/");
        long c2 = unit(prefix + "-C2", "Xã Hai " + prefix, "COMMUNE", "Xã", province, "/VN/" + prefix + "-P/");
        String p = prefix.toLowerCase();
        return new Province(province, c1, c2, new CurrentUser("admin-" + p, Set.of(Role.PROVINCE_ADMIN), province),
                new CurrentUser("truong-" + p + "-1", Set.of(Role.UNIT_MANAGER), c1),
                new CurrentUser("truong-" + p + "-2", Set.of(Role.UNIT_MANAGER), c2));
    }

    private long unit(String code, String name, String kind, String type, long parent, String parentPath) {
        return jdbc.sql("""
                        INSERT INTO unit (code, name, kind, unit_type, parent_id, path, depth)
                        VALUES (:code, :name, :kind, :type, :parent, :path, :depth) RETURNING id""")
                .param("code", code).param("name", name).param("kind", kind).param("type", type)
                .param("parent", parent).param("path", parentPath + code + "/").param("depth", parentPath.split("/").length - 1)
                .query(Long.class).single();
    }
}
