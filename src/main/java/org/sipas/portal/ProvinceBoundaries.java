package org.sipas.portal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The province boundaries an administrator uploaded (table {@code province_boundaries}), and the map
 * drawn from the newest of them. Drawing takes a second for a real file, so the outline is kept in
 * memory and redrawn only when a newer upload appears; a node sees another node's upload within
 * {@link #RECHECK} (nodes share nothing but the database, DESIGN §1).
 */
@Service
class ProvinceBoundaries {

    /** How long a node trusts its outline before asking the database whether a newer upload exists. */
    static final Duration RECHECK = Duration.ofSeconds(10);

    /** An upload as the admin page lists it. */
    record Upload(long id, String fileName, Instant uploadedAt, String uploadedBy, int features, List<String> codes) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CatalogCodes catalog;
    private final AuditLog audit;
    private final CurrentUsers users;

    private final PageCache pages;
    private volatile Optional<MapOutline> outline;
    private volatile long checkedAt;

    ProvinceBoundaries(JdbcClient jdbc, JsonMapper json, CatalogCodes catalog, AuditLog audit, CurrentUsers users,
                       PageCache pages) {
        this.pages = pages;
        this.jdbc = jdbc;
        this.json = json;
        this.catalog = catalog;
        this.audit = audit;
        this.users = users;
    }

    /**
     * Checks the whole file and stores it as the map in use, or stores nothing and throws
     * {@link org.sipas.web.ImportRejectedException} with every problem found. Audited.
     */
    @Transactional
    Upload upload(String fileName, byte[] bytes) {
        Map<String, String> provinces = new LinkedHashMap<>();
        catalog.provinces().forEach(p -> provinces.put(p.code(), p.name()));
        List<BoundaryFile.Province> read = BoundaryFile.read(fileName, bytes, provinces, json);
        List<String> codes = read.stream().map(BoundaryFile.Province::code).sorted().toList();
        Optional<Upload> before = current();
        long id = jdbc.sql("""
                        INSERT INTO province_boundaries (file_name, uploaded_by, features, codes, geojson)
                        VALUES (:file, :by, :features, :codes, :geojson) RETURNING id""")
                .param("file", fileName).param("by", users.actorName()).param("features", read.size())
                .param("codes", codes.toArray(String[]::new))
                .param("geojson", new String(bytes, StandardCharsets.UTF_8))
                .query(Long.class).single();
        Upload stored = find(id).orElseThrow();
        List<String> missing = provinces.keySet().stream().filter(code -> !codes.contains(code)).toList();
        audit.record("upload", "province_boundaries", Long.toString(id), before.orElse(null), stored, missing.isEmpty() ? fileName : fileName + "; without " + String.join(", ", missing));
        outline = Optional.of(MapOutline.of(id, read));
        checkedAt = System.nanoTime();
        pages.forget();
        return stored;
    }

    /** The newest upload, if any. */
    Optional<Upload> current() {
        return jdbc.sql("SELECT id FROM province_boundaries ORDER BY id DESC LIMIT 1").query(Long.class).optional()
                .flatMap(this::find);
    }

    /** Every upload, newest first. */
    List<Upload> history() {
        return jdbc.sql("""
                        SELECT id, file_name, uploaded_at, uploaded_by, features, codes FROM province_boundaries
                        ORDER BY id DESC""")
                .query((rs, n) -> upload(rs)).list();
    }

    /** The map of the newest upload, drawn once; empty when nobody uploaded boundaries yet. */
    Optional<MapOutline> outline() {
        Optional<MapOutline> known = outline;
        long now = System.nanoTime();
        if (known != null && now - checkedAt < RECHECK.toNanos()) {
            return known;
        }
        synchronized (this) {
            if (outline != null && System.nanoTime() - checkedAt < RECHECK.toNanos()) {
                return outline;
            }
            Optional<Long> newest = jdbc.sql("SELECT max(id) FROM province_boundaries").query(Long.class).optional();
            if (newest.isEmpty() || newest.get() == null) {
                outline = Optional.empty();
            } else if (outline == null || outline.isEmpty() || outline.get().boundariesId() != newest.get()) {
                String text = jdbc.sql("SELECT file_name || chr(10) || geojson FROM province_boundaries WHERE id = :id")
                        .param("id", newest.get()).query(String.class).single();
                int cut = text.indexOf('\n');
                // a file stored was checked when uploaded: a province merged away since is still drawn as the file has it
                List<BoundaryFile.Province> read = BoundaryFile.read(text.substring(0, cut),
                        text.substring(cut + 1).getBytes(StandardCharsets.UTF_8), null, json);
                outline = Optional.of(MapOutline.of(newest.get(), read));
            }
            checkedAt = System.nanoTime();
            return outline;
        }
    }

    private Optional<Upload> find(long id) {
        return jdbc.sql("""
                        SELECT id, file_name, uploaded_at, uploaded_by, features, codes FROM province_boundaries
                        WHERE id = :id""")
                .param("id", id).query((rs, n) -> upload(rs)).optional();
    }

    private static Upload upload(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Upload(rs.getLong("id"), rs.getString("file_name"),
                rs.getObject("uploaded_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("uploaded_by"),
                rs.getInt("features"), List.of((String[]) rs.getArray("codes").getArray()));
    }
}
