package org.sipas.collection.kiosk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sipas.catalog.CatalogCodes;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The kiosks: issued by an administrator for a unit of their scope, found by the key in a
 * tablet's address, revoked when a tablet is lost or retired. Issuing and revoking are audited.
 */
@Service
class Kiosks {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** What an administrator chose for a new kiosk. */
    record Order(String name, long unitId, String methodologyCode, int methodologyVersion, boolean askOfficial,
                 boolean askReceipt, Long campaignId) {
    }

    /** A kiosk just issued, with its key: the only time the key is seen. */
    record Issued(Kiosk kiosk, String key) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CurrentUsers users;

    Kiosks(JdbcClient jdbc, AuditLog audit, CurrentUsers users) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
    }

    @Transactional
    Issued issue(Order order) {
        String key = KioskKey.generate();
        long id = jdbc.sql("""
                        INSERT INTO kiosk (unit_id, name, methodology_code, methodology_version, key_hash, ask_official,
                                           ask_receipt, campaign_id, created_by)
                        VALUES (:unit, :name, :code, :version, :hash, :official, :receipt, :campaign, :by) RETURNING id""")
                .param("unit", order.unitId()).param("name", order.name()).param("code", order.methodologyCode())
                .param("version", order.methodologyVersion()).param("hash", KioskKey.hash(key))
                .param("official", order.askOfficial()).param("receipt", order.askReceipt())
                .param("campaign", order.campaignId()).param("by", users.actorName())
                .query(Long.class).single();
        audit.record("kiosk.issue", "kiosk", Long.toString(id), null, order, null);
        return new Issued(find(id).orElseThrow(), key);
    }

    /** Revokes a kiosk: its tablet is refused from the next request on. Revoking twice does nothing. */
    @Transactional
    void revoke(long id) {
        if (jdbc.sql("UPDATE kiosk SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL").param("id", id).update() == 1) {
            audit.record("kiosk.revoke", "kiosk", Long.toString(id), Map.of("revoked", false), Map.of("revoked", true), null);
        }
    }

    Optional<Kiosk> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(Kiosks::kiosk).optional();
    }

    /** The kiosk a tablet's address names, revoked or not (a revoked one gets its own polite page). */
    Optional<Kiosk> byKey(String key) {
        if (!KioskKey.looksLikeKey(key)) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE key_hash = :hash").param("hash", KioskKey.hash(key)).query(Kiosks::kiosk).optional();
    }

    /** The kiosks of the units within a scope, active first, newest first. */
    List<Kiosk> within(long scopeUnitId) {
        return jdbc.sql(SELECT + " WHERE " + CatalogCodes.unitWithinScope("unit_id", "scope")
                        + " ORDER BY revoked_at NULLS FIRST, created_at DESC, id DESC")
                .param("scope", scopeUnitId).query(Kiosks::kiosk).list();
    }

    /** Notes that the tablet is alive; written at most once a minute so a busy counter does not rewrite the row on every tap. */
    void seen(long id) {
        jdbc.sql("""
                UPDATE kiosk SET last_seen_at = now()
                WHERE id = :id AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')""")
                .param("id", id).update();
    }

    /**
     * Today's ratings (Vietnamese day, by the rating's own time) of these kiosks, kiosk → level
     * code → count, read from the question each kiosk's methodology rates with.
     */
    Map<Long, Map<String, Long>> today(List<Kiosk> kiosks, Map<Long, String> ratingQuestion, Instant now) {
        Instant midnight = LocalDate.ofInstant(now, VIETNAM).atStartOfDay(VIETNAM).toInstant();
        Map<Long, Map<String, Long>> tally = new HashMap<>();
        Map<String, List<Long>> byQuestion = new LinkedHashMap<>();
        kiosks.forEach(k -> byQuestion.computeIfAbsent(ratingQuestion.get(k.id()), q -> new java.util.ArrayList<>()).add(k.id()));
        byQuestion.forEach((question, ids) -> {
            if (question == null) {
                return;
            }
            jdbc.sql("""
                            SELECT kiosk_id, answers ->> :question AS level, count(*) AS n FROM response
                            WHERE kiosk_id = ANY (:ids) AND finished_at >= :from
                            GROUP BY 1, 2""")
                    .param("question", question).param("ids", ids.toArray(Long[]::new)).param("from", Timestamp.from(midnight))
                    .query((rs, n) -> tally.computeIfAbsent(rs.getLong("kiosk_id"), k -> new HashMap<>())
                            .put(rs.getString("level"), rs.getLong("n")))
                    .list();
        });
        return tally;
    }

    private static final String SELECT = """
            SELECT id, unit_id, name, methodology_code, methodology_version, ask_official, ask_receipt, campaign_id,
                   created_by, created_at, revoked_at, last_seen_at FROM kiosk""";

    private static Kiosk kiosk(ResultSet rs, int n) throws SQLException {
        Long campaign = rs.getObject("campaign_id", Long.class);
        return new Kiosk(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("name"), rs.getString("methodology_code"),
                rs.getInt("methodology_version"), rs.getBoolean("ask_official"), rs.getBoolean("ask_receipt"),
                campaign, rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "revoked_at"), instant(rs, "last_seen_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
