package org.sipas.methodology;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored versions of every methodology ({@code methodology_version}). */
@Repository
class MethodologyRepository {

    /** Where a stored version came from. */
    enum Origin { SHIPPED, YAML, XLSFORM }

    /** One stored version as its row holds it; the model is read from {@code source}. */
    record StoredVersion(String code, int version, String title, String source, String sourceHash, Origin origin,
                         String uploadedBy, Instant uploadedAt, Instant frozenAt) {

        /** Public, as record accessors are, so templates can call it. */
        public boolean frozen() {
            return frozenAt != null;
        }
    }

    private static final String COLUMNS = """
            SELECT code, version, title, source, source_hash, origin, uploaded_by, uploaded_at, frozen_at
            FROM methodology_version""";

    private final JdbcClient jdbc;

    private static StoredVersion row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime frozenAt = rs.getObject("frozen_at", OffsetDateTime.class);
        return new StoredVersion(rs.getString("code"), rs.getInt("version"), rs.getString("title"),
                rs.getString("source"), rs.getString("source_hash"), Origin.valueOf(rs.getString("origin")),
                rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(),
                frozenAt == null ? null : frozenAt.toInstant());
    }

    MethodologyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredVersion> all() {
        return jdbc.sql(COLUMNS + " ORDER BY code, version").query(MethodologyRepository::row).list();
    }

    List<StoredVersion> versions(String code) {
        return jdbc.sql(COLUMNS + " WHERE code = :code ORDER BY version").param("code", code)
                .query(MethodologyRepository::row).list();
    }

    Optional<StoredVersion> find(String code, int version) {
        return jdbc.sql(COLUMNS + " WHERE code = :code AND version = :version")
                .param("code", code).param("version", version).query(MethodologyRepository::row).optional();
    }

    Optional<StoredVersion> latest(String code) {
        return jdbc.sql(COLUMNS + " WHERE code = :code ORDER BY version DESC LIMIT 1")
                .param("code", code).query(MethodologyRepository::row).optional();
    }

    /** Serialises changes to one code's versions until the transaction ends, whichever node makes them. */
    void lock(String code) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('methodology:' || :code))").param("code", code)
                .query(Object.class).single();
    }

    /** Inserts a new version; false when that code and version already exist (another node was first). */
    boolean insert(StoredVersion v) {
        return jdbc.sql("""
                        INSERT INTO methodology_version (code, version, title, source, source_hash, origin, uploaded_by)
                        VALUES (:code, :version, :title, :source, :hash, :origin, :by)
                        ON CONFLICT (code, version) DO NOTHING""")
                .param("code", v.code()).param("version", v.version()).param("title", v.title())
                .param("source", v.source()).param("hash", v.sourceHash()).param("origin", v.origin().name())
                .param("by", v.uploadedBy())
                .update() == 1;
    }

    /** Replaces a draft (a version no campaign uses yet); false when it is frozen meanwhile. */
    boolean replaceDraft(StoredVersion v) {
        return jdbc.sql("""
                        UPDATE methodology_version
                        SET title = :title, source = :source, source_hash = :hash, origin = :origin,
                            uploaded_by = :by, uploaded_at = now()
                        WHERE code = :code AND version = :version AND frozen_at IS NULL""")
                .param("code", v.code()).param("version", v.version()).param("title", v.title())
                .param("source", v.source()).param("hash", v.sourceHash()).param("origin", v.origin().name())
                .param("by", v.uploadedBy())
                .update() == 1;
    }

    /** Freezes a version; false when it was frozen already. */
    boolean freeze(String code, int version) {
        return jdbc.sql("""
                        UPDATE methodology_version SET frozen_at = now()
                        WHERE code = :code AND version = :version AND frozen_at IS NULL""")
                .param("code", code).param("version", version).update() == 1;
    }
}
