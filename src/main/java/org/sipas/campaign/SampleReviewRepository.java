package org.sipas.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The decisions on campaigns' drawn samples ({@code sample_review}). */
@Repository
class SampleReviewRepository {

    private final JdbcClient jdbc;

    SampleReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long campaignId, long seed, SampleReview.Decision decision, String comments, String decidedBy, Instant at) {
        return jdbc.sql("""
                        INSERT INTO sample_review (campaign_id, seed, decision, comments, decided_by, decided_at)
                        VALUES (:c, :seed, :decision, :comments, :by, :at) RETURNING id""")
                .param("c", campaignId).param("seed", seed).param("decision", decision.name()).param("comments", comments)
                .param("by", decidedBy).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    /** The campaign's decisions, latest first. */
    List<SampleReview> of(long campaignId) {
        return jdbc.sql("""
                        SELECT id, campaign_id, seed, decision, comments, decided_by, decided_at
                        FROM sample_review WHERE campaign_id = :c ORDER BY decided_at DESC, id DESC""")
                .param("c", campaignId)
                .query((rs, n) -> new SampleReview(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("seed"),
                        SampleReview.Decision.valueOf(rs.getString("decision")), rs.getString("comments"), rs.getString("decided_by"),
                        rs.getTimestamp("decided_at").toInstant()))
                .list();
    }

    /** The latest decision on the draw of {@code seed}, if any. */
    Optional<SampleReview.Decision> latest(long campaignId, long seed) {
        return jdbc.sql("""
                        SELECT decision FROM sample_review WHERE campaign_id = :c AND seed = :seed
                        ORDER BY decided_at DESC, id DESC LIMIT 1""")
                .param("c", campaignId).param("seed", seed)
                .query(String.class).optional().map(SampleReview.Decision::valueOf);
    }
}
