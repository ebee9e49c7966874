package org.sipas.quality;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sipas.catalog.CatalogCodes;
import org.sipas.methodology.Label;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of code frames and of the coding of open answers. */
@Repository
class CodingRepository {

    /** One code of a frame. */
    record Code(String code, Label label) implements java.io.Serializable {
    }

    /** An open answer of a response: its text and the unit it is about. */
    record OpenAnswer(long responseId, String question, String text, long unitId) implements java.io.Serializable {
    }

    /** An answer's codes by one pass. */
    record Coded(long responseId, String question, int pass, String coder, Set<String> codes, long unitId) {
    }

    /** Where a response of a campaign is placed: as the tallies place it (stratum's unit, else the response's, else the campaign's). */
    static final String UNIT = "coalesce(s.unit_id, r.unit_id, c.scope_unit_id)";

    private final JdbcClient jdbc;

    CodingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version's own frame, else the frame of every version of its methodology (version 0). */
    List<Code> frame(String methodologyCode, int version) {
        return jdbc.sql("""
                        SELECT code, label_vi, label_en FROM code_frame
                        WHERE methodology_code = :m AND methodology_version = (
                            SELECT max(methodology_version) FROM code_frame
                            WHERE methodology_code = :m AND methodology_version IN (0, :v))
                        ORDER BY position, code""")
                .param("m", methodologyCode).param("v", version)
                .query((rs, n) -> new Code(rs.getString(1), new Label(rs.getString(2), rs.getString(3)))).list();
    }

