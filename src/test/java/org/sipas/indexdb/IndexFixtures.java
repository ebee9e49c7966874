package org.sipas.indexdb;

import java.util.Set;

import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A province {@code <prefix>-P} with two communes, written into the unit tree as the catalog stores
 * it, and the people of the index database there: the national administrator, the province's
 * administrator (the council that appraises its communes) and each commune's head.
 */
@Component
class IndexFixtures {

    record Province(long province, long commune1, long commune2, String code, CurrentUser nationalAdmin, CurrentUser provinceAdmin,
                    CurrentUser commune1Head, CurrentUser commune2Head) {
    }

    private final JdbcClient jdbc;

    IndexFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Province province(String prefix) {
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        String code = prefix + "-P";
        long province = existing(code).orElseGet(() -> unit(code, "Tỉnh " + prefix, "PROVINCE", "Tỉnh", nation, "/VN/"));
        long c1 = existing(prefix + "-C1").orElseGet(() -> unit(prefix + "-C1", "Phường Một " + prefix, "COMMUNE", "Phường", province,
                "/VN/" + code + "/"));
        long c2 = existing(prefix + "-C2").orElseGet(() -> unit(prefix + "-C2", "Xã Hai " + prefix, "COMMUNE", "Xã", province,
                "/VN/" + code + "/"));
        String p = prefix.toLowerCase();
        return new Province(province, c1, c2, code, new CurrentUser("qt-quoc-gia-" + p, Set.of(Role.ADMIN), nation),
                new CurrentUser("qt-tinh-" + p, Set.of(Role.PROVINCE_ADMIN), province),
                new CurrentUser("truong-" + p + "-1", Set.of(Role.UNIT_MANAGER), c1),
                new CurrentUser("truong-" + p + "-2", Set.of(Role.UNIT_MANAGER), c2));
    }

    private java.util.Optional<Long> existing(String code) {
        return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", code).query(Long.class).optional();
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
