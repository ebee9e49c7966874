package org.sipas.index;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.postgresql.PGStatement;
import org.sipas.catalog.CatalogCodes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of the tallies, their outbox of count changes, the exclusions and the watermark. */
@Repository
class TallyRepository {

    /**
     * The one rule of whether a stored response counts, as SQL over {@code response r}. Today every
     * stored response counts unless a quality decision excluded it ({@link Tallies#leaveCount}).
     * The outbox follows the same rule: +1 when a response is stored, −1 when it is excluded.
     */
    static final String COUNTS = "NOT EXISTS (SELECT 1 FROM response_exclusion x WHERE x.response_id = r.id)";

    /** A count change not folded yet. */
    record Change(long seq, long responseId, int sign) {
    }

    /** Where the fold stands: how many folds changed the tallies, and the last one's time. */
    record Watermark(long fold, long lastSeq, long changes, Instant foldedAt) {
    }

    private static final String RESPONSES_WITH = """
            SELECT r.id, r.campaign_id, coalesce(r.stratum_id, 0) AS stratum_id,
                   coalesce(s.unit_id, r.unit_id, c.scope_unit_id) AS unit_id, r.sampled, r.channel, %s::text AS answers,
                   to_char(coalesce(r.finished_at, r.submitted_at) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month,
                   p.code AS procedure, ro.staff_code AS receiving, po.staff_code AS processing
            FROM response r
            %s
            JOIN campaign c ON c.id = r.campaign_id
            LEFT JOIN campaign_stratum s ON s.id = r.stratum_id
            LEFT JOIN dossier d ON d.id = r.dossier_id
            LEFT JOIN procedure p ON p.id = coalesce(s.procedure_id, d.procedure_id)
            LEFT JOIN official ro ON ro.id = d.receiving_official_id
            LEFT JOIN official po ON po.id = d.processing_official_id
            """;

    /** The responses with their answers as they stand (corrections applied). */
    private static final String RESPONSES = RESPONSES_WITH.formatted("r.answers", "");

    /**
     * The responses with their answers as first submitted: quality control keeps them in
     * {@code response_original} at a response's first correction (the index reads it, as it reads
     * the response, so that every figure can be computed again as the respondents answered).
     */
    private static final String RESPONSES_AS_SUBMITTED = RESPONSES_WITH.formatted("coalesce(orig.answers, r.answers)",
            "LEFT JOIN response_original orig ON orig.response_id = r.id");

    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    TallyRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** Locks the watermark for a fold; empty when another node holds it (that node folds). */
    Optional<Watermark> lockWatermarkOrSkip() {
        return jdbc.sql("SELECT fold, last_seq, changes, folded_at FROM tally_watermark WHERE id = 1 FOR UPDATE SKIP LOCKED")
                .query(TallyRepository::watermarkRow).optional();
    }

    /** Locks the watermark, waiting for a fold in progress (a rebuild). */
    Watermark lockWatermark() {
        return jdbc.sql("SELECT fold, last_seq, changes, folded_at FROM tally_watermark WHERE id = 1 FOR UPDATE")
                .query(TallyRepository::watermarkRow).single();
    }

