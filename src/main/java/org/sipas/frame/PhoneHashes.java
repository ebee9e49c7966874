package org.sipas.frame;

import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

/**
 * The keyed hash of a phone number as a respondent types it, for one answer per person without
 * keeping the number: normalised as the frame normalises applicants' phones, then hashed with the
 * same HMAC key ({@code SIPAS_CONTACT_HASH_KEY}), so the same number gives the same hash here and
 * in {@code dossier_contact.phone_hash} (whose bytes this is, in lowercase hex).
 */
@Service
public class PhoneHashes {

    private final ContactVault vault;

    /** An address as mail servers take it: one @, no spaces, a dot in the domain; 254 characters at most (RFC 5321). */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final int EMAIL_MAX = 254;

    PhoneHashes(ContactVault vault) {
        this.vault = vault;
    }

    /** The hash of the number, or empty when it is not a Vietnamese phone number. */
    public Optional<String> hash(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(VietnamesePhone.normalise(typed.strip()))
                .map(normal -> HexFormat.of().formatHex(vault.phoneHash(normal)));
    }

    /**
     * An email address in the form its keyed hash is taken of: trimmed, composed (NFC) and in
     * lower case, so "An.Nguyen@Example.VN " is the same person as "an.nguyen@example.vn"; empty
     * when it is not an address.
     */
    public static Optional<String> normaliseEmail(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String normal = Normalizer.normalize(typed.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return normal.length() <= EMAIL_MAX && EMAIL.matcher(normal).matches() ? Optional.of(normal) : Optional.empty();
    }

    /**
     * The keyed hash of an email address (same HMAC key as the phones, its own prefix), for one
     * answer per person of an open survey without keeping the address; empty when it is not one.
     */
    public Optional<String> email(String typed) {
        return normaliseEmail(typed).map(normal -> HexFormat.of().formatHex(vault.emailHash(normal)));
    }
}
