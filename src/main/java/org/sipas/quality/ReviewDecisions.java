package org.sipas.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features may know and ask of quality control's decisions: which of a campaign's
 * responses are accepted (the only ones approved results count), how the decisions stand, the
 * re-checks' outcomes, and a batch decision made through the same rules as a supervisor's
 * ({@link Reviews#moveAll}: scope, allowed transitions, cleaning overrides, audit, tallies).
 *
 * <p>The reads are not filtered by the caller's scope: the caller has checked the campaign's.
 */
@Service
public class ReviewDecisions {

    /**
     * How a campaign's responses stand.
     *
     * @param undecided responses not accepted or rejected yet (submitted, flagged, in re-check, or not checked yet)
     */
    public record Standing(long responses, long accepted, long rejected, long undecided) {
    }

    private final JdbcClient jdbc;
    private final Reviews reviews;
    private final Arrivals arrivals;

    ReviewDecisions(JdbcClient jdbc, Reviews reviews, Arrivals arrivals) {
        this.jdbc = jdbc;
        this.reviews = reviews;
        this.arrivals = arrivals;
    }

    /** The ids of a campaign's ACCEPTED responses, ascending. */
    @Transactional(readOnly = true)
    public List<Long> accepted(long campaignId) {
        return jdbc.sql("SELECT response_id FROM response_review WHERE campaign_id = :c AND state = 'ACCEPTED' ORDER BY response_id")
                .param("c", campaignId).query(Long.class).list();
    }

    /** The ids of a campaign's responses neither accepted nor rejected, ascending (those not checked yet too). */
    @Transactional(readOnly = true)
    public List<Long> undecided(long campaignId) {
        return jdbc.sql("""
                        SELECT r.id FROM response r LEFT JOIN response_review v ON v.response_id = r.id
                        WHERE r.campaign_id = :c AND (v.state IS NULL OR v.state NOT IN ('ACCEPTED', 'REJECTED'))
                        ORDER BY r.id""")
                .param("c", campaignId).query(Long.class).list();
    }

    @Transactional(readOnly = true)
    public Standing standing(long campaignId) {
        return jdbc.sql("""
                        SELECT count(*) AS responses,
                               count(*) FILTER (WHERE v.state = 'ACCEPTED') AS accepted,
                               count(*) FILTER (WHERE v.state = 'REJECTED') AS rejected
                        FROM response r LEFT JOIN response_review v ON v.response_id = r.id
                        WHERE r.campaign_id = :c""")
                .param("c", campaignId)
                .query((rs, n) -> new Standing(rs.getLong("responses"), rs.getLong("accepted"), rs.getLong("rejected"),
                        rs.getLong("responses") - rs.getLong("accepted") - rs.getLong("rejected")))
                .single();
    }

    /** The campaign's re-checks by outcome (PENDING: not done yet), in a fixed order. */
    @Transactional(readOnly = true)
    public Map<String, Long> recheckOutcomes(long campaignId) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (String outcome : List.of("CONFIRMED", "DISCREPANCIES", "DID_NOT_HAPPEN", "NOT_REACHED", "PENDING")) {
            outcomes.put(outcome, 0L);
        }
        jdbc.sql("SELECT coalesce(outcome, 'PENDING') AS outcome, count(*) AS n FROM recheck WHERE campaign_id = :c GROUP BY 1")
                .param("c", campaignId)
                .query((rs, n) -> outcomes.put(rs.getString("outcome"), rs.getLong("n"))).list();
        return outcomes;
    }

    /**
     * Moves responses of one campaign to a state (ACCEPTED, REJECTED, IN_RECHECK…), all or none, as a
     * supervisor's bulk decision does: within the caller's scope, allowed from each one's state,
     * accepting a response failing a cleaning rule only with {@code overrideReason}; each move
     * audited and the tallies told.
     *
     * @return how many responses were named
     */
    public int decide(long campaignId, List<Long> responseIds, String to, String reason, String overrideReason) {
        return reviews.moveAll(campaignId, responseIds, to, reason, overrideReason);
    }

    /** Gives every response stored so far its first state (the arrival check), as the worker does every few seconds. */
    public void checkArrivals() {
        arrivals.check();
    }
}
