package org.sipas.campaign;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Units and dossiers written straight into the tables, under a test's own code prefix. */
final class TestFrame {

    private TestFrame() {
    }

    /**
     * {@code count} dossiers of a commune received from {@code from} on, one every 90 minutes; the
     * phone of person (first + i) mod {@code people} (so people come back when the same count is given for two units).
     */
    static void dossiers(JdbcClient jdbc, String prefix, String unit, int count, String from, int first, boolean withPhone, int people) {
        jdbc.sql("""
                        WITH d AS (
                            INSERT INTO dossier (unit_id, receipt_code, procedure_id, applicant_kind, received_at, channel, status)
                            SELECT u.id, :prefix || '-' || (:first + i), p.id, 'CITIZEN',
                                   (CAST(:from AS date) + make_interval(mins => 90 * i)) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DIRECT', 'RETURNED'
                            FROM generate_series(0, :count - 1) i, unit u, procedure p
                            WHERE u.code = :unit AND p.code = :prefix || '-T1'
                            RETURNING id, receipt_code)
                        INSERT INTO dossier_contact (dossier_id, phone_hash, contact_hash)
                        SELECT id, CASE WHEN :phone THEN sha256(CAST(:prefix || ((split_part(receipt_code, '-', 2)::int) % :people) AS bytea)) END,
                               sha256(CAST(receipt_code AS bytea))
                        FROM d""")
                .param("prefix", prefix).param("first", first).param("from", from).param("count", count)
                .param("unit", prefix + "-" + unit).param("phone", withPhone).param("people", people)
                .update();
    }

    static long unit(JdbcClient jdbc, String prefix, String local, String name, String kind, String type, long parent, String parentPath) {
        return jdbc.sql("""
                        INSERT INTO unit (code, name, kind, unit_type, parent_id, path, depth)
                        VALUES (:code, :name, :kind, :type, :parent, :path, :depth) RETURNING id""")
                .param("code", prefix + "-" + local).param("name", name).param("kind", kind).param("type", type)
                .param("parent", parent).param("path", parentPath + prefix + "-" + local + "/")
                .param("depth", parentPath.split("/").length - 1)
                .query(Long.class).single();
    }
}
