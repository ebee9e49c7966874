package org.sipas.reporting;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the reports' tables: uploaded templates ({@code report_template}) and report drafts ({@code report_draft}). */
@Repository
class ReportRepository {

    /** An uploaded template as stored. */
    record StoredTemplate(String kind, String fileName, byte[] content, String digest, String uploadedBy, Instant uploadedAt) {
    }

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredTemplate> template(ReportKind kind) {
        return jdbc.sql("SELECT * FROM report_template WHERE kind = :kind").param("kind", kind.code())
                .query((rs, n) -> new StoredTemplate(rs.getString("kind"), rs.getString("file_name"), rs.getBytes("content"),
                        rs.getString("digest"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()))
                .optional();
    }

    void saveTemplate(ReportKind kind, String fileName, byte[] content, String digest, String by) {
        jdbc.sql("""
                        INSERT INTO report_template (kind, file_name, content, digest, uploaded_by) VALUES (:kind, :file, :content, :digest, :by)
                        ON CONFLICT (kind) DO UPDATE SET file_name = excluded.file_name, content = excluded.content,
                            digest = excluded.digest, uploaded_by = excluded.uploaded_by, uploaded_at = now()""")
                .param("kind", kind.code()).param("file", fileName).param("content", content).param("digest", digest).param("by", by)
                .update();
    }

    boolean deleteTemplate(ReportKind kind) {
        return jdbc.sql("DELETE FROM report_template WHERE kind = :kind").param("kind", kind.code()).update() > 0;
    }

    /** The draft of a published version, when its author saved one. */
    Optional<ReportDraft> draft(long campaignId, int version) {
        return jdbc.sql("SELECT * FROM report_draft WHERE campaign_id = :c AND snapshot_version = :v")
                .param("c", campaignId).param("v", version)
                .query((rs, n) -> new ReportDraft(rs.getString("number"), rs.getString("issuer_superior"), rs.getString("issuer"),
                        rs.getString("place"), rs.getObject("report_date", LocalDate.class), rs.getString("signer_title"),
                        rs.getString("signer_name"), rs.getString("recipients"), rs.getString("recommendations"),
                        rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    /** The latest saved draft of an earlier version of the campaign: a correction's report starts from it. */
    Optional<ReportDraft> draftBefore(long campaignId, int version) {
        return jdbc.sql("SELECT snapshot_version FROM report_draft WHERE campaign_id = :c AND snapshot_version < :v "
                        + "ORDER BY snapshot_version DESC LIMIT 1")
                .param("c", campaignId).param("v", version).query(Integer.class).optional()
                .flatMap(earlier -> draft(campaignId, earlier));
    }

    void saveDraft(long campaignId, int version, ReportDraft d, String by) {
        jdbc.sql("""
                        INSERT INTO report_draft (campaign_id, snapshot_version, number, issuer_superior, issuer, place, report_date,
                                                  signer_title, signer_name, recipients, recommendations, updated_by)
                        VALUES (:c, :v, :number, :superior, :issuer, :place, :date, :signerTitle, :signerName, :recipients,
                                :recommendations, :by)
                        ON CONFLICT (campaign_id, snapshot_version) DO UPDATE SET number = excluded.number,
                            issuer_superior = excluded.issuer_superior, issuer = excluded.issuer, place = excluded.place,
                            report_date = excluded.report_date, signer_title = excluded.signer_title,
                            signer_name = excluded.signer_name, recipients = excluded.recipients,
                            recommendations = excluded.recommendations, updated_by = excluded.updated_by, updated_at = now()""")
                .param("c", campaignId).param("v", version).param("number", d.number()).param("superior", d.issuerSuperior())
                .param("issuer", d.issuer()).param("place", d.place()).param("date", d.date() == null ? null : Date.valueOf(d.date()))
                .param("signerTitle", d.signerTitle()).param("signerName", d.signerName()).param("recipients", d.recipients())
                .param("recommendations", d.recommendations()).param("by", by)
                .update();
    }
}
