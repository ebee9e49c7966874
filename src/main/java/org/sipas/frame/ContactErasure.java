package org.sipas.frame;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Erases applicants' contacts for good (DESIGN §8, Decree 13/2023/NĐ-CP): the sealed name, phone and
 * address, the keyed hash of the phone and the contact's fingerprint go; the row stays, marked with
 * the time, so that every page reading the contact can say it was erased rather than never given,
 * and a later import of the same dossier does not bring it back ({@code DossierStore}). Which
 * contacts are due is the retention rule's business; this only writes the frame's own table.
 */
@Service
public class ContactErasure {

    private final JdbcClient jdbc;

    ContactErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Erases the contacts of the given dossiers not erased yet, in the caller's transaction.
     *
     * @return the ids of the dossiers whose contact this call erased (already erased ones are not in it)
     */
    public List<Long> erase(Collection<Long> dossierIds, Instant now) {
        if (dossierIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        UPDATE dossier_contact SET name_cipher = NULL, phone_cipher = NULL, address_cipher = NULL,
                                                   phone_hash = NULL, contact_hash = '\\x'::bytea, erased_at = :now
                        WHERE dossier_id = ANY (:ids) AND erased_at IS NULL
                        RETURNING dossier_id""")
                .param("ids", dossierIds.toArray(Long[]::new))
                .param("now", Timestamp.from(now))
                .query(Long.class).list();
    }
}
