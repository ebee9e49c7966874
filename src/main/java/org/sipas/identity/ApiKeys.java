package org.sipas.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys an administrator issues to an integration (a one-stop system pushing dossiers). A key
 * reads {@code sipas_<prefix>_<secret>}; it is shown once, and only the SHA-256 of the whole key
 * is kept. Each key is scoped to a unit subtree like a user.
 */
@Service
public class ApiKeys {

    /** A key as listed (never its secret). */
    public record Listed(long id, String name, String prefix, long unitId, Set<Role> roles, String createdBy,
                         Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    /** A newly issued key: the only time the secret is seen. */
    public record Issued(long id, String name, String key) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CurrentUsers currentUsers;

    ApiKeys(JdbcClient jdbc, AuditLog audit, CurrentUsers currentUsers) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.currentUsers = currentUsers;
    }

    @Transactional
    public Issued issue(String name, long unitId, Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("An API key needs at least one role");
        }
        String prefix = random(6);
        String key = "sipas_" + prefix + "_" + random(32);
        long id = jdbc.sql("""
                        INSERT INTO api_key (name, prefix, secret_hash, unit_id, roles, created_by)
                        VALUES (:name, :prefix, :hash, :unitId, :roles, :createdBy) RETURNING id""")
                .param("name", name).param("prefix", prefix).param("hash", sha256(key)).param("unitId", unitId)
                .param("roles", roles.stream().map(Role::name).sorted().toArray(String[]::new))
                .param("createdBy", currentUsers.actorName())
                .query(Long.class).single();
        audit.record("api-key.issue", "api_key", Long.toString(id), null,
                Map.of("name", name, "prefix", prefix, "unitId", unitId, "roles", roles), null);
        return new Issued(id, name, key);
    }

    @Transactional
    public void revoke(long id) {
        int changed = jdbc.sql("UPDATE api_key SET revoked_at = now() WHERE id = :id AND revoked_at IS NULL")
                .param("id", id).update();
        if (changed == 1) {
            audit.record("api-key.revoke", "api_key", Long.toString(id), Map.of("revoked", false), Map.of("revoked", true), null);
        }
    }

    public List<Listed> all() {
        return jdbc.sql(LISTED + " ORDER BY revoked_at NULLS FIRST, created_at DESC").query(ApiKeys::listed).list();
    }

    public Optional<Listed> find(long id) {
        return jdbc.sql(LISTED + " WHERE id = :id").param("id", id).query(ApiKeys::listed).optional();
    }

    private static final String LISTED = """
            SELECT id, name, prefix, unit_id, roles, created_by, created_at, last_used_at, revoked_at FROM api_key""";

    private static Listed listed(ResultSet rs, int n) throws SQLException {
        return new Listed(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"), rs.getLong("unit_id"),
                UserRepository.roles(rs.getArray("roles")), rs.getString("created_by"),
                UserRepository.instant(rs, "created_at"), UserRepository.instant(rs, "last_used_at"),
                UserRepository.instant(rs, "revoked_at"));
    }

    /** The caller a presented key stands for, if the key is genuine, not revoked and not expired. */
    Optional<CurrentUser> authenticate(String presented) {
        String[] parts = presented == null ? new String[0] : presented.split("_", 3);
        if (parts.length != 3 || !parts[0].equals("sipas")) {
            return Optional.empty();
        }
        byte[] hash = sha256(presented);
        record Stored(long id, String name, byte[] hash, long unitId, Set<Role> roles) {
        }
        Optional<Stored> stored = jdbc.sql("""
                        SELECT id, name, secret_hash, unit_id, roles FROM api_key
                        WHERE prefix = :prefix AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())""")
                .param("prefix", parts[1])
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("name"), rs.getBytes("secret_hash"),
                        rs.getLong("unit_id"), UserRepository.roles(rs.getArray("roles"))))
                .optional()
                .filter(k -> MessageDigest.isEqual(hash, k.hash()));
        stored.ifPresent(k -> jdbc.sql("UPDATE api_key SET last_used_at = now() WHERE id = :id").param("id", k.id()).update());
        return stored.map(k -> new CurrentUser("api-key:" + k.name(), k.roles(), k.unitId()));
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return BASE64URL.encodeToString(b).replace('_', 'x').replace('-', 'y');
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
