package org.sipas.collection;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.sipas.methodology.Methodologies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey tokens: the random, single-use keys in the links and QR codes that let a citizen answer
 * a questionnaire at {@code /s/{token}} without logging in (DESIGN §8).
 */
@Service
public class SurveyTokens {

    /** How long a link stays open; a campaign will set its own period. */
    static final Duration VALIDITY = Duration.ofDays(60);
    /** 144 random bits: base64url without padding, 24 characters, beyond guessing. */
    private static final int TOKEN_BYTES = 18;

    private final JdbcClient jdbc;
    private final Methodologies methodologies;
    private final SecureRandom random = new SecureRandom();

    SurveyTokens(JdbcClient jdbc, Methodologies methodologies) {
        this.jdbc = jdbc;
        this.methodologies = methodologies;
    }

    /**
     * Issues a token to answer version {@code version} of methodology {@code methodologyCode} on
     * the web, about a dossier and the unit that served it when known. The version is frozen:
     * answers will be stored against its questions and codes, which must never change under them.
     *
     * @return the token, to be put in the respondent's link
     */
    @Transactional
    public String issue(String methodologyCode, int version, Long dossierId, Long unitId) {
        methodologies.find(methodologyCode, version).orElseThrow(() -> new IllegalArgumentException(
                "No methodology " + methodologyCode + " version " + version + " to issue a survey token for"));
        methodologies.freeze(methodologyCode, version);
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        INSERT INTO survey_token (token, methodology_code, methodology_version, dossier_id, unit_id, channel, expires_at)
                        VALUES (:token, :code, :version, :dossier, :unit, 'WEB', :expires)""")
                .param("token", token).param("code", methodologyCode).param("version", version)
                .param("dossier", dossierId).param("unit", unitId)
                .param("expires", Timestamp.from(Instant.now().plus(VALIDITY)))
                .update();
        return token;
    }

    Optional<SurveyToken> find(String token) {
        return jdbc.sql("""
                        SELECT token, methodology_code, methodology_version, dossier_id, unit_id, channel, expires_at, used_at,
                               campaign_id, sample_member_id
                        FROM survey_token WHERE token = :token""")
                .param("token", token).query(SurveyTokens::row).optional();
    }

    private static SurveyToken row(ResultSet rs, int n) throws SQLException {
        return new SurveyToken(rs.getString("token"), rs.getString("methodology_code"), rs.getInt("methodology_version"),
                rs.getObject("dossier_id", Long.class), rs.getObject("unit_id", Long.class), rs.getString("channel"),
                rs.getTimestamp("expires_at").toInstant(), Optional.ofNullable(rs.getTimestamp("used_at"))
                .map(Timestamp::toInstant).orElse(null), rs.getObject("campaign_id", Long.class),
                rs.getObject("sample_member_id", Long.class));
    }
}
