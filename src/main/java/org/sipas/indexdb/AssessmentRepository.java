package org.sipas.indexdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of index_assessment and index_evidence. */
@Repository
class AssessmentRepository {

    private final JdbcClient jdbc;

    AssessmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An assessment's own row. */
    record Head(long id, long definitionId, long unitId, int year, Assessment.Status status, String createdBy, String submittedBy,
                Instant submittedAt, String approvedBy, Instant approvedAt) {
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getLong("id"), rs.getLong("definition_id"), rs.getLong("unit_id"), rs.getInt("year"),
                Assessment.Status.valueOf(rs.getString("status")), rs.getString("created_by"), rs.getString("submitted_by"),
                instant(rs, "submitted_at"), rs.getString("approved_by"), instant(rs, "approved_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    Optional<Head> find(long id) {
        return jdbc.sql("SELECT * FROM index_assessment WHERE id = :id").param("id", id).query(AssessmentRepository::head).optional();
    }

    Optional<Head> forUpdate(long id) {
        return jdbc.sql("SELECT * FROM index_assessment WHERE id = :id FOR UPDATE").param("id", id)
                .query(AssessmentRepository::head).optional();
    }

    Optional<Head> find(long definitionId, long unitId, int year) {
        return jdbc.sql("SELECT * FROM index_assessment WHERE definition_id = :d AND unit_id = :u AND year = :y")
                .param("d", definitionId).param("u", unitId).param("y", year).query(AssessmentRepository::head).optional();
    }

    long insert(long definitionId, long unitId, int year, String by) {
        return jdbc.sql("""
                        INSERT INTO index_assessment (definition_id, unit_id, year, created_by) VALUES (:d, :u, :y, :by)
                        ON CONFLICT (definition_id, unit_id, year) DO UPDATE SET year = EXCLUDED.year RETURNING id""")
                .param("d", definitionId).param("u", unitId).param("y", year).param("by", by).query(Long.class).single();
    }

    void submitted(long id, String by) {
        jdbc.sql("UPDATE index_assessment SET status = 'SUBMITTED', submitted_by = :by, submitted_at = now() WHERE id = :id")
                .param("by", by).param("id", id).update();
    }

    void approved(long id, String by) {
        jdbc.sql("UPDATE index_assessment SET status = 'APPROVED', approved_by = :by, approved_at = now() WHERE id = :id")
                .param("by", by).param("id", id).update();
    }

    /** The assessments the caller's scope sees (a unit's own and those below it), newest year first. */
    List<Head> within(long scopeUnitId, String scopeFragment) {
        return jdbc.sql("SELECT * FROM index_assessment a WHERE " + scopeFragment + " ORDER BY year DESC, id")
                .param("scope", scopeUnitId).query(AssessmentRepository::head).list();
    }

    /** The assessments submitted and waiting for appraisal, oldest first. */
    List<Head> submitted() {
        return jdbc.sql("SELECT * FROM index_assessment WHERE status = 'SUBMITTED' ORDER BY submitted_at")
                .query(AssessmentRepository::head).list();
    }

    long addEvidence(long assessmentId, long nodeId, String fileName, String contentType, byte[] content, String by) {
        return jdbc.sql("""
                        INSERT INTO index_evidence (assessment_id, node_id, file_name, content_type, size_bytes, content, uploaded_by)
                        VALUES (:a, :n, :name, :type, :size, :content, :by) RETURNING id""")
                .param("a", assessmentId).param("n", nodeId).param("name", fileName).param("type", contentType)
                .param("size", content.length).param("content", content).param("by", by).query(Long.class).single();
    }

    List<Assessment.Evidence> evidence(long assessmentId) {
        return jdbc.sql("""
                        SELECT e.id, n.code, e.file_name, e.content_type, e.size_bytes, e.uploaded_by, e.uploaded_at
                        FROM index_evidence e JOIN index_node n ON n.id = e.node_id WHERE e.assessment_id = :a ORDER BY e.id""")
                .param("a", assessmentId)
                .query((rs, n) -> new Assessment.Evidence(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** An evidence file's bytes: its name, type and content. */
    record File(long assessmentId, String fileName, String contentType, byte[] content) {
    }

    Optional<File> file(long evidenceId) {
        return jdbc.sql("SELECT assessment_id, file_name, content_type, content FROM index_evidence WHERE id = :id")
                .param("id", evidenceId)
                .query((rs, n) -> new File(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4))).optional();
    }
}
