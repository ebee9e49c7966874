package org.sipas.identity;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who did what, when, with the record before and after the change. Written in the caller's
 * transaction, so a change and its audit entry are stored together or not at all.
 */
@Service
public class AuditLog {

    /** One entry as the audit page shows it; before and after are JSON text. */
    public record Entry(long id, Instant at, String actor, String action, String entityType, String entityId,
                        String before, String after, String detail) {
    }

    private final JdbcClient jdbc;
    private final CurrentUsers currentUsers;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, CurrentUsers currentUsers, JsonMapper json) {
        this.jdbc = jdbc;
        this.currentUsers = currentUsers;
        this.json = json;
    }

    /**
     * Records a change by the current caller.
     *
     * @param before the record before the change (null for a creation), any value Jackson can write
     * @param after  the record after the change (null for a deletion)
     */
    public void record(String action, String entityType, String entityId, Object before, Object after, String detail) {
        jdbc.sql("""
                        INSERT INTO audit_log (actor, action, entity_type, entity_id, before, after, detail)
                        VALUES (:actor, :action, :entityType, :entityId, cast(:before AS jsonb), cast(:after AS jsonb), :detail)""")
                .param("actor", currentUsers.actorName())
                .param("action", action)
                .param("entityType", entityType)
                .param("entityId", entityId)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .param("detail", detail)
                .update();
    }

    public long count(String entityType) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE (:type::text IS NULL OR entity_type = :type)")
                .param("type", entityType).query(Long.class).single();
    }

    public List<Entry> page(String entityType, int limit, long offset) {
        return jdbc.sql("""
                        SELECT id, at, actor, action, entity_type, entity_id, before::text, after::text, detail
                        FROM audit_log WHERE (:type::text IS NULL OR entity_type = :type)
                        ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .param("type", entityType).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Entry(rs.getLong("id"), UserRepository.instant(rs, "at"), rs.getString("actor"),
                        rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                        rs.getString("before"), rs.getString("after"), rs.getString("detail")))
                .list();
    }
}
