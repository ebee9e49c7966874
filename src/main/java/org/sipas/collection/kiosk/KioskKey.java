package org.sipas.collection.kiosk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret in a kiosk's address ({@code /k/{key}}): 192 random bits, base64url. Whoever holds
 * it can rate the unit, so it is shown once and only its SHA-256 is stored.
 */
final class KioskKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KioskKey() {
    }

    static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text could be a key at all (asked before any database lookup). */
    static boolean looksLikeKey(String text) {
        return text != null && text.matches("[A-Za-z0-9_-]{32}");
    }

    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
