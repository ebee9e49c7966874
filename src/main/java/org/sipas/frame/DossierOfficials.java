package org.sipas.frame;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who served a dossier, as the one-stop system recorded it at service time: its procedure and its
 * receiving and processing officials (catalog ids), for features that pin a rating to them
 * (feedback cases). Nothing sealed is read.
 */
@Service
public class DossierOfficials {

    /** A dossier's service facts; an official id is null when the one-stop system named none. */
    public record Served(long dossierId, long unitId, String receiptCode, long procedureId, String procedureCode,
                         String procedureName, Long receivingOfficialId, Long processingOfficialId) {
    }

    private final JdbcClient jdbc;

    DossierOfficials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The dossiers found among {@code dossierIds}, by id. */
    public Map<Long, Served> of(Collection<Long> dossierIds) {
        Map<Long, Served> served = new HashMap<>();
        if (dossierIds.isEmpty()) {
            return served;
        }
        jdbc.sql("""
                        SELECT d.id, d.unit_id, d.receipt_code, p.id AS procedure_id, p.code, p.name,
                               d.receiving_official_id, d.processing_official_id
                        FROM dossier d JOIN procedure p ON p.id = d.procedure_id
                        WHERE d.id = ANY (CAST(:ids AS bigint[]))""")
                .param("ids", dossierIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .query((rs, n) -> new Served(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("receipt_code"),
                        rs.getLong("procedure_id"), rs.getString("code"), rs.getString("name"),
                        (Long) rs.getObject("receiving_official_id"), (Long) rs.getObject("processing_official_id")))
                .list().forEach(s -> served.put(s.dossierId(), s));
        return served;
    }
}
