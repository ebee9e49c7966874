package org.sipas.campaign;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sipas.catalog.CatalogCodes;
import org.sipas.frame.PhoneHashes;
import org.sipas.identity.AuditLog;
import org.sipas.identity.UnitScope;
import org.sipas.web.ImportRejectedException;
import org.sipas.web.RowError;
import org.sipas.web.TabularReader;
import org.sipas.web.TextEncoding;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Open online surveys (khảo sát trực tuyến): campaigns of kind OPEN, made and sent to the field by
 * the same rules and audit as every campaign ({@link Campaigns}) but with no frame, draw or
 * allocation. Their invited lists are imported through the one table reader, all or nothing, and
 * kept only as keyed hashes of the normalised addresses; each address gets its invitation by mail
 * ({@link OpenSurveyInvited}) and is then forgotten.
 */
@Service
public class OpenCampaigns {

    private static final String SELECT = """
            SELECT c.id, c.name, c.status, c.methodology_code, c.methodology_version, c.scope_unit_id, c.period_from,
                   c.period_to, o.audience, o.publish_results, o.refresh_hours
            FROM campaign c JOIN open_campaign o ON o.campaign_id = c.id""";

    /** The most addresses one list holds: a ministry's officials and leaders, with room to spare. */
    static final int MAX_INVITEES = 100_000;

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final CatalogCodes catalog;
    private final PhoneHashes hashes;
    private final UnitScope scope;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    OpenCampaigns(JdbcClient jdbc, Campaigns campaigns, CatalogCodes catalog, PhoneHashes hashes, UnitScope scope, AuditLog audit,
                  ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.hashes = hashes;
        this.scope = scope;
        this.audit = audit;
        this.events = events;
    }

    /** Any open survey by id, whoever asks (the public pages check {@link OpenCampaign#takesAnswers}). */
    public Optional<OpenCampaign> find(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query(OpenCampaigns::row).optional();
    }

    /** The open surveys of the caller's scope, newest first. */
    List<OpenCampaign> visible() {
        return jdbc.sql(SELECT + " WHERE " + CatalogCodes.unitWithinScope("c.scope_unit_id", "scope") + " ORDER BY c.id DESC")
                .param("scope", scope.unitId()).query(OpenCampaigns::row).list();
    }

