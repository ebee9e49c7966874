package org.sipas.collection.paper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hand-out batches of paper questionnaires and the state of each handed-out number ({@code paper_batch}, {@code paper_handout}). */
@Repository
class PaperBatches {

    /** Who took a batch: a partner organisation by name, or a counter officer by username. */
    enum RecipientKind {
        PARTNER, COUNTER
    }

    /** A batch with its counts by state. */
    record Batch(long id, long campaignId, long unitId, String unitName, RecipientKind kind, String recipient, Instant handedAt,
                 String handedBy, int dueWorkingDays, Instant remindedAt, int handed, int outstanding, int returnedFilled,
                 int returnedBlank, int spoiled, int lost, int keyed) {
    }

    /**
     * A number of a batch as the API lists it: its serial and printed form, where it stands since
     * when and by whom, whether it was printed for a sampled case (never which), and whether keyed.
     */
    record BatchNumber(int serial, String printed, HandoutState state, Instant stateAt, String stateBy, boolean forSampledCase,
                       boolean atRandom, boolean keyed) {
    }

    /** A handed-out number: its paper, batch and state. */
    record Handout(String number, long batchId, HandoutState state, boolean atRandom) {
    }

    private static final String BATCHES = """
            SELECT b.id, b.campaign_id, b.unit_id, u.name AS unit_name, b.recipient_kind,
                   coalesce(b.partner_name, b.officer) AS recipient, b.handed_at, b.handed_by, b.due_working_days, b.reminded_at,
                   count(h.number) AS handed,
                   count(h.number) FILTER (WHERE h.state IN ('HANDED', 'DELIVERED')) AS outstanding,
                   count(h.number) FILTER (WHERE h.state = 'RETURNED_FILLED') AS returned_filled,
                   count(h.number) FILTER (WHERE h.state = 'RETURNED_BLANK') AS returned_blank,
                   count(h.number) FILTER (WHERE h.state = 'SPOILED') AS spoiled,
                   count(h.number) FILTER (WHERE h.state = 'LOST') AS lost,
                   count(h.number) FILTER (WHERE EXISTS (SELECT 1 FROM paper_entry e WHERE e.number = h.number)) AS keyed
            FROM paper_batch b JOIN unit u ON u.id = b.unit_id
            LEFT JOIN paper_handout h ON h.batch_id = b.id""";

    private final JdbcClient jdbc;

    PaperBatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param partnerId the registered partner organisation the batch goes to, or null (a counter officer, an unregistered name) */
    long insert(long campaignId, long unitId, RecipientKind kind, String recipient, Long partnerId, Instant handedAt, String handedBy,
                int dueWorkingDays) {
        return jdbc.sql("""
                        INSERT INTO paper_batch (campaign_id, unit_id, recipient_kind, partner_name, partner_id, officer, handed_at,
                                                 handed_by, due_working_days)
                        VALUES (:c, :u, :kind, :partner, :partnerId, :officer, :at, :by, :due) RETURNING id""")
                .param("partnerId", partnerId)
                .param("c", campaignId).param("u", unitId).param("kind", kind.name())
                .param("partner", kind == RecipientKind.PARTNER ? recipient : null)
                .param("officer", kind == RecipientKind.COUNTER ? recipient : null)
                .param("at", Timestamp.from(handedAt)).param("by", handedBy).param("due", dueWorkingDays)
                .query(Long.class).single();
    }

    void hand(long batchId, List<String> numbers, Instant at, String by) {
        jdbc.sql("""
                        INSERT INTO paper_handout (number, batch_id, state, state_at, state_by)
                        SELECT n, :b, 'HANDED', :at, :by FROM unnest(CAST(:numbers AS text[])) AS n""")
                .param("b", batchId).param("numbers", numbers.toArray(String[]::new)).param("at", Timestamp.from(at))
                .param("by", by).update();
    }

    /** The numbers among {@code numbers} already handed out, in any batch. */
    List<String> alreadyHanded(List<String> numbers) {
        return jdbc.sql("SELECT number FROM paper_handout WHERE number = ANY (CAST(:n AS text[])) ORDER BY number")
                .param("n", numbers.toArray(String[]::new)).query(String.class).list();
    }

    /** The handed-out numbers among {@code numbers}, locked for a change of state. */
    List<Handout> lock(List<String> numbers) {
        return jdbc.sql("""
                        SELECT number, batch_id, state, at_random FROM paper_handout
                        WHERE number = ANY (CAST(:n AS text[])) ORDER BY number FOR UPDATE""")
                .param("n", numbers.toArray(String[]::new))
                .query((rs, n) -> new Handout(rs.getString(1), rs.getLong(2), HandoutState.valueOf(rs.getString(3)), rs.getBoolean(4)))
                .list();
    }

    Optional<Handout> find(String number) {
        return jdbc.sql("SELECT number, batch_id, state, at_random FROM paper_handout WHERE number = :n").param("n", number)
                .query((rs, n) -> new Handout(rs.getString(1), rs.getLong(2), HandoutState.valueOf(rs.getString(3)), rs.getBoolean(4)))
                .optional();
    }

    /**
     * Sets the state of handed-out numbers. A delivered paper printed for a sampled case went to that
     * dossier; a delivered blank copy went to whoever came (at random); any other state keeps the flag.
     */
    void state(List<String> numbers, HandoutState state, Instant at, String by) {
        jdbc.sql("""
                        UPDATE paper_handout h SET state = :s, state_at = :at, state_by = :by,
                               at_random = CASE WHEN :s = 'DELIVERED' THEN f.sample_member_id IS NULL ELSE h.at_random END
                        FROM paper_form f
                        WHERE f.number = h.number AND h.number = ANY (CAST(:n AS text[]))""")
                .param("s", state.name()).param("at", Timestamp.from(at)).param("by", by)
                .param("n", numbers.toArray(String[]::new)).update();
    }

