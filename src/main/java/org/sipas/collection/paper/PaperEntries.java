package org.sipas.collection.paper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The keyed passes of papers, their comparisons and settlements (tables {@code paper_entry}, {@code paper_comparison}, {@code paper_settlement}). */
@Repository
class PaperEntries {

    /** The comparison of a paper's two passes. */
    record Comparison(String number, int fields, List<String> differing, Instant comparedAt) {
    }

    /** A supervisor's settlement. */
    record Settlement(String number, Map<String, String> chosen, Map<String, String> answers, String note, long responseId,
                      String settledBy, Instant settledAt) {
    }

    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PaperEntries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<PaperEntry> of(String number) {
        return jdbc.sql("SELECT id, number, pass, clerk, answers, asked, opened_at, keyed_at FROM paper_entry WHERE number = :n ORDER BY pass")
                .param("n", number).query(this::entry).list();
    }

    PaperEntry insert(String number, int pass, String clerk, Map<String, String> answers, List<String> asked, Instant openedAt) {
        long id = jdbc.sql("""
                        INSERT INTO paper_entry (number, pass, clerk, answers, asked, opened_at)
                        VALUES (:n, :pass, :clerk, cast(:answers AS jsonb), :asked, :opened) RETURNING id""")
                .param("n", number).param("pass", pass).param("clerk", clerk).param("answers", json.writeValueAsString(answers))
                .param("asked", asked.toArray(String[]::new)).param("opened", Timestamp.from(openedAt))
                .query(Long.class).single();
        return of(number).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    void compared(String number, int fields, List<String> differing) {
        jdbc.sql("INSERT INTO paper_comparison (number, fields, differing) VALUES (:n, :fields, :differing)")
                .param("n", number).param("fields", fields).param("differing", differing.toArray(String[]::new)).update();
    }

    Optional<Comparison> comparison(String number) {
        return jdbc.sql("SELECT number, fields, differing, compared_at FROM paper_comparison WHERE number = :n").param("n", number)
                .query((rs, n) -> new Comparison(rs.getString(1), rs.getInt(2), strings(rs.getArray(3)), rs.getTimestamp(4).toInstant()))
                .optional();
    }

    void settled(String number, Map<String, String> chosen, Map<String, String> answers, String note, long responseId, String by) {
        jdbc.sql("""
                        INSERT INTO paper_settlement (number, chosen, answers, note, response_id, settled_by)
                        VALUES (:n, cast(:chosen AS jsonb), cast(:answers AS jsonb), :note, :response, :by)""")
                .param("n", number).param("chosen", json.writeValueAsString(chosen)).param("answers", json.writeValueAsString(answers))
                .param("note", note).param("response", responseId).param("by", by).update();
    }

    Optional<Settlement> settlement(String number) {
        return jdbc.sql("SELECT number, chosen, answers, note, response_id, settled_by, settled_at FROM paper_settlement WHERE number = :n")
                .param("n", number)
                .query((rs, n) -> new Settlement(rs.getString(1), json.readValue(rs.getString(2), ANSWERS),
                        json.readValue(rs.getString(3), ANSWERS), rs.getString(4), rs.getLong(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .optional();
    }

    /** The response stored for a paper number of a campaign, if any. */
    Optional<Long> response(long campaignId, String number) {
        return jdbc.sql("SELECT id FROM response WHERE campaign_id = :c AND paper_number = :n")
                .param("c", campaignId).param("n", number).query(Long.class).optional();
    }

    private PaperEntry entry(ResultSet rs, int n) throws SQLException {
        return new PaperEntry(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                json.readValue(rs.getString(5), ANSWERS), strings(rs.getArray(6)), rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8).toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
