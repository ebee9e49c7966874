package org.sipas.collection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Submitted responses: appended once per token, never updated here. */
@Repository
class Responses {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Responses(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Stores the response of {@code token} and closes the token, in one transaction: the
     * respondent is thanked only after it commits.
     *
     * @return false when the token was used or expired meanwhile (another tab, another node): nothing is stored
     */
    @Transactional
    boolean store(SurveyToken token, Map<String, String> answers, Instant startedAt) {
        int claimed = jdbc.sql("""
                        UPDATE survey_token SET used_at = now()
                        WHERE token = :token AND used_at IS NULL AND expires_at > now()""")
                .param("token", token.token()).update();
        if (claimed == 0) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO response (token, methodology_code, methodology_version, unit_id, dossier_id, channel,
                                              answers, started_at)
                        VALUES (:token, :code, :version, :unit, :dossier, :channel, cast(:answers AS jsonb), :started)""")
                .param("token", token.token()).param("code", token.methodologyCode())
                .param("version", token.methodologyVersion()).param("unit", token.unitId())
                .param("dossier", token.dossierId()).param("channel", token.channel())
                .param("answers", json.writeValueAsString(answers)).param("started", Timestamp.from(startedAt))
                .update();
        jdbc.sql("DELETE FROM response_draft WHERE token = :token").param("token", token.token()).update();
        return true;
    }
}
