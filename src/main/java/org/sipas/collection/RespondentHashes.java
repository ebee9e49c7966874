package org.sipas.collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The keyed hashes a campaign keeps of its respondents (DESIGN §8): the HMAC of the phone or email an
 * open-portal or open-survey respondent gave, on their response and sitting token (one answer per
 * person), and the one-time codes proving an email. They only serve while the campaign takes
 * answers; once it is closed and its re-check window is over, the retention rule forgets them.
 */
@Service
public class RespondentHashes {

    /** How many hashes of a campaign went: on responses, on tokens, and one-time codes deleted. */
    public record Forgotten(long responses, long tokens, long codes) {

        public long total() {
            return responses + tokens + codes;
        }
    }

    private final JdbcClient jdbc;

    RespondentHashes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The campaign's respondent hashes still held. */
    public long held(long campaignId) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM response WHERE campaign_id = :c AND respondent_hash IS NOT NULL)
                             + (SELECT count(*) FROM survey_token WHERE campaign_id = :c AND respondent_hash IS NOT NULL)
                             + (SELECT count(*) FROM open_survey_code WHERE campaign_id = :c)""")
                .param("c", campaignId).query(Long.class).single();
    }

    /** Forgets them, in the caller's transaction; a second call finds nothing. */
    public Forgotten forget(long campaignId) {
        long responses = jdbc.sql("UPDATE response SET respondent_hash = NULL WHERE campaign_id = :c AND respondent_hash IS NOT NULL")
                .param("c", campaignId).update();
        long tokens = jdbc.sql("UPDATE survey_token SET respondent_hash = NULL WHERE campaign_id = :c AND respondent_hash IS NOT NULL")
                .param("c", campaignId).update();
        long codes = jdbc.sql("DELETE FROM open_survey_code WHERE campaign_id = :c").param("c", campaignId).update();
        return new Forgotten(responses, tokens, codes);
    }
}
