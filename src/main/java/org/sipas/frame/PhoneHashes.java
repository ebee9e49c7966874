package org.sipas.frame;

import java.util.HexFormat;
import java.util.Optional;

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
}