    /** Whether the version has a frame of its own (else it codes with its methodology's, version 0). */
    boolean ownFrame(String methodologyCode, int version) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM code_frame WHERE methodology_code = :m AND methodology_version = :v)")
                .param("m", methodologyCode).param("v", version).query(Boolean.class).single();
    }

    /** Replaces the version's own frame with {@code codes}, in their order. */
    void replaceFrame(String methodologyCode, int version, List<Code> codes) {
        jdbc.sql("DELETE FROM code_frame WHERE methodology_code = :m AND methodology_version = :v")
                .param("m", methodologyCode).param("v", version).update();
        int position = 1;
        for (Code code : codes) {
            jdbc.sql("""
                            INSERT INTO code_frame (methodology_code, methodology_version, code, label_vi, label_en, position)
                            VALUES (:m, :v, :code, :vi, :en, :p)""")
                    .param("m", methodologyCode).param("v", version).param("code", code.code())
                    .param("vi", code.label().vi()).param("en", code.label().en()).param("p", position++).update();
        }
    }

    /** How many open answers of the version's campaigns each code was given, either pass. */
    Map<String, Long> uses(String methodologyCode, int version) {
        Map<String, Long> uses = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT code, count(*) FROM answer_coding a
                        JOIN campaign c ON c.id = a.campaign_id
                        CROSS JOIN LATERAL unnest(a.codes) code
                        WHERE c.methodology_code = :m AND c.methodology_version = :v
                        GROUP BY code""")
                .param("m", methodologyCode).param("v", version)
                .query(rs -> {
                    uses.put(rs.getString(1), rs.getLong(2));
                });
        return uses;
    }

    /** The campaign's sample seed, written by the first who asks (two nodes: one wins, both read it). */
    long sampleSeed(long campaignId, long proposed) {
        jdbc.sql("INSERT INTO coding_sample (campaign_id, seed) VALUES (:c, :s) ON CONFLICT DO NOTHING")
                .param("c", campaignId).param("s", proposed).update();
        return jdbc.sql("SELECT seed FROM coding_sample WHERE campaign_id = :c").param("c", campaignId).query(Long.class).single();
    }

    double sampleShare(long campaignId) {
        return jdbc.sql("SELECT share FROM coding_sample WHERE campaign_id = :c").param("c", campaignId).query(Double.class)
                .optional().orElse(0.2);
    }

    /**
     * The campaign's open answers (non-blank answers to the named questions) of units within the
     * scope, rejected responses left out, with no coding of {@code pass} yet; in response order.
     */
    List<OpenAnswer> uncoded(long campaignId, Collection<String> questions, long scopeUnitId, int pass) {
        if (questions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT r.id, e.key, e.value, %s AS unit_id
                        FROM response r
                        JOIN campaign c ON c.id = r.campaign_id
                        LEFT JOIN campaign_stratum s ON s.id = r.stratum_id
                        LEFT JOIN response_review v ON v.response_id = r.id
                        CROSS JOIN LATERAL jsonb_each_text(r.answers) e
                        WHERE r.campaign_id = :c AND e.key = ANY (string_to_array(:qs, ',')) AND btrim(e.value) <> ''
                          AND coalesce(v.state, 'SUBMITTED') <> 'REJECTED'
                          AND %s
                          AND NOT EXISTS (SELECT 1 FROM answer_coding a WHERE a.response_id = r.id AND a.question = e.key AND a.pass = :pass)
                        ORDER BY r.id, e.key""".formatted(UNIT, CatalogCodes.unitWithinScope(UNIT, "scope")))
                .param("c", campaignId).param("qs", String.join(",", questions)).param("scope", scopeUnitId).param("pass", pass)
                .query((rs, n) -> new OpenAnswer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
    }

    /** One open answer of a response of the campaign, wherever its unit; empty when the response has no such answer. */
    Optional<OpenAnswer> answer(long campaignId, long responseId, String question) {
        return jdbc.sql("""
                        SELECT r.id, :q, r.answers ->> :q, %s FROM response r
                        JOIN campaign c ON c.id = r.campaign_id
                        LEFT JOIN campaign_stratum s ON s.id = r.stratum_id
                        WHERE r.id = :r AND r.campaign_id = :c AND btrim(coalesce(r.answers ->> :q, '')) <> ''""".formatted(UNIT))
                .param("r", responseId).param("c", campaignId).param("q", question)
                .query((rs, n) -> new OpenAnswer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4))).optional();
    }

    /** Every coding of the campaign, of units within the scope. */
    List<Coded> codings(long campaignId, long scopeUnitId) {
        return jdbc.sql("""
                        SELECT a.response_id, a.question, a.pass, a.coder, a.codes, %s AS unit_id
                        FROM answer_coding a
                        JOIN response r ON r.id = a.response_id
                        JOIN campaign c ON c.id = a.campaign_id
                        LEFT JOIN campaign_stratum s ON s.id = r.stratum_id
                        WHERE a.campaign_id = :c AND %s
                        ORDER BY a.response_id, a.question, a.pass""".formatted(UNIT, CatalogCodes.unitWithinScope(UNIT, "scope")))
                .param("c", campaignId).param("scope", scopeUnitId)
                .query((rs, n) -> new Coded(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        new LinkedHashSet<>(Arrays.asList((String[]) rs.getArray(5).getArray())), rs.getLong(6)))
                .list();
    }

    Optional<Coded> coding(long responseId, String question, int pass) {
        return jdbc.sql("SELECT response_id, question, pass, coder, codes FROM answer_coding WHERE response_id = :r AND question = :q AND pass = :p")
                .param("r", responseId).param("q", question).param("p", pass)
                .query((rs, n) -> new Coded(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        new LinkedHashSet<>(Arrays.asList((String[]) rs.getArray(5).getArray())), 0)).optional();
    }

    /** Stores a coding; false when that pass of that answer is coded already, or the coder coded it in the other pass. */
    boolean code(long campaignId, long responseId, String question, int pass, String coder, List<String> codes) {
        return jdbc.sql("""
                        INSERT INTO answer_coding (response_id, question, pass, campaign_id, coder, codes)
                        VALUES (:r, :q, :p, :c, :coder, string_to_array(:codes, ',')) ON CONFLICT DO NOTHING""")
                .param("r", responseId).param("q", question).param("p", pass).param("c", campaignId).param("coder", coder)
                .param("codes", String.join(",", codes)).update() == 1;
    }

    /** Counts per unit and code of the coding of record (pass 1), rejected responses left out, units within the scope. */
    List<CodedThemes.ThemeCount> counts(long campaignId, long scopeUnitId) {
        return jdbc.sql("""
                        SELECT t.unit_id, u.code AS unit_code, u.name AS unit_name, t.code, t.answers
                        FROM (SELECT %s AS unit_id, code, count(*) AS answers
                              FROM answer_coding a
                              JOIN response r ON r.id = a.response_id
                              JOIN campaign c ON c.id = a.campaign_id
                              LEFT JOIN campaign_stratum s ON s.id = r.stratum_id
                              LEFT JOIN response_review v ON v.response_id = r.id
                              CROSS JOIN LATERAL unnest(a.codes) code
                              WHERE a.campaign_id = :c AND a.pass = 1 AND coalesce(v.state, 'SUBMITTED') <> 'REJECTED' AND %s
                              GROUP BY 1, 2) t
                        JOIN unit u ON u.id = t.unit_id
                        ORDER BY u.path, t.code""".formatted(UNIT, CatalogCodes.unitWithinScope(UNIT, "scope")))
                .param("c", campaignId).param("scope", scopeUnitId)
                .query((rs, n) -> new CodedThemes.ThemeCount(rs.getLong("unit_id"), rs.getString("unit_code"),
                        rs.getString("unit_name"), rs.getString("code"), rs.getLong("answers"))).list();
    }
}
