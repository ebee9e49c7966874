package org.sipas.collection;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current AAPOR disposition of each sampled case, kept by the channels that work the case:
 * each phone call or visit records its outcome; a stored response makes the case complete, and
 * nothing after that changes it.
 */
@Service
public class CaseDispositions {

    private final JdbcClient jdbc;

    CaseDispositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a contact attempt's outcome as the case's disposition and counts the attempt. A
     * complete case stays complete.
     *
     * @param attempt whether a call or visit was made (false: a status set without contact, e.g. by a supervisor)
     */
    @Transactional
    public void record(long caseId, long campaignId, Disposition disposition, boolean attempt, String by) {
        jdbc.sql("""
                        INSERT INTO case_disposition (sample_member_id, campaign_id, disposition, attempts, updated_by)
                        VALUES (:case, :campaign, :disposition, :attempts, :by)
                        ON CONFLICT (sample_member_id) DO UPDATE
                        SET disposition = CASE WHEN case_disposition.disposition = 'COMPLETE' THEN 'COMPLETE' ELSE EXCLUDED.disposition END,
                            attempts = case_disposition.attempts + EXCLUDED.attempts,
                            updated_at = now(), updated_by = EXCLUDED.updated_by""")
                .param("case", caseId).param("campaign", campaignId).param("disposition", disposition.name())
                .param("attempts", attempt ? 1 : 0).param("by", by).update();
    }

    public Optional<Disposition> of(long caseId) {
        return jdbc.sql("SELECT disposition FROM case_disposition WHERE sample_member_id = :case").param("case", caseId)
                .query(String.class).optional().map(Disposition::valueOf);
    }

    /** The dispositions of a campaign's cases that have one, by case id. */
    public Map<Long, Disposition> ofCampaign(long campaignId) {
        Map<Long, Disposition> found = new HashMap<>();
        jdbc.sql("SELECT sample_member_id, disposition FROM case_disposition WHERE campaign_id = :campaign")
                .param("campaign", campaignId)
                .query((rs, n) -> found.put(rs.getLong(1), Disposition.valueOf(rs.getString(2)))).list();
        return found;
    }

    /** How many contact attempts the case has had. */
    public int attempts(long caseId) {
        return jdbc.sql("SELECT attempts FROM case_disposition WHERE sample_member_id = :case").param("case", caseId)
                .query(Integer.class).optional().orElse(0);
    }
}
