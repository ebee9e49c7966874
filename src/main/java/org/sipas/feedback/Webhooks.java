package org.sipas.feedback;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.sipas.catalog.CatalogCodes;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.UnitDirectory;
import org.sipas.identity.UnitScope;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** Webhook endpoints, their deliveries and attempts, within the caller's scope. */
@Service
class Webhooks {

    record Endpoint(long id, String name, String url, String scopeUnitCode, boolean enabled, String createdBy, Instant createdAt) {
    }

    /** A new endpoint with its secret, shown once. */
    record Created(Endpoint endpoint, String secret) {
    }

    record Delivery(long id, long endpointId, String event, Long caseId, String state, int attempts, Instant nextAttemptAt,
                    Instant createdAt, Instant deliveredAt) {
    }

    record Attempt(long deliveryId, Instant at, Integer status, String error, int millis) {
    }

    private static final String ENDPOINTS = """
            SELECT e.id, e.name, e.url, u.code AS scope_unit_code, e.enabled, e.created_by, e.created_at
            FROM webhook_endpoint e JOIN unit u ON u.id = e.scope_unit_id""";

    private final JdbcClient jdbc;
    private final UnitScope scope;
    private final UnitDirectory units;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Webhooks(JdbcClient jdbc, UnitScope scope, UnitDirectory units, CurrentUsers users, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.units = units;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    List<Endpoint> endpoints() {
        return jdbc.sql(ENDPOINTS + " WHERE " + CatalogCodes.unitWithinScope("e.scope_unit_id", "scope") + " ORDER BY e.id")
                .param("scope", scope.unitId()).query(Endpoint.class).list();
    }

    @Transactional
    Created create(String name, String url, String unitCode) {
        if (name == null || name.isBlank()) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "the endpoint needs a name (name)");
        }
        if (url == null || !url.strip().matches("https?://\\S+")) {
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "not an http(s) address (url): " + url);
        }
        long unit = unitCode == null || unitCode.isBlank() ? scope.unitId()
                : units.findByCode(unitCode.strip()).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                        "unknown unit (unitCode) " + unitCode)).id();
        scope.require(unit);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("""
                        INSERT INTO webhook_endpoint (name, url, secret, scope_unit_id, created_by, created_at)
                        VALUES (:n, :u, :s, :unit, :by, :now) RETURNING id""")
                .param("n", name.strip()).param("u", url.strip()).param("s", secret).param("unit", unit)
                .param("by", users.actorName()).param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        Endpoint endpoint = endpoint(id);
        audit.record("webhook.created", "webhook_endpoint", Long.toString(id), null, endpoint, null);
        return new Created(endpoint, secret);
    }

    Endpoint endpoint(long id) {
        Endpoint endpoint = jdbc.sql(ENDPOINTS + " WHERE e.id = :id").param("id", id).query(Endpoint.class).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no webhook endpoint " + id));
        scope.require(units.findByCode(endpoint.scopeUnitCode()).orElseThrow().id());
        return endpoint;
    }

    @Transactional
    void setEnabled(long id, boolean enabled) {
        Endpoint before = endpoint(id);
        jdbc.sql("UPDATE webhook_endpoint SET enabled = :e WHERE id = :id").param("e", enabled).param("id", id).update();
        audit.record("webhook." + (enabled ? "enabled" : "disabled"), "webhook_endpoint", Long.toString(id), before, endpoint(id), null);
    }

    List<Delivery> deliveries(long endpointId) {
        endpoint(endpointId);
        return jdbc.sql("""
                        SELECT id, endpoint_id, event, case_id, state, attempts, next_attempt_at, created_at, delivered_at
                        FROM webhook_delivery WHERE endpoint_id = :e ORDER BY id DESC LIMIT 200""")
                .param("e", endpointId).query(Delivery.class).list();
    }

    List<Attempt> attempts(long endpointId) {
        endpoint(endpointId);
        return jdbc.sql("""
                        SELECT a.delivery_id, a.at, a.status, a.error, a.millis FROM webhook_attempt a
                        JOIN webhook_delivery d ON d.id = a.delivery_id WHERE d.endpoint_id = :e ORDER BY a.at DESC, a.id DESC LIMIT 500""")
                .param("e", endpointId).query(Attempt.class).list();
    }

    /** Sends a delivery again at the next run, whatever became of it. */
    @Transactional
    void redeliver(long endpointId, long deliveryId) {
        endpoint(endpointId);
        int changed = jdbc.sql("""
                        UPDATE webhook_delivery SET state = 'PENDING', next_attempt_at = :now, delivered_at = NULL
                        WHERE id = :d AND endpoint_id = :e""")
                .param("d", deliveryId).param("e", endpointId).param("now", Timestamp.from(clock.instant())).update();
        if (changed == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no delivery " + deliveryId + " of endpoint " + endpointId);
        }
        audit.record("webhook.redelivered", "webhook_delivery", Long.toString(deliveryId), null, Map.of("endpointId", endpointId), null);
    }
}
