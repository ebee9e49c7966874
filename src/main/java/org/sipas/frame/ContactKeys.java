package org.sipas.frame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The two secrets that protect contacts: an AES-256 key to encrypt names and phones, and an HMAC
 * key to hash phones for de-duplication. Production passes them by environment
 * (SIPAS_CONTACT_KEY, SIPAS_CONTACT_HASH_KEY); a newcomer's machine gets random keys created once
 * in the key directory, readable by the owner only, so contacts stay readable after a restart.
 */
@Component
class ContactKeys {

    private static final int KEY_BYTES = 32;

    private final SecretKeySpec encryption;
    private final SecretKeySpec hashing;

    ContactKeys(@Value("${sipas.contacts.encryption-key:}") String encryptionKey,
                @Value("${sipas.contacts.hash-key:}") String hashKey,
                @Value("${sipas.contacts.key-dir}") Path keyDir) {
        this.encryption = new SecretKeySpec(key(encryptionKey, keyDir.resolve("contact-encryption.key")), "AES");
        this.hashing = new SecretKeySpec(key(hashKey, keyDir.resolve("contact-hash.key")), "HmacSHA256");
    }

    SecretKeySpec encryption() {
        return encryption;
    }

    SecretKeySpec hashing() {
        return hashing;
    }

    private static byte[] key(String configured, Path file) {
        String base64 = configured == null || configured.isBlank() ? fromFile(file) : configured.strip();
        byte[] key = Base64.getDecoder().decode(base64);
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("A contact key must be base64 of 32 bytes: " + file.getFileName());
        }
        return key;
    }

    private static String fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the contact key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try {
            // created with owner-only permissions from the start: never world-readable, not even briefly
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
        } catch (FileAlreadyExistsException raced) {
            // another node or test context created it first: use theirs
        }
    }
}