    /** The serials of a batch still out (handed or delivered), ascending: the numbers to chase. */
    List<Integer> outstandingSerials(long batchId) {
        return jdbc.sql("""
                        SELECT f.serial FROM paper_handout h JOIN paper_form f ON f.number = h.number
                        WHERE h.batch_id = :b AND h.state IN ('HANDED', 'DELIVERED') ORDER BY f.serial""")
                .param("b", batchId).query(Integer.class).list();
    }

    /**
     * The sampled cases whose papers went out in the campaign's batches handed to a partner
     * organisation: the cases handed to it, whose contacts its staff may see.
     */
    List<Long> casesHandedTo(long campaignId, long partnerId) {
        return jdbc.sql("""
                        SELECT DISTINCT f.sample_member_id FROM paper_batch b
                        JOIN paper_handout h ON h.batch_id = b.id JOIN paper_form f ON f.number = h.number
                        WHERE b.campaign_id = :c AND b.partner_id = :p AND f.sample_member_id IS NOT NULL
                        ORDER BY 1""")
                .param("c", campaignId).param("p", partnerId).query(Long.class).list();
    }

    /**
     * Of {@code numbers}, those handed out in a batch to a partner organisation, with its name as
     * the hand-out wrote it (registered or not): the papers a partner delivers, which get a label.
     */
    Map<String, String> partnersOf(List<String> numbers) {
        Map<String, String> partners = new HashMap<>();
        if (numbers.isEmpty()) {
            return partners;
        }
        jdbc.sql("""
                        SELECT h.number, b.partner_name FROM paper_handout h JOIN paper_batch b ON b.id = h.batch_id
                        WHERE b.recipient_kind = 'PARTNER' AND h.number = ANY (CAST(:n AS text[]))""")
                .param("n", numbers.toArray(String[]::new))
                .query(rs -> {
                    partners.put(rs.getString(1), rs.getString(2));
                });
        return partners;
    }

    /** The numbers of a batch by serial, with their states. */
    List<BatchNumber> numbers(long batchId) {
        return jdbc.sql("""
                        SELECT f.serial, f.number, h.state, h.state_at, h.state_by, f.sample_member_id IS NOT NULL AS sampled, h.at_random,
                               EXISTS (SELECT 1 FROM paper_entry e WHERE e.number = h.number) AS keyed
                        FROM paper_handout h JOIN paper_form f ON f.number = h.number
                        WHERE h.batch_id = :b ORDER BY f.serial""")
                .param("b", batchId)
                .query((rs, n) -> new BatchNumber(rs.getInt("serial"), PaperNumber.parse(rs.getString("number")).printed(),
                        HandoutState.valueOf(rs.getString("state")), rs.getTimestamp("state_at").toInstant(), rs.getString("state_by"),
                        rs.getBoolean("sampled"), rs.getBoolean("at_random"), rs.getBoolean("keyed")))
                .list();
    }

    /** Whether any pass of the paper was keyed. */
    boolean keyed(String number) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM paper_entry WHERE number = :n)").param("n", number).query(Boolean.class).single();
    }

    /** Whether the campaign hands its papers out in batches: then only a handed-out number is keyed. */
    boolean handsOut(long campaignId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM paper_batch WHERE campaign_id = :c)").param("c", campaignId)
                .query(Boolean.class).single();
    }

    /** The campaign's batches, newest first. */
    List<Batch> of(long campaignId) {
        return jdbc.sql(BATCHES + " WHERE b.campaign_id = :c GROUP BY b.id, u.name ORDER BY b.handed_at DESC, b.id DESC")
                .param("c", campaignId).query(PaperBatches::batch).list();
    }

    Optional<Batch> batch(long id) {
        return jdbc.sql(BATCHES + " WHERE b.id = :id GROUP BY b.id, u.name").param("id", id).query(PaperBatches::batch).optional();
    }

    /** Batches not reminded yet, handed out before {@code before}, with numbers still out: the overdue job's candidates. */
    List<Batch> unremindedBefore(Instant before) {
        return jdbc.sql(BATCHES + """
                         WHERE b.reminded_at IS NULL AND b.handed_at < :before
                        GROUP BY b.id, u.name
                        HAVING count(h.number) FILTER (WHERE h.state IN ('HANDED', 'DELIVERED')) > 0
                        ORDER BY b.handed_at, b.id""")
                .param("before", Timestamp.from(before)).query(PaperBatches::batch).list();
    }

    /** Marks a batch reminded, once: false when another run did it first. */
    boolean reminded(long batchId, Instant at) {
        return jdbc.sql("UPDATE paper_batch SET reminded_at = :at WHERE id = :id AND reminded_at IS NULL")
                .param("at", Timestamp.from(at)).param("id", batchId).update() == 1;
    }

    private static Batch batch(ResultSet rs, int n) throws SQLException {
        Timestamp reminded = rs.getTimestamp("reminded_at");
        return new Batch(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("unit_id"), rs.getString("unit_name"),
                RecipientKind.valueOf(rs.getString("recipient_kind")), rs.getString("recipient"),
                rs.getTimestamp("handed_at").toInstant(), rs.getString("handed_by"), rs.getInt("due_working_days"),
                reminded == null ? null : reminded.toInstant(), rs.getInt("handed"), rs.getInt("outstanding"),
                rs.getInt("returned_filled"), rs.getInt("returned_blank"), rs.getInt("spoiled"), rs.getInt("lost"),
                rs.getInt("keyed"));
    }
}
