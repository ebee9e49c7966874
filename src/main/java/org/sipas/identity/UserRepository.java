package org.sipas.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff accounts and their roles. */
@Repository
class UserRepository {

    /** A row of the user list, as an administrator sees it. */
    record UserRow(long id, String username, String displayName, long unitId, Set<Role> roles, boolean enabled,
                   boolean mustChangePassword, Instant createdAt, Instant lastLoginAt, Long partnerId) {
    }

    private static final String SELECT = """
            SELECT u.id, u.username, u.display_name, u.unit_id, u.enabled, u.must_change_password, u.created_at,
                   u.last_login_at, u.password_hash, u.partner_id,
                   coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
            FROM app_user u LEFT JOIN app_user_role r ON r.user_id = u.id
            """;

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    Optional<StaffUser> findForLogin(String username) {
        return jdbc.sql(SELECT + " WHERE u.username = :username GROUP BY u.id")
                .param("username", username)
                .query((rs, n) -> new StaffUser(rs.getLong("id"),
                        new CurrentUser(rs.getString("username"), roles(rs.getArray("roles")), rs.getLong("unit_id"),
                                rs.getObject("partner_id", Long.class)),
                        rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getBoolean("must_change_password")))
                .optional();
    }

    Optional<UserRow> find(long id) {
        return jdbc.sql(SELECT + " WHERE u.id = :id GROUP BY u.id").param("id", id).query(UserRepository::row).optional();
    }

    List<UserRow> all() {
        return jdbc.sql(SELECT + " GROUP BY u.id ORDER BY u.username").query(UserRepository::row).list();
    }

    List<StaffAccounts.StaffMember> enabledWith(Role role) {
        return jdbc.sql("""
                        SELECT u.username, u.display_name, u.unit_id FROM app_user u
                        WHERE u.enabled AND EXISTS (SELECT 1 FROM app_user_role r WHERE r.user_id = u.id AND r.role = :role)
                        ORDER BY u.display_name, u.username""")
                .param("role", role.name())
                .query((rs, n) -> new StaffAccounts.StaffMember(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    long create(String username, String displayName, String passwordHash, long unitId, Set<Role> roles, boolean mustChange) {
        long id = jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, unit_id, must_change_password)
                        VALUES (:username, :displayName, :hash, :unitId, :mustChange) RETURNING id""")
                .param("username", username).param("displayName", displayName).param("hash", passwordHash)
                .param("unitId", unitId).param("mustChange", mustChange)
                .query(Long.class).single();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO app_user_role (user_id, role) VALUES (:id, :role)")
                    .param("id", id).param("role", role.name()).update();
        }
        return id;
    }

    void setPassword(long id, String passwordHash, boolean mustChange) {
        jdbc.sql("UPDATE app_user SET password_hash = :hash, must_change_password = :mustChange WHERE id = :id")
                .param("hash", passwordHash).param("mustChange", mustChange).param("id", id).update();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE app_user SET enabled = :enabled WHERE id = :id").param("enabled", enabled).param("id", id).update();
    }

    /** Puts an account in a partner organisation, or (null) takes it out. */
    void setPartner(long id, Long partnerId) {
        jdbc.sql("UPDATE app_user SET partner_id = :p WHERE id = :id").param("p", partnerId).param("id", id).update();
    }

    /** The accounts of a partner organisation, by user name. */
    List<UserRow> ofPartner(long partnerId) {
        return jdbc.sql(SELECT + " WHERE u.partner_id = :p GROUP BY u.id ORDER BY u.username").param("p", partnerId)
                .query(UserRepository::row).list();
    }

    Optional<UserRow> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE u.username = :u GROUP BY u.id").param("u", username).query(UserRepository::row).optional();
    }

    void recordLogin(String username) {
        jdbc.sql("UPDATE app_user SET last_login_at = now() WHERE username = :username").param("username", username).update();
    }

    private static UserRow row(ResultSet rs, int n) throws SQLException {
        return new UserRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), rs.getLong("unit_id"),
                roles(rs.getArray("roles")), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                instant(rs, "created_at"), instant(rs, "last_login_at"), rs.getObject("partner_id", Long.class));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    static Set<Role> roles(Array array) throws SQLException {
        String[] names = (String[]) array.getArray();
        return names.length == 0 ? EnumSet.noneOf(Role.class)
                : Arrays.stream(names).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
