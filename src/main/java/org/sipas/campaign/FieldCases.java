package org.sipas.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.sipas.catalog.CatalogCodes;
import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.PartnerOrganisations;
import org.sipas.identity.StaffAccounts;
import org.sipas.identity.UnitScope;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sample as fieldwork works it: cases read by id, by interviewer and by campaign, assigned to
 * interviewers by a supervisor, and handed to the reserve list by the campaign's replacement rule.
 * This is what the collection channels (phone, face to face, online, paper) ask of a campaign.
 */
@Service
public class FieldCases {

    private static final String SELECT = """
            SELECT m.id, m.campaign_id, c.name, c.status, m.stratum_id, s.unit_id, s.procedure_id, m.dossier_id,
                   c.methodology_code, c.methodology_version, m.channel, m.assigned_to, m.inclusion_probability, m.replaces_id
            FROM sample_member m JOIN campaign_stratum s ON s.id = m.stratum_id JOIN campaign c ON c.id = m.campaign_id
            """;

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final FieldCampaigns fieldCampaigns;
    private final UnitScope scope;
    private final CurrentUsers users;
    private final StaffAccounts accounts;
    private final AuditLog audit;
    private final TrainingRepository training;
    private final PartnerOrganisations partners;

    FieldCases(JdbcClient jdbc, Campaigns campaigns, FieldCampaigns fieldCampaigns, UnitScope scope, CurrentUsers users,
               StaffAccounts accounts, AuditLog audit, TrainingRepository training, PartnerOrganisations partners) {
        this.partners = partners;
        this.training = training;
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.fieldCampaigns = fieldCampaigns;
        this.scope = scope;
        this.users = users;
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * The campaigns in the field that have a stratum within the caller's scope, newest first; for a
     * partner organisation's staff, only those it serves.
     */
    public List<FieldCampaign> inField() {
        return jdbc.sql("""
                        SELECT c.id FROM campaign c
                        WHERE c.status = 'IN_FIELD' AND EXISTS (SELECT 1 FROM campaign_stratum s
                                                                WHERE s.campaign_id = c.id AND %s)
                        ORDER BY c.id DESC""".formatted(CatalogCodes.unitWithinScope("s.unit_id", "scope")))
                .param("scope", scope.unitId()).query(Long.class).list().stream()
                .filter(id -> users.find().map(u -> !u.isPartner() || partners.servesCampaign(u.partnerId(), id)).orElse(true))
                .map(id -> fieldCampaigns.find(id).orElseThrow()).toList();
    }

    /** A case of the sample (active or replaced, never a reserve row), whoever asks: callers check their own rights. */
    public Optional<FieldCase> find(long id) {
        return jdbc.sql(SELECT + " WHERE m.id = :id AND m.role = 'SAMPLE'").param("id", id).query(FieldCases::row).optional();
    }

    /** The sampled case of a dossier in a campaign, if the dossier was drawn into its sample. */
    public Optional<FieldCase> ofDossier(long campaignId, long dossierId) {
        return jdbc.sql(SELECT + " WHERE m.campaign_id = :c AND m.dossier_id = :d AND m.role = 'SAMPLE' AND m.state = 'ACTIVE'")
                .param("c", campaignId).param("d", dossierId).query(FieldCases::row).optional();
    }

    /**
     * The active cases an interviewer holds in campaigns that are in the field, by campaign then
     * stratum and rank. A partner organisation's member holds only the cases handed to the
     * organisation: of the campaigns and units it still serves. One assigned before it stopped
     * serving them stays assigned, but its contact no longer goes to the member (the call queue,
     * the CAPI download, an opened call all read this list).
     */
    public List<FieldCase> assignedTo(String username) {
        List<FieldCase> held = jdbc.sql(SELECT + """
                         WHERE m.assigned_to = :user AND m.role = 'SAMPLE' AND m.state = 'ACTIVE' AND c.status = 'IN_FIELD'
                        ORDER BY m.campaign_id, m.stratum_id, m.rank""")
                .param("user", username).query(FieldCases::row).list();
        Optional<CurrentUser> member = held.isEmpty() ? Optional.empty()
                : accounts.account(username).filter(CurrentUser::isPartner);
        if (member.isEmpty()) {
            return held;
        }
        CurrentUser partnerMember = member.get();
        Set<Long> served = held.stream().map(FieldCase::campaignId).distinct()
                .filter(id -> partners.servesCampaign(partnerMember.partnerId(), id)).collect(Collectors.toSet());
        Set<Long> units = scope.covered(partnerMember, held.stream().map(FieldCase::unitId).distinct().toList());
        return held.stream().filter(c -> served.contains(c.campaignId()) && units.contains(c.unitId())).toList();
    }

    /** The active sampled cases of a campaign for one channel (all channels when null), by stratum and rank. */
    public List<FieldCase> of(long campaignId, String channel) {
        return jdbc.sql(SELECT + """
                         WHERE m.campaign_id = :c AND m.role = 'SAMPLE' AND m.state = 'ACTIVE'
                          AND (CAST(:channel AS text) IS NULL OR m.channel = :channel)
                        ORDER BY m.stratum_id, m.rank""")
                .param("c", campaignId).param("channel", channel).query(FieldCases::row).list();
    }

    /** The active sampled cases of a dossier in every campaign in the field (a dossier can be in several campaigns' samples). */
    public List<FieldCase> inFieldOfDossier(long dossierId) {
        return jdbc.sql(SELECT + """
                         WHERE m.dossier_id = :d AND m.role = 'SAMPLE' AND m.state = 'ACTIVE' AND c.status = 'IN_FIELD'
                        ORDER BY c.fieldwork_at DESC, m.id""")
                .param("d", dossierId).query(FieldCases::row).list();
    }

    /**
     * When a campaign went to the field, or empty if it never did: a device that reports an
     * interview from before that moment has a wrong clock.
     */
    public Optional<Instant> fieldworkStartedAt(long campaignId) {
        return jdbc.sql("SELECT fieldwork_at FROM campaign WHERE id = :c").param("c", campaignId)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .optional().flatMap(at -> at);
    }

    /**
     * Gives cases to an interviewer, or takes them back when {@code username} is null. A supervisor
     * (ADMIN, PROVINCE_ADMIN, UNIT_MANAGER) does it for cases whose unit is within their scope, to
     * an enabled INTERVIEWER whose own scope covers the case's unit and who, when the case's campaign
     * requires training, passed its quiz ({@link Training}); a partner organisation's member only
     * in a campaign and a unit it serves. Audited, one entry per call.
     *
     * @return how many cases changed hands
     */
    @Transactional
    public int assign(List<Long> caseIds, String username) {
        CurrentUser supervisor = users.current();
        if (!supervisor.hasAny(Role.ADMIN, Role.PROVINCE_ADMIN, Role.UNIT_MANAGER)) {
            throw new AccessDeniedException("only supervisors assign cases");
        }
        Optional<CurrentUser> interviewer = Optional.ofNullable(username).map(name -> accounts.account(name)
                .filter(u -> u.has(Role.INTERVIEWER))
                .orElseThrow(() -> new IllegalArgumentException("fieldwork.assign.notInterviewer")));
        Map<String, Object> before = new LinkedHashMap<>();
        for (long id : caseIds) {
            FieldCase fieldCase = find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            scope.require(supervisor, fieldCase.unitId());
            interviewer.ifPresent(u -> scope.require(u, fieldCase.unitId()));
            if (interviewer.filter(u -> u.isPartner() && !partners.servesCampaign(u.partnerId(), fieldCase.campaignId())).isPresent()) {
                throw new IllegalArgumentException("partner.assign.notServed");
            }
            if (username != null && training.settings(fieldCase.campaignId()).required()
                    && !training.passed(fieldCase.campaignId(), username)) {
                throw new IllegalArgumentException("training.assign.untrained");
            }
            before.put(Long.toString(id), fieldCase.assignedTo());
        }
        // typed casts: taking cases back binds a null, whose type PostgreSQL cannot guess
        int changed = jdbc.sql("""
                        UPDATE sample_member SET assigned_to = CAST(:user AS text), assigned_at = CASE WHEN CAST(:user AS text) IS NULL THEN NULL ELSE now() END
                        WHERE id IN (:ids) AND role = 'SAMPLE' AND state = 'ACTIVE' AND assigned_to IS DISTINCT FROM CAST(:user AS text)""")
                .param("user", username).param("ids", caseIds).update();
        audit.record("fieldwork.assign", "sample_member", caseIds.size() == 1 ? Long.toString(caseIds.get(0)) : null,
                Map.of("assignedTo", before), Map.of("assignedTo", username == null ? "" : username),
                caseIds.size() + " case(s)");
        return changed;
    }

    /**
     * Hands a case that refused or could not be reached to the first reserve of its stratum, who
     * takes over its channel and interviewer: the campaign's replacement rule, audited. Allowed to
     * campaign managers and to the interviewer who holds the case.
     *
     * @return the case that replaces it
     */
    @Transactional
    public FieldCase replace(long caseId, String reason) {
        FieldCase fieldCase = find(caseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CurrentUser caller = users.current();
        if (campaigns.mayManage()) {
            return find(campaigns.replace(caseId, reason).id()).orElseThrow();
        }
        if (!caller.name().equals(fieldCase.assignedTo())) {
            throw new AccessDeniedException("case " + caseId + " is not held by " + caller.name());
        }
        return find(campaigns.replaceHeld(caseId, reason).id()).orElseThrow();
    }

    private static FieldCase row(ResultSet rs, int n) throws SQLException {
        return new FieldCase(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                rs.getObject(7, Long.class), rs.getLong(8), rs.getString(9), rs.getInt(10), rs.getString(11),
                rs.getString(12), rs.getDouble(13), rs.getObject(14, Long.class));
    }
}
