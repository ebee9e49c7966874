package org.sipas.frame;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Dossiers as a receipt names them (unit and receipt code), without their applicant's contact:
 * what a printed slip or a one-stop system's call needs to know, and nothing more.
 */
@Service
public class Receipts {

    /** A dossier's receipt: who received it and under which code. */
    public record Receipt(long dossierId, long unitId, String unitCode, String unitName, String receiptCode) {
    }

    private static final String SELECT = """
            SELECT d.id, d.unit_id, u.code, u.name, d.receipt_code FROM dossier d JOIN unit u ON u.id = d.unit_id""";

    private final JdbcClient jdbc;

    Receipts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The dossier a unit received under a receipt code (the key the one-stop systems use), whoever asks. */
    public Optional<Receipt> find(String unitCode, String receiptCode) {
        return jdbc.sql(SELECT + " WHERE u.code = :unit AND d.receipt_code = :receipt")
                .param("unit", unitCode).param("receipt", receiptCode).query(Receipts::row).optional();
    }

    /** The receipts of the given dossiers, in no particular order; unknown ids are left out. */
    public List<Receipt> of(Collection<Long> dossierIds) {
        if (dossierIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE d.id = ANY (CAST(:ids AS bigint[]))")
                .param("ids", dossierIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .query(Receipts::row).list();
    }

    private static Receipt row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Receipt(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }
}
