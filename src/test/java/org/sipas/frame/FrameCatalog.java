package org.sipas.frame;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The slice of the catalog a frame test needs, inserted with plain SQL under codes of its own (the
 * test database is shared by all test classes of a run): two provinces, P1 with communes C1 and
 * C2, P2 with commune C3; procedures T1 and T2; official O1 in C1 and O2 in C2.
 */
final class FrameCatalog {

    private final JdbcClient jdbc;
    private final String prefix;

    FrameCatalog(JdbcClient jdbc, String prefix) {
        this.jdbc = jdbc;
        this.prefix = prefix;
        if (jdbc.sql("SELECT count(*) FROM unit WHERE code = :code").param("code", code("P1")).query(Long.class).single() > 0) {
            return;
        }
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        long p1 = unit("P1", "Tỉnh Thử Nghiệm " + prefix, "PROVINCE", "Tỉnh", nation, "/VN/");
        long p2 = unit("P2", "Thành phố Khác " + prefix, "PROVINCE", "Thành phố", nation, "/VN/");
        long c1 = unit("C1", "Phường Một " + prefix, "COMMUNE", "Phường", p1, "/VN/" + code("P1") + "/");
        unit("C2", "Xã Hai " + prefix, "COMMUNE", "Xã", p1, "/VN/" + code("P1") + "/");
        unit("C3", "Phường Ba " + prefix, "COMMUNE", "Phường", p2, "/VN/" + code("P2") + "/");
        for (String procedure : new String[] {"T1", "T2"}) {
            jdbc.sql("INSERT INTO procedure (code, name, level) VALUES (:code, :name, 'COMMUNE')")
                    .param("code", code(procedure)).param("name", "Thủ tục " + procedure).update();
        }
        official("O1", "Trần Thị Bình", c1);
        official("O2", "Lê Văn Cường", unitId("C2"));
    }

    /** The real code of a fixture unit, procedure or official: {@code C1} → {@code <prefix>-C1}. */
    String code(String local) {
        return prefix + "-" + local;
    }

    long unitId(String local) {
        return jdbc.sql("SELECT id FROM unit WHERE code = :code").param("code", code(local)).query(Long.class).single();
    }

    /** How many dossiers are stored whose receipt code starts so. */
    long dossiers(String receiptPrefix) {
        return jdbc.sql("SELECT count(*) FROM dossier WHERE receipt_code LIKE :p || '%'").param("p", receiptPrefix)
                .query(Long.class).single();
    }

    private long unit(String local, String name, String kind, String type, long parent, String parentPath) {
        return jdbc.sql("""
                        INSERT INTO unit (code, name, kind, unit_type, parent_id, path, depth)
                        VALUES (:code, :name, :kind, :type, :parent, :path, :depth) RETURNING id""")
                .param("code", code(local)).param("name", name).param("kind", kind).param("type", type)
                .param("parent", parent).param("path", parentPath + code(local) + "/")
                .param("depth", parentPath.split("/").length - 1)
                .query(Long.class).single();
    }

    private void official(String local, String name, long unitId) {
        jdbc.sql("INSERT INTO official (staff_code, full_name, unit_id) VALUES (:code, :name, :unit)")
                .param("code", code(local)).param("name", name).param("unit", unitId).update();
    }
}
