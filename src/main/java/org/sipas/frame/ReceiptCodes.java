package org.sipas.frame;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A receipt code (mã hồ sơ, số biên nhận) as a citizen types it at a counter, resolved to the
 * dossier of that unit. Receipt codes are unique within a unit only, so the unit is always named.
 */
@Service
public class ReceiptCodes {

    private final JdbcClient jdbc;

    ReceiptCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of the unit's dossier with this receipt code, ignoring case and surrounding spaces. */
    public Optional<Long> dossierOf(long unitId, String receiptCode) {
        if (receiptCode == null || receiptCode.isBlank()) {
            return Optional.empty();
        }
        String code = receiptCode.strip();
        // exact first (the unique index answers it), then without regard to case as people type it
        return jdbc.sql("""
                        SELECT id FROM dossier WHERE unit_id = :unit AND receipt_code = :code
                        UNION ALL
                        (SELECT id FROM dossier WHERE unit_id = :unit AND upper(receipt_code) = upper(:code) ORDER BY id LIMIT 1)
                        LIMIT 1""")
                .param("unit", unitId).param("code", code).query(Long.class).optional();
    }
}
