package org.sipas.collection.online;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A small proof of work in front of the code request of open surveys, with no third-party
 * service: the page gets a challenge ({@code random.expiry}); its script finds a nonce such that
 * SHA-256 of {@code challenge:nonce} starts with {@code bits} zero bits. The server checks the
 * hash, that the expiry is near and not past, and that the challenge was never used before
 * ({@code open_survey_challenge}). A challenge is not signed on purpose: one a script makes up
 * itself costs it the same work and is equally single-use, so a signature would add nothing but a
 * key to keep; what a script cannot do is reuse one solution for many requests.
 */
@Component
class ProofOfWork {

    /** How long a challenge may be answered after it is given. */
    static final Duration VALIDITY = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final int bits;
    private final SecureRandom random = new SecureRandom();

    ProofOfWork(JdbcClient jdbc, @Value("${sipas.open-survey.proof-of-work-bits:16}") int bits) {
        if (bits < 0 || bits > 32) {
            throw new IllegalArgumentException("sipas.open-survey.proof-of-work-bits must be 0..32: " + bits);
        }
        this.jdbc = jdbc;
        this.bits = bits;
    }

    int bits() {
        return bits;
    }

    /** A new challenge, valid for {@link #VALIDITY} from {@code now}. */
    String challenge(Instant now) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes) + "." + now.plus(VALIDITY).getEpochSecond();
    }

    /**
     * Whether {@code nonce} solves {@code challenge} at {@code now}; a solved challenge is spent,
     * so the same pair posted again is refused.
     */
    boolean accept(String challenge, String nonce, Instant now) {
        if (challenge == null || nonce == null || challenge.length() > 64 || nonce.length() > 32
                || !challenge.matches("[0-9a-f]{32}\\.[0-9]{1,12}") || !nonce.matches("[0-9]{1,32}")) {
            return false;
        }
        long expiry = Long.parseLong(challenge.substring(challenge.indexOf('.') + 1));
        if (expiry < now.getEpochSecond() || expiry > now.plus(VALIDITY).getEpochSecond() + 60) {
            return false;
        }
        if (!solves(challenge, nonce, bits)) {
            return false;
        }
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            // a spent challenge need be kept only until it would have expired anyway
            jdbc.sql("DELETE FROM open_survey_challenge WHERE used_at < now() - interval '20 minutes'").update();
        }
        return jdbc.sql("INSERT INTO open_survey_challenge (challenge) VALUES (:c) ON CONFLICT DO NOTHING")
                .param("c", challenge).update() == 1;
    }

    /** Whether SHA-256 of {@code challenge:nonce} starts with {@code bits} zero bits. */
    static boolean solves(String challenge, String nonce, int bits) {
        byte[] hash = sha256(challenge + ":" + nonce);
        for (int i = 0; i < bits; i++) {
            if ((hash[i / 8] & (0x80 >>> (i % 8))) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The nonce a page's script finds, found here the same way: for tests and the accessibility of the rule. */
    static String solve(String challenge, int bits) {
        for (long nonce = 0; ; nonce++) {
            if (solves(challenge, Long.toString(nonce), bits)) {
                return Long.toString(nonce);
            }
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