    /**
     * An open survey the caller may see: 403 for any campaign outside their scope (first, so that
     * nobody learns which ids are open surveys elsewhere), 404 when there is none or it is a sampled one.
     */
    public OpenCampaign get(long id) {
        campaigns.get(id);
        return find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The surveys anyone may answer today from the portal (not the invited-only ones), by name. */
    public List<OpenCampaign> answerableByAnyone(LocalDate today) {
        return jdbc.sql(SELECT + " WHERE c.status = 'IN_FIELD' AND o.audience = 'PUBLIC' AND :today BETWEEN c.period_from AND c.period_to ORDER BY c.name")
                .param("today", today).query(OpenCampaigns::row).list();
    }

    /**
     * The surveys taking answers on {@code today} whose results publish themselves while they do
     * ({@link OpenCampaign#publishesWhileOpen}): reporting's refresh goes over them, whoever asks.
     */
    public List<OpenCampaign> publishingWhileOpen(LocalDate today) {
        return jdbc.sql(SELECT + " WHERE c.status = 'IN_FIELD' AND o.publish_results AND o.refresh_hours IS NOT NULL"
                        + " AND :today BETWEEN c.period_from AND c.period_to ORDER BY c.id")
                .param("today", today).query(OpenCampaigns::row).list();
    }

    /**
     * Plans an open survey (a DRAFT campaign of kind OPEN), by the rules of every campaign: a
     * manager within their scope, a known methodology, audited.
     *
     * @throws IllegalArgumentException naming (as a message code) what is wrong in the form
     */
    @Transactional
    public long create(OpenCampaignForm form) {
        OpenCampaign.Audience audience = form.audienceChosen();
        Integer refreshHours = form.refreshHoursChosen();
        long id = campaigns.create(form.plan(catalog));
        jdbc.sql("UPDATE campaign SET kind = 'OPEN' WHERE id = :id").param("id", id).update();
        boolean publish = Boolean.TRUE.equals(form.publishResults());
        jdbc.sql("""
                        INSERT INTO open_campaign (campaign_id, audience, publish_results, refresh_hours)
                        VALUES (:id, :audience, :publish, :refresh)""")
                .param("id", id).param("audience", audience.name()).param("publish", publish).param("refresh", refreshHours).update();
        Map<String, Object> setting = new LinkedHashMap<>();
        setting.put("audience", audience.name());
        setting.put("publishResults", publish);
        setting.put("refreshHours", refreshHours);
        audit.record("open.create", "campaign", Long.toString(id), null, setting, null);
        return id;
    }

    /** Sends the open survey to the field: its methodology is frozen, and the portal takes answers within its days. */
    @Transactional
    public void start(long id) {
        get(id);
        campaigns.startOpen(id);
    }

    /** Stops the survey taking answers; its results publish themselves now when its setting says so ({@link OpenSurveyClosed}). */
    @Transactional
    public void close(long id) {
        OpenCampaign open = get(id);
        campaigns.close(id);
        events.publishEvent(new OpenSurveyClosed(id, open.scopeUnitId(), open.publishResults()));
    }

    /** Whether the address of this keyed hash is on the survey's invited list. */
    public boolean isInvited(long id, String emailHash) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM open_campaign_invitee WHERE campaign_id = :c AND email_hash = :h)")
                .param("c", id).param("h", emailHash).query(Boolean.class).single();
    }

    /**
     * Forgets an open survey's invited list, keyed hashes and masked addresses (the retention rule,
     * once the survey is closed and its window over); how many went.
     */
    public long forgetInvitees(long campaignId) {
        return jdbc.sql("DELETE FROM open_campaign_invitee WHERE campaign_id = :c").param("c", campaignId).update();
    }

    /** How many invitees the list still holds. */
    public long inviteesHeld(long campaignId) {
        return jdbc.sql("SELECT count(*) FROM open_campaign_invitee WHERE campaign_id = :c").param("c", campaignId)
                .query(Long.class).single();
    }

    /** The invited addresses as the managers' page shows them: masked, in the order they were added. */
    List<String> invitees(long id) {
        return jdbc.sql("SELECT masked FROM open_campaign_invitee WHERE campaign_id = :c ORDER BY added_at, masked")
                .param("c", id).query(String.class).list();
    }

    /**
     * Adds an uploaded list (CSV or XLSX, column {@code email}) to the survey's invited list: every
     * row is checked first and one bad row rejects the whole file, naming its line and column; a
     * valid file is written in one transaction and each new address is mailed its invitation.
     *
     * @return how many addresses were new to the list
     * @throws ImportRejectedException naming the file, line and column of every problem
     */
    @Transactional
    public int importInvitees(long id, String file, InputStream input, String encoding) {
        OpenCampaign open = get(id);
        if (!campaigns.mayManage()) {
            throw new org.springframework.security.access.AccessDeniedException("only administrators manage campaigns");
        }
        if (open.status().equals(CampaignStatus.CLOSED.name())) {
            throw new CampaignConflict("open.invitees.closed");
        }
        List<RowError> errors = new ArrayList<>();
        Map<String, String> byHash = new LinkedHashMap<>();
        Map<String, Long> firstLine = new LinkedHashMap<>();
        TabularReader.read(file, input, TextEncoding.named(file, encoding), List.of("email"), row -> {
            String typed = row.get("email");
            if (typed == null || typed.isBlank()) {
                errors.add(row.error("email", "open.invitees.emailRequired"));
                return;
            }
            Optional<String> normal = PhoneHashes.normaliseEmail(typed);
            if (normal.isEmpty()) {
                errors.add(row.error("email", "open.invitees.emailInvalid", typed));
                return;
            }
            Long earlier = firstLine.putIfAbsent(normal.get(), row.line());
            if (earlier != null) {
                errors.add(row.error("email", "open.invitees.duplicate", typed, earlier));
                return;
            }
            if (firstLine.size() > MAX_INVITEES) {
                errors.add(row.error("email", "open.invitees.tooMany", MAX_INVITEES));
                return;
            }
            byHash.put(hashes.email(normal.get()).orElseThrow(), normal.get());
        });
        if (firstLine.isEmpty() && errors.isEmpty()) {
            errors.add(RowError.of(file, 0, null, "open.invitees.empty"));
        }
        if (!errors.isEmpty()) {
            throw new ImportRejectedException(file, errors);
        }
        List<String> added = new ArrayList<>();
        byHash.forEach((hash, address) -> {
            int rows = jdbc.sql("""
                            INSERT INTO open_campaign_invitee (campaign_id, email_hash, masked) VALUES (:c, :h, :m)
                            ON CONFLICT DO NOTHING""")
                    .param("c", id).param("h", hash).param("m", masked(address)).update();
            if (rows == 1) {
                added.add(address);
            }
        });
        audit.record("open.invitees", "campaign", Long.toString(id), null,
                Map.of("file", file, "rows", byHash.size(), "added", added.size()), null);
        if (!added.isEmpty()) {
            events.publishEvent(new OpenSurveyInvited(id, open.name(), open.closesOn(), added));
        }
        return added.size();
    }

    /** "an.nguyen@example.vn" as "an***@example.vn": enough for a manager to recognise, not to write to. */
    static String masked(String address) {
        int at = address.indexOf('@');
        String local = address.substring(0, at);
        return local.substring(0, Math.min(2, local.length())) + "***" + address.substring(at);
    }

    private static OpenCampaign row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new OpenCampaign(rs.getLong("id"), rs.getString("name"), rs.getString("status"), rs.getString("methodology_code"),
                rs.getInt("methodology_version"), rs.getLong("scope_unit_id"), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), OpenCampaign.Audience.valueOf(rs.getString("audience")),
                rs.getBoolean("publish_results"), rs.getObject("refresh_hours", Integer.class));
    }
}
