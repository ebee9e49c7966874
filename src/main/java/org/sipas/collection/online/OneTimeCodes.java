package org.sipas.collection.online;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-time codes that prove an email address before an open survey's sitting: six digits,
 * valid a few minutes, a few attempts; only the newest code of a person counts, and it is kept
 * as a hash. The person is the keyed hash of the normalised address (never the address).
 */
@Service
class OneTimeCodes {

    /** What checking a typed code found. */
    enum Check {
        ACCEPTED, WRONG, EXPIRED, LOCKED, NONE
    }

    private final JdbcClient jdbc;
    private final Duration validity;
    private final int attempts;
    private final SecureRandom random = new SecureRandom();

    OneTimeCodes(JdbcClient jdbc, @Value("${sipas.open-survey.code-validity:PT10M}") Duration validity,
                 @Value("${sipas.open-survey.code-attempts:5}") int attempts) {
        this.jdbc = jdbc;
        this.validity = validity;
        this.attempts = attempts;
    }

    int attempts() {
        return attempts;
    }

    /** A new code for the person (the earlier ones stop counting), and when it expires. */
    record Issued(String code, Instant expiresAt) {
    }

    @Transactional
    Issued issue(long campaignId, String emailHash, Instant now) {
        String code = "%06d".formatted(random.nextInt(1_000_000));
        Instant expires = now.plus(validity);
        long id = jdbc.sql("""
                        INSERT INTO open_survey_code (campaign_id, email_hash, code_hash, created_at, expires_at)
                        VALUES (:c, :h, '', :now, :expires) RETURNING id""")
                .param("c", campaignId).param("h", emailHash).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expires)).query(Long.class).single();
        // the code's own id salts its hash, so equal codes of two people do not hash alike
        jdbc.sql("UPDATE open_survey_code SET code_hash = :hash WHERE id = :id").param("hash", hash(id, code)).param("id", id).update();
        return new Issued(code, expires);
    }

    /**
     * Checks a typed code against the person's newest one, under its row lock so two posts of the
     * same code cannot both pass: accepted once (then spent), wrong (an attempt used), expired, or
     * locked after the allowed attempts.
     */
    @Transactional
    Check check(long campaignId, String emailHash, String typed, Instant now) {
        record Row(long id, String codeHash, Instant expiresAt, int attempts, Instant usedAt) {
        }
        Optional<Row> newest = jdbc.sql("""
                        SELECT id, code_hash, expires_at, attempts, used_at FROM open_survey_code
                        WHERE campaign_id = :c AND email_hash = :h ORDER BY id DESC LIMIT 1 FOR UPDATE""")
                .param("c", campaignId).param("h", emailHash)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getInt(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional();
        if (newest.isEmpty() || newest.get().usedAt() != null) {
            return Check.NONE;
        }
        Row row = newest.get();
        if (row.attempts() >= attempts) {
            return Check.LOCKED;
        }
        if (!now.isBefore(row.expiresAt())) {
            return Check.EXPIRED;
        }
        String code = typed == null ? "" : typed.replaceAll("\\s", "");
        if (code.matches("[0-9]{6}") && MessageDigest.isEqual(hash(row.id(), code).getBytes(StandardCharsets.US_ASCII),
                row.codeHash().getBytes(StandardCharsets.US_ASCII))) {
            jdbc.sql("UPDATE open_survey_code SET used_at = :now WHERE id = :id").param("now", Timestamp.from(now))
                    .param("id", row.id()).update();
            return Check.ACCEPTED;
        }
        jdbc.sql("UPDATE open_survey_code SET attempts = attempts + 1 WHERE id = :id").param("id", row.id()).update();
        return row.attempts() + 1 >= attempts ? Check.LOCKED : Check.WRONG;
    }

    private static String hash(long id, String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((id + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
