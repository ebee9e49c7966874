package org.sipas.catalog;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provinces' boundaries an administrator uploaded as GeoJSON (table {@code province_boundaries}):
 * the public map draws them and quality control measures how far an interview's position lies from
 * its unit's province. Each upload is kept (DESIGN §1); the newest is in use. Reading a real file takes
 * a second, so the newest is kept in memory and read again only when a newer upload appears; a node
 * sees another node's upload within {@link #RECHECK} (nodes share nothing but the database).
 */
@Service
public class ProvinceOutlines {

    /** How long a node trusts the boundaries it holds before asking whether a newer upload exists. */
    public static final Duration RECHECK = Duration.ofSeconds(10);

    /** An upload as the admin page lists it. */
    public record Upload(long id, String fileName, Instant uploadedAt, String uploadedBy, int features, List<String> codes) {
    }

    /** The boundaries of one upload, by province code. */
    public record Boundaries(long id, Map<String, ProvinceOutline> provinces) {

        public List<ProvinceOutline> list() {
            return List.copyOf(provinces.values());
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CatalogCodes catalog;
    private final AuditLog audit;
    private final CurrentUsers users;

    private volatile Optional<Boundaries> newest;
    private volatile long checkedAt;

    ProvinceOutlines(JdbcClient jdbc, JsonMapper json, CatalogCodes catalog, AuditLog audit, CurrentUsers users) {
        this.jdbc = jdbc;
        this.json = json;
        this.catalog = catalog;
        this.audit = audit;
        this.users = users;
    }

    /**
     * Checks the whole file and stores it as the boundaries in use, or stores nothing and throws
     * {@link org.sipas.web.ImportRejectedException} with every problem found (file, line, JSON path). Audited.
     */
    @Transactional
    public Upload upload(String fileName, byte[] bytes) {
        Map<String, String> provinces = new LinkedHashMap<>();
        catalog.provinces().forEach(p -> provinces.put(p.code(), p.name()));
        List<ProvinceOutline> read = BoundaryFile.read(fileName, bytes, provinces, json);
        List<String> codes = read.stream().map(ProvinceOutline::code).sorted().toList();
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
        audit.record("upload", "province_boundaries", Long.toString(id), before.orElse(null), stored,
                missing.isEmpty() ? fileName : fileName + "; without " + String.join(", ", missing));
        newest = Optional.of(boundaries(id, read));
        checkedAt = System.nanoTime();
        return stored;
    }

    /** The newest upload, if any. */
    public Optional<Upload> current() {
        return jdbc.sql("SELECT id FROM province_boundaries ORDER BY id DESC LIMIT 1").query(Long.class).optional()
                .flatMap(this::find);
    }

    /** Every upload, newest first. */
    public List<Upload> history() {
        return jdbc.sql("""
                        SELECT id, file_name, uploaded_at, uploaded_by, features, codes FROM province_boundaries
                        ORDER BY id DESC""")
                .query((rs, n) -> upload(rs)).list();
    }

    /** The boundaries of the newest upload, read once; empty when nobody uploaded any yet. */
    public Optional<Boundaries> newest() {
        Optional<Boundaries> known = newest;
        if (known != null && System.nanoTime() - checkedAt < RECHECK.toNanos()) {
            return known;
        }
        synchronized (this) {
            if (newest != null && System.nanoTime() - checkedAt < RECHECK.toNanos()) {
                return newest;
            }
            Optional<Long> id = jdbc.sql("SELECT max(id) FROM province_boundaries").query(Long.class).optional();
            if (id.isEmpty() || id.get() == null) {
                newest = Optional.empty();
            } else if (newest == null || newest.isEmpty() || newest.get().id() != id.get()) {
                String text = jdbc.sql("SELECT file_name || chr(10) || geojson FROM province_boundaries WHERE id = :id")
                        .param("id", id.get()).query(String.class).single();
                int cut = text.indexOf('\n');
                // a file stored was checked when uploaded: a province merged away since is still read as the file has it
                newest = Optional.of(boundaries(id.get(), BoundaryFile.read(text.substring(0, cut),
                        text.substring(cut + 1).getBytes(StandardCharsets.UTF_8), null, json)));
            }
            checkedAt = System.nanoTime();
            return newest;
        }
    }

    /**
     * How far a point lies outside the boundary of the province the unit belongs to (its ancestor at
     * the province level, or itself), in kilometres, 0 inside; empty when no boundaries were uploaded,
     * the unit is in no province (a ministry, the nation) or the file has no outline for its province.
     */
    public OptionalDouble kmOutsideProvinceOf(long unitId, double latitude, double longitude) {
        Optional<Boundaries> boundaries = newest();
        if (boundaries.isEmpty()) {
            return OptionalDouble.empty();
        }
        // the path of codes from the nation down, /VN/01/00004/, starts with its province's /VN/01/
        Optional<String> province = jdbc.sql("""
                        SELECT p.code FROM unit u JOIN unit p ON p.depth = 1 AND p.kind = 'PROVINCE'
                                                          AND starts_with(u.path, p.path)
                        WHERE u.id = :unit""")
                .param("unit", unitId).query(String.class).optional();
        ProvinceOutline outline = province.map(boundaries.get().provinces()::get).orElse(null);
        return outline == null ? OptionalDouble.empty() : OptionalDouble.of(outline.kmOutside(latitude, longitude));
    }

    private static Boundaries boundaries(long id, List<ProvinceOutline> read) {
        Map<String, ProvinceOutline> byCode = new LinkedHashMap<>();
        read.forEach(p -> byCode.put(p.code(), p));
        return new Boundaries(id, Collections.unmodifiableMap(byCode));
    }

    private Optional<Upload> find(long id) {
        return jdbc.sql("""
                        SELECT id, file_name, uploaded_at, uploaded_by, features, codes FROM province_boundaries
                        WHERE id = :id""")
                .param("id", id).query((rs, n) -> upload(rs)).optional();
    }

    private static Upload upload(ResultSet rs) throws SQLException {
        return new Upload(rs.getLong("id"), rs.getString("file_name"),
                rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(), rs.getString("uploaded_by"),
                rs.getInt("features"), List.of((String[]) rs.getArray("codes").getArray()));
    }
}
