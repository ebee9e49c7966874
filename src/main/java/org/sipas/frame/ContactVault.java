package org.sipas.frame;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.stereotype.Component;

/**
 * Keeps applicants' names, phones and postal addresses unreadable at rest. A value is sealed with AES-256-GCM under a
 * fresh 12-byte IV and stored as {@code version ‖ IV ‖ ciphertext+tag}: the version byte names the
 * key, so keys can rotate while older values stay readable. Phones are also hashed with HMAC-SHA256
 * after normalising, so the same person is found again without decrypting anything.
 */
@Component
class ContactVault {

    /** The key version written into every sealed value; a rotated key gets the next number. */
    private static final byte KEY_VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** A contact fingerprint only tells "changed or not" on re-import, so half an HMAC is plenty. */
    private static final int FINGERPRINT_BYTES = 16;

    private final ContactKeys keys;
    private final SecureRandom random = new SecureRandom();
    // Cipher and Mac are not thread-safe, and creating them per value would cost more than the work itself
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> instance(() -> Cipher.getInstance("AES/GCM/NoPadding")));
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    ContactVault(ContactKeys keys) {
        this.keys = keys;
    }

    /** The sealed form of a value, or null for no value. */
    byte[] seal(String plain) {
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.encryption(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] text = plain.getBytes(StandardCharsets.UTF_8);
            ByteBuffer sealed = ByteBuffer.allocate(1 + IV_BYTES + cipher.getOutputSize(text.length));
            sealed.put(KEY_VERSION).put(iv);
            cipher.doFinal(ByteBuffer.wrap(text), sealed);
            return sealed.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a contact", e);
        }
    }

    /** The plain value of a sealed one, or null for none. */
    String open(byte[] sealed) {
        if (sealed == null) {
            return null;
        }
        if (sealed.length < 1 + IV_BYTES || sealed[0] != KEY_VERSION) {
            throw new IllegalStateException("Contact sealed with an unknown key version " + (sealed.length == 0 ? "" : sealed[0]));
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, keys.encryption(), new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
            return new String(cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open a contact", e);
        }
    }

    /** The keyed hash of a phone already in its {@link VietnamesePhone#normalise normal form}, or null. */
    byte[] phoneHash(String normalisedPhone) {
        return normalisedPhone == null ? null : mac("phone:" + normalisedPhone);
    }

    /** The keyed hash of an email address already normalised ({@link PhoneHashes#email}), in its own domain of the same key. */
    byte[] emailHash(String normalisedEmail) {
        return mac("email:" + normalisedEmail);
    }

    /**
     * A keyed digest of the whole contact, to leave an unchanged contact alone when a dossier comes
     * again. A contact without an address digests as it did before addresses were kept, so that
     * re-importing an old file rewrites none of its contacts.
     */
    byte[] fingerprint(String name, String normalisedPhone, String address) {
        String contact = "contact:" + (name == null ? "" : name) + '\u0000' + (normalisedPhone == null ? "" : normalisedPhone)
                + (address == null ? "" : "\u0000" + address);
        return Arrays.copyOf(mac(contact), FINGERPRINT_BYTES);
    }

    private byte[] mac(String text) {
        return macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        Mac mac = instance(() -> Mac.getInstance("HmacSHA256"));
        try {
            mac.init(keys.hashing());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return mac;
    }

    private interface Factory<T> {
        T create() throws GeneralSecurityException;
    }

    private static <T> T instance(Factory<T> factory) {
        try {
            return factory.create();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM lacks AES-GCM or HMAC-SHA256", e);
        }
    }
}
