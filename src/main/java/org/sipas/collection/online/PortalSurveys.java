package org.sipas.collection.online;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.sipas.identity.AuditLog;
import org.sipas.identity.CurrentUsers;
import org.sipas.web.Formats;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The open portal survey settings of campaigns ({@code portal_survey}); every change is audited. */
@Service
class PortalSurveys {

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final AuditLog audit;

    PortalSurveys(JdbcClient jdbc, CurrentUsers users, AuditLog audit) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
    }

    PortalSurvey of(long campaignId) {
        return jdbc.sql("SELECT campaign_id, enabled, opens_at, closes_at, updated_by, updated_at FROM portal_survey WHERE campaign_id = :c")
                .param("c", campaignId)
                .query((rs, n) -> new PortalSurvey(rs.getLong(1), rs.getBoolean(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), rs.getString(5), instant(rs.getTimestamp(6))))
                .optional().orElseGet(() -> PortalSurvey.off(campaignId));
    }

    /**
     * Opens or closes the campaign's portal survey, from the first day to the last day inclusive
     * (Vietnamese days; either may be left open).
     *
     * @throws IllegalArgumentException {@code online.portal.closesBeforeOpens} when the last day comes before the first
     */
    @Transactional
    PortalSurvey save(long campaignId, boolean enabled, LocalDate opensOn, LocalDate closesOn) {
        if (opensOn != null && closesOn != null && closesOn.isBefore(opensOn)) {
            throw new IllegalArgumentException("online.portal.closesBeforeOpens");
        }
        PortalSurvey before = of(campaignId);
        Instant opens = opensOn == null ? null : opensOn.atStartOfDay(Formats.ZONE).toInstant();
        Instant closes = closesOn == null ? null : closesOn.plusDays(1).atStartOfDay(Formats.ZONE).toInstant();
        jdbc.sql("""
                        INSERT INTO portal_survey (campaign_id, enabled, opens_at, closes_at, updated_by)
                        VALUES (:c, :enabled, :opens, :closes, :by)
                        ON CONFLICT (campaign_id) DO UPDATE SET enabled = excluded.enabled, opens_at = excluded.opens_at,
                            closes_at = excluded.closes_at, updated_by = excluded.updated_by, updated_at = now()""")
                .param("c", campaignId).param("enabled", enabled).param("opens", opens == null ? null : Timestamp.from(opens))
                .param("closes", closes == null ? null : Timestamp.from(closes)).param("by", users.actorName())
                .update();
        PortalSurvey after = of(campaignId);
        audit.record("portal.settings", "campaign", Long.toString(campaignId), shown(before), shown(after), null);
        return after;
    }

    private static Map<String, Object> shown(PortalSurvey survey) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("enabled", survey.enabled());
        shown.put("opensOn", survey.opensOn() == null ? "" : survey.opensOn().toString());
        shown.put("closesOn", survey.closesOn() == null ? "" : survey.closesOn().toString());
        return shown;
    }

    private static Instant instant(Timestamp at) {
        return Optional.ofNullable(at).map(Timestamp::toInstant).orElse(null);
    }
}
