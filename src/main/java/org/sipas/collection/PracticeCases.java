package org.sipas.collection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sipas.campaign.CampaignScope;
import org.sipas.campaign.FieldCampaign;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.UnitScope;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Practice cases and practice responses of someone in training (tập huấn): made-up applicants
 * (never drawn from the frame or the sample, so no real person is called and no sampled case is
 * worked), answered on the same questionnaire pages with the same checks, and stored in
 * {@code practice_response}, not in {@code response}.
 *
 * <p>That is the whole guarantee that a practice answer never reaches tallies, indices, exports,
 * re-check lists, fabrication flags or feedback cases: every one of those reads {@code response}
 * or listens for {@link ResponseSubmitted}, and a practice answer is neither. Nothing here goes
 * through {@link ResponseStore}.
 */
@Service
class PracticeCases {

    /** How many practice cases each campaign offers. */
    static final int CASES = 5;

    /**
     * A practice case: a made-up applicant of one of the campaign's units the trainee may see.
     *
     * @param number 1 to {@link #CASES}
     */
    record PracticeCase(int number, long campaignId, Long unitId, String applicant, String phone, String receiptCode) {
    }

    /** A stored practice response, as the trainee's list shows it. */
    record Practised(long id, int practiceCase, String username, Instant submittedAt) {
    }

    private final CampaignScope campaigns;
    private final UnitScope scope;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CurrentUsers users;
    private final AuditLog audit;

    PracticeCases(CampaignScope campaigns, UnitScope scope, JdbcClient jdbc, JsonMapper json, CurrentUsers users, AuditLog audit) {
        this.campaigns = campaigns;
        this.scope = scope;
        this.jdbc = jdbc;
        this.json = json;
        this.users = users;
        this.audit = audit;
    }

    /** The campaign's practice cases, for a caller whose scope meets the campaign's. */
    List<PracticeCase> of(long campaignId) {
        FieldCampaign campaign = campaigns.overlapping(campaignId);
        Set<Long> mine = scope.covered(campaign.unitIds());
        List<Long> units = campaign.unitIds().stream().filter(mine::contains).toList();
        Long fallback = scope.covers(campaign.scopeUnitId()) ? campaign.scopeUnitId() : null;
        return java.util.stream.IntStream.rangeClosed(1, CASES)
                .mapToObj(k -> new PracticeCase(k, campaignId, units.isEmpty() ? fallback : units.get((k - 1) % units.size()),
                        "Người dân tập huấn " + k, "0900 000 %03d".formatted(k), "TAPHUAN-%d-%d".formatted(campaignId, k)))
                .toList();
    }

    /** One practice case of the campaign: 404 for a number it does not have. */
    PracticeCase find(long campaignId, int number) {
        return of(campaignId).stream().filter(c -> c.number() == number).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /**
     * Stores a practice response of the caller: in {@code practice_response} only, publishing
     * nothing. The campaign need not be in the field: people train before fieldwork starts.
     */
    @Transactional
    long store(PracticeCase practiceCase, FieldCampaign campaign, Map<String, String> answers, Instant startedAt) {
        String me = users.current().name();
        long id = jdbc.sql("""
                        INSERT INTO practice_response (campaign_id, practice_case, username, methodology_code, methodology_version,
                                                       unit_id, answers, started_at)
                        VALUES (:c, :k, :u, :code, :version, :unit, CAST(:answers AS jsonb), :started) RETURNING id""")
                .param("c", campaign.id()).param("k", practiceCase.number()).param("u", me)
                .param("code", campaign.methodologyCode()).param("version", campaign.methodologyVersion())
                .param("unit", practiceCase.unitId()).param("answers", json.writeValueAsString(answers))
                .param("started", Timestamp.from(startedAt)).query(Long.class).single();
        audit.record("training.practice", "practice_response", Long.toString(id), null,
                Map.of("campaign", campaign.id(), "case", practiceCase.number()), "practice, not counted");
        return id;
    }

    /** The caller's practice responses in the campaign, newest first. */
    List<Practised> mine(long campaignId) {
        return jdbc.sql("""
                        SELECT id, practice_case, username, submitted_at FROM practice_response
                        WHERE campaign_id = :c AND username = :u ORDER BY submitted_at DESC, id DESC""")
                .param("c", campaignId).param("u", users.current().name())
                .query((rs, n) -> new Practised(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }
}
