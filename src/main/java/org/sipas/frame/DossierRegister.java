package org.sipas.frame;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.sipas.web.PageOf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dossiers of a scope, newest first, searchable by receipt code, contacts masked. */
@Repository
class DossierRegister {

    /** A dossier as the list shows it. */
    record Listed(String receiptCode, String unitCode, String unitName, String procedureCode, String procedureName,
                  Instant receivedAt, Instant appointmentAt, Instant returnedAt, ApplicantKind applicantKind,
                  Channel channel, DossierStatus status, MaskedContact contact) {
    }

    private static final String SEARCH = " AND (CAST(:q AS text) IS NULL OR d.receipt_code LIKE :q || '%')";

    private final JdbcClient jdbc;
    private final ContactVault vault;

    DossierRegister(JdbcClient jdbc, ContactVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /** @param receiptCode the start of a receipt code, or null for all */
    PageOf<Listed> page(DossierFilter filter, String receiptCode, int number, int size) {
        String q = receiptCode == null || receiptCode.isBlank() ? null
                : receiptCode.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        long total = filter.bind(jdbc.sql("SELECT count(*) FROM dossier d" + DossierFilter.WHERE + SEARCH))
                .param("q", q).query(Long.class).single();
        PageOf<Listed> page = new PageOf<>(List.of(), number, size, total);
        return new PageOf<>(filter.bind(jdbc.sql("""
                                SELECT d.receipt_code, u.code AS unit_code, u.name AS unit_name, p.code AS procedure_code,
                                       p.name AS procedure_name, d.received_at, d.appointment_at, d.returned_at,
                                       d.applicant_kind, d.channel, d.status, c.name_cipher, c.phone_cipher
                                FROM dossier d
                                JOIN unit u ON u.id = d.unit_id
                                JOIN procedure p ON p.id = d.procedure_id
                                LEFT JOIN dossier_contact c ON c.dossier_id = d.id""" + DossierFilter.WHERE + SEARCH + """
                                 ORDER BY d.received_at DESC, d.id DESC LIMIT :limit OFFSET :offset"""))
                .param("q", q).param("limit", size).param("offset", page.offset())
                .query(this::listed)
                .list(), number, size, total);
    }

    private Listed listed(ResultSet rs, int n) throws SQLException {
        return new Listed(rs.getString("receipt_code"), rs.getString("unit_code"), rs.getString("unit_name"),
                rs.getString("procedure_code"), rs.getString("procedure_name"), instant(rs, "received_at"),
                instant(rs, "appointment_at"), instant(rs, "returned_at"),
                ApplicantKind.valueOf(rs.getString("applicant_kind")), Channel.valueOf(rs.getString("channel")),
                DossierStatus.valueOf(rs.getString("status")),
                MaskedContact.of(vault.open(rs.getBytes("name_cipher")), vault.open(rs.getBytes("phone_cipher"))));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