    /** The outbox's length and age with the watermark's last fold, in one read that takes no lock. */
    FoldLag lag() {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM tally_change) AS waiting, (SELECT min(changed_at) FROM tally_change) AS oldest,
                               (SELECT folded_at FROM tally_watermark WHERE id = 1) AS folded, now() AS now""")
                .query((rs, n) -> new FoldLag(rs.getLong("waiting"), at(rs, "oldest"), at(rs, "folded"), at(rs, "now"))).single();
    }

    private static Instant at(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    Watermark watermark() {
        return jdbc.sql("SELECT fold, last_seq, changes, folded_at FROM tally_watermark WHERE id = 1")
                .query(TallyRepository::watermarkRow).single();
    }

    private static Watermark watermarkRow(ResultSet rs, int n) throws SQLException {
        return new Watermark(rs.getLong("fold"), rs.getLong("last_seq"), rs.getLong("changes"),
                rs.getTimestamp("folded_at") == null ? null : rs.getTimestamp("folded_at").toInstant());
    }

    void advance(int changes, long lastSeq) {
        jdbc.sql("""
                        UPDATE tally_watermark SET fold = fold + 1, changes = changes + :changes,
                               last_seq = greatest(last_seq, :seq), folded_at = now() WHERE id = 1""")
                .param("changes", changes).param("seq", lastSeq).update();
    }

    /** Takes the oldest changes out of the outbox, in the caller's (the fold's) transaction. */
    List<Change> takeChanges(int limit) {
        return jdbc.sql("""
                        DELETE FROM tally_change WHERE seq IN (SELECT seq FROM tally_change ORDER BY seq LIMIT :limit)
                        RETURNING seq, response_id, sign""")
                .param("limit", limit)
                .query((rs, n) -> new Change(rs.getLong("seq"), rs.getLong("response_id"), rs.getInt("sign")))
                .list();
    }

    /** The changes of a campaign's responses not folded yet: the tail a read adds to the tallies. */
    List<Change> pending(long campaignId) {
        return jdbc.sql("""
                        SELECT t.seq, t.response_id, t.sign FROM tally_change t JOIN response r ON r.id = t.response_id
                        WHERE r.campaign_id = :c ORDER BY t.seq""")
                .param("c", campaignId)
                .query((rs, n) -> new Change(rs.getLong("seq"), rs.getLong("response_id"), rs.getInt("sign")))
                .list();
    }

    long pendingCount() {
        return jdbc.sql("SELECT count(*) FROM tally_change").query(Long.class).single();
    }

    /** The responses of these ids, by id, whether they count today or not (a change says so). */
    Map<Long, CountedResponse> responses(Collection<Long> ids) {
        Map<Long, CountedResponse> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        jdbc.sql(RESPONSES + " WHERE r.id = ANY(:ids)").param("ids", ids.toArray(Long[]::new))
                .query(this::response).list().forEach(r -> byId.put(r.id(), r));
        return byId;
    }

    /** Every response of a campaign that counts, one at a time (a rebuild): streamed, never held. */
    void eachCounted(long campaignId, Consumer<CountedResponse> each) {
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement(RESPONSES + " WHERE r.campaign_id = ? AND " + COUNTS + " ORDER BY r.id");
            ps.setLong(1, campaignId);
            ps.setFetchSize(5_000);
            return ps;
        }, rs -> {
            each.accept(response(rs, 0));
        });
    }

    /** As {@link #eachCounted(long, Consumer)}, each with its answers as first submitted, before any correction. */
    void eachCountedAsSubmitted(long campaignId, Consumer<CountedResponse> each) {
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement(RESPONSES_AS_SUBMITTED + " WHERE r.campaign_id = ? AND " + COUNTS
                    + " ORDER BY r.id");
            ps.setLong(1, campaignId);
            ps.setFetchSize(5_000);
            return ps;
        }, rs -> {
            each.accept(response(rs, 0));
        });
    }

    /** As {@link #eachCounted(long, Consumer)}, for the named responses of the campaign only. */
    void eachCounted(long campaignId, Collection<Long> responseIds, Consumer<CountedResponse> each) {
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement(RESPONSES + " WHERE r.campaign_id = ? AND r.id = ANY(?) AND " + COUNTS
                    + " ORDER BY r.id");
            ps.setLong(1, campaignId);
            ps.setArray(2, con.createArrayOf("bigint", responseIds.toArray(Long[]::new)));
            ps.setFetchSize(5_000);
            return ps;
        }, rs -> {
            each.accept(response(rs, 0));
        });
    }

    private CountedResponse response(ResultSet rs, int n) throws SQLException {
        List<String> officials = new ArrayList<>(2);
        if (rs.getString("receiving") != null) {
            officials.add(rs.getString("receiving"));
        }
        if (rs.getString("processing") != null && !officials.contains(rs.getString("processing"))) {
            officials.add(rs.getString("processing"));
        }
        return new CountedResponse(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("stratum_id"), rs.getLong("unit_id"),
                rs.getBoolean("sampled"), rs.getString("channel"), json.readValue(rs.getString("answers"), ANSWERS),
                rs.getString("month"), rs.getString("procedure"), officials);
    }

    /**
     * Adds the sums to their rows (created at zero) and drops the rows a subtraction emptied. Only
     * the fold and the rebuild write tallies, both holding the watermark's lock, so reading the
     * rows, adding in Java and writing them back cannot lose another writer's change.
     */
    void add(Map<TallyKey, Sums> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        Map<TallyKey, Sums> rows = stored(deltas.keySet());
        deltas.forEach((key, delta) -> rows.computeIfAbsent(key, k -> new Sums(delta.criteria())).add(delta));
        List<Map.Entry<TallyKey, Sums>> kept = new ArrayList<>();
        List<TallyKey> emptied = new ArrayList<>();
        rows.forEach((key, sums) -> {
            if (sums.n == 0) {
                emptied.add(key);
            } else {
                kept.add(Map.entry(key, sums));
            }
        });
        template.batchUpdate("""
                INSERT INTO tally AS t (campaign_id, series, stratum_id, unit_id, domain_kind, domain_value, n, sums)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (campaign_id, series, domain_kind, stratum_id, unit_id, domain_value) DO UPDATE
                SET n = excluded.n, sums = excluded.sums""", kept, 500, (ps, row) -> {
            setKey(ps, row.getKey());
            ps.setLong(7, row.getValue().n);
            ps.setBytes(8, row.getValue().pack());
        });
        template.batchUpdate("""
                DELETE FROM tally WHERE campaign_id = ? AND series = ? AND stratum_id = ? AND unit_id = ? AND domain_kind = ?
                                    AND domain_value = ?""", emptied, 500, TallyRepository::setKey);
        // the campaigns this fold moved, stamped with the fold that advance() is about to count
        jdbc.sql("""
                        INSERT INTO tally_campaign_fold (campaign_id, fold)
                        SELECT c, (SELECT fold + 1 FROM tally_watermark WHERE id = 1) FROM unnest(:c::bigint[]) AS c
                        ON CONFLICT (campaign_id) DO UPDATE SET fold = excluded.fold""")
                .param("c", deltas.keySet().stream().map(TallyKey::campaignId).distinct().toArray(Long[]::new)).update();
    }

    /** Campaign → the fold that last changed its tallies, for the campaigns given (those never folded are absent). */
    Map<Long, Long> campaignFolds(Collection<Long> campaignIds) {
        Map<Long, Long> folds = new HashMap<>();
        jdbc.sql("SELECT campaign_id, fold FROM tally_campaign_fold WHERE campaign_id = ANY(:c)")
                .param("c", campaignIds.toArray(Long[]::new))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> folds.put(rs.getLong(1), rs.getLong(2)));
        return folds;
    }

    private static void setKey(PreparedStatement ps, TallyKey key) throws SQLException {
        ps.setLong(1, key.campaignId());
        ps.setString(2, key.series().code());
        ps.setLong(3, key.stratumId());
        ps.setLong(4, key.unitId());
        ps.setString(5, key.domainKind());
        ps.setString(6, key.domainValue());
    }

    /** The stored rows of these keys (those that exist), by key. */
    private Map<TallyKey, Sums> stored(Collection<TallyKey> keys) {
        Map<TallyKey, Sums> rows = new HashMap<>();
        Map<TallyKey, TallyKey> asked = new HashMap<>();
        keys.forEach(k -> asked.put(k, k));
        jdbc.sql("""
                        SELECT t.campaign_id, t.series, t.stratum_id, t.unit_id, t.domain_kind, t.domain_value, t.n, t.sums
                        FROM unnest(:c::bigint[], :series::text[], :stratum::bigint[], :unit::bigint[], :kind::text[], :value::text[])
                             AS k(campaign_id, series, stratum_id, unit_id, domain_kind, domain_value)
                        JOIN tally t USING (campaign_id, series, stratum_id, unit_id, domain_kind, domain_value)""")
                .param("c", keys.stream().map(TallyKey::campaignId).toArray(Long[]::new))
                .param("series", keys.stream().map(k -> k.series().code()).toArray(String[]::new))
                .param("stratum", keys.stream().map(TallyKey::stratumId).toArray(Long[]::new))
                .param("unit", keys.stream().map(TallyKey::unitId).toArray(Long[]::new))
                .param("kind", keys.stream().map(TallyKey::domainKind).toArray(String[]::new))
                .param("value", keys.stream().map(TallyKey::domainValue).toArray(String[]::new))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    TallyKey key = new TallyKey(rs.getLong(1), Series.ofCode(rs.getString(2)), rs.getLong(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6));
                    rows.put(asked.getOrDefault(key, key), Sums.unpack(rs.getLong(7), rs.getBytes(8)));
                });
        return rows;
    }

    /** Forgets a campaign's tallies and its changes not folded yet: a rebuild recounts them all. */
    void clear(long campaignId) {
        jdbc.sql("DELETE FROM tally WHERE campaign_id = :c").param("c", campaignId).update();
        jdbc.sql("DELETE FROM tally_change t USING response r WHERE r.id = t.response_id AND r.campaign_id = :c")
                .param("c", campaignId).update();
    }

    /**
     * The tally rows of a campaign's series and tally kinds, in one read, whose unit lies within the caller's
     * scope (and within {@code subtreeUnitId} when not null), keyed as they are stored.
     */
    Map<TallyKey, Sums> rows(long campaignId, Collection<Series> series, Collection<String> kinds, long scopeUnitId, Long subtreeUnitId) {
        Map<TallyKey, Sums> rows = new LinkedHashMap<>();
        String subtree = subtreeUnitId == null ? "" : " AND " + CatalogCodes.unitWithinScope("t.unit_id", "subtree");
        String sql = """
                SELECT t.series, t.stratum_id, t.unit_id, t.domain_kind, t.domain_value, t.n, t.sums
                FROM tally t
                WHERE t.campaign_id = :c AND t.series = ANY(:series) AND t.domain_kind = ANY(:kinds) AND %s%s"""
                .formatted(CatalogCodes.unitWithinScope("t.unit_id", "scope"), subtree);
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("c", campaignId)
                .addValue("series", series.stream().map(Series::code).toArray(String[]::new))
                .addValue("kinds", kinds.toArray(String[]::new)).addValue("scope", scopeUnitId).addValue("subtree", subtreeUnitId);
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
        String positional = NamedParameterUtils.substituteNamedParameters(parsed, params);
        Object[] values = NamedParameterUtils.buildValueArray(parsed, params, null);
        template.query(con -> {
            PreparedStatement ps = binary(con.prepareStatement(positional));
            new ArgumentPreparedStatementSetter(values).setValues(ps);
            return ps;
        }, (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
            rows.put(new TallyKey(campaignId, Series.ofCode(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getString(4),
                    rs.getString(5)), Sums.unpack(rs.getLong(6), rs.getBytes(7)));
        });
        return rows;
    }

    /**
     * The statement asks for its results in binary from its first run: the sums arrive as their
     * bytes, not as hex text to decode (which the driver otherwise does until a statement has run
     * five times on a connection).
     */
    private static PreparedStatement binary(PreparedStatement ps) throws SQLException {
        ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
        return ps;
    }

    /** Records that a response no longer counts; false when it was excluded already. */
    boolean exclude(long responseId, String reason, String by) {
        return jdbc.sql("""
                        INSERT INTO response_exclusion (response_id, reason, excluded_by) VALUES (:r, :reason, :by)
                        ON CONFLICT DO NOTHING""")
                .param("r", responseId).param("reason", reason).param("by", by).update() == 1;
    }

    void change(long responseId, int sign) {
        jdbc.sql("INSERT INTO tally_change (response_id, sign) SELECT id, :sign FROM response WHERE id = :r AND campaign_id IS NOT NULL")
                .param("r", responseId).param("sign", sign).update();
    }

    /** Whether a unit lies within the caller's scope and the subtree asked for (null: any). */
    /** Those of {@code unitIds} that lie in the scope and, when given, the subtree: {@link #unitWithin} for many units in one query. */
    Set<Long> unitsWithin(Collection<Long> unitIds, long scopeUnitId, Long subtreeUnitId) {
        String subtree = subtreeUnitId == null ? "" : " AND " + CatalogCodes.unitWithinScope("u.id", "subtree");
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT u.id FROM unit u WHERE u.id = ANY(:units) AND "
                        + CatalogCodes.unitWithinScope("u.id", "scope") + subtree)
                .param("units", unitIds.toArray(Long[]::new)).param("scope", scopeUnitId);
        if (subtreeUnitId != null) {
            spec = spec.param("subtree", subtreeUnitId);
        }
        return new HashSet<>(spec.query(Long.class).list());
    }

    boolean unitWithin(long unitId, long scopeUnitId, Long subtreeUnitId) {
        String subtree = subtreeUnitId == null ? "" : " AND " + CatalogCodes.unitWithinScope("u.id", "subtree");
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT EXISTS (SELECT 1 FROM unit u WHERE u.id = :u AND "
                        + CatalogCodes.unitWithinScope("u.id", "scope") + subtree + ")")
                .param("u", unitId).param("scope", scopeUnitId);
        if (subtreeUnitId != null) {
            spec = spec.param("subtree", subtreeUnitId);
        }
        return spec.query(Boolean.class).single();
    }
}
