package org.sipas.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.sipas.catalog.CatalogCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The retention rule's reads. They cross features on purpose, read only: a campaign's frame is its
 * scope, period and procedures over the dossiers (as the draw took it), its re-check window comes from
 * the quality re-checks, and a consented feedback case holds its dossier's contact. The erasing itself
 * is {@code frame.ContactErasure}'s, on the frame's own table.
 */
@Repository
class RetentionRepository {

    /** A campaign as the rule sees it, with its re-checks counted and whether it lies in the caller's scope. */
    record CampaignRow(long id, String name, String kind, String status, long scopeUnitId, String scopeUnitName, LocalDate periodFrom,
                       LocalDate periodTo, Instant closedAt, int rechecks, int rechecksPending, Instant lastRecheckAt, boolean inScope) {
    }

    /** What a campaign's frame holds: contacts still held (drawn ones apart), erased, and why some are kept. */
    record Holding(long heldDrawn, long heldUndrawn, long erased, long keptForCases, long keptForCampaigns, long due,
                   Instant lastErasedAt) {

        /** An open survey's: it has no frame. */
        static final Holding NONE = new Holding(0, 0, 0, 0, 0, 0, null);

        public long held() {
            return heldDrawn + heldUndrawn;
        }
    }

    /** A contact found due, and whether its dossier was drawn (sample or reserve) in the campaign. */
    record Due(long dossierId, boolean drawn) {
    }

    /** The dossiers of no campaign: contacts held, those due now, and the import day of the oldest held but not due. */
    record Unattached(long held, long due, long keptForCases, Instant nextImportedAt) {
    }

    /**
     * Campaigns' frames as rows to test dossiers against: each campaign's scope path and its period as
     * instants (Vietnamese days, inclusive, as the draw counts them), computed once per query, so that
     * testing a dossier against a frame is a few comparisons, never a walk of the unit tree.
     */
    private static final String FRAMES = """
            SELECT o.id, o.kind, su.path, (o.period_from::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AS from_at,
                   ((o.period_to + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AS to_at, o.procedure_ids, o.closed_at
            FROM campaign o JOIN unit su ON su.id = o.scope_unit_id""";

    /**
     * SQL true when dossier {@code d}, whose unit's path is {@code path}, is in frame {@code f} (a row
     * of {@link #FRAMES}): in the campaign's scope and {@link #inPeriodAndProcedures}.
     */
    private static String inFrame(String f, String d, String path) {
        return "starts_with(%s, %s.path) AND %s".formatted(path, f, inPeriodAndProcedures(f, d));
    }

    /**
     * SQL true when dossier {@code d} was received in frame {@code f}'s period, is of its procedures, and
     * was imported before the campaign closed (a dossier that came later was never part of it).
     */
    private static String inPeriodAndProcedures(String f, String d) {
        return """
                %2$s.received_at >= %1$s.from_at AND %2$s.received_at < %1$s.to_at
                 AND (cardinality(%1$s.procedure_ids) = 0 OR %2$s.procedure_id = ANY (%1$s.procedure_ids))
                 AND (%1$s.closed_at IS NULL OR %2$s.created_at <= %1$s.closed_at)""".formatted(f, d);
    }

    /**
     * The dossiers of frame {@code f}'s campaign, found from its scope's units through the dossiers'
     * (unit, received) index: the rows {@code f}, {@code du} (unit) and {@code d} (dossier).
     */
    private static String frameDossiers(String f) {
        return "JOIN unit du ON starts_with(du.path, %1$s.path) JOIN dossier d ON d.unit_id = du.id AND %2$s"
                .formatted(f, inPeriodAndProcedures(f, "d"));
    }

    /** A consented case of dossier {@code dossierId} still open, or closed less than the grace ago: its follow-up contact is kept. */
    private static String keptForCase(String dossierId) {
        return """
                EXISTS (SELECT 1 FROM feedback_case fc WHERE fc.dossier_id = %s AND fc.consented
                        AND (fc.closed_at IS NULL OR fc.closed_at > :caseCutoff))""".formatted(dossierId);
    }

    /** The dossier is in the frame (or the sample) of a campaign still holding its contacts (the CTE {@code others}). */
    private static final String KEPT_FOR_CAMPAIGN = """
            (EXISTS (SELECT 1 FROM others o WHERE %s)
             OR EXISTS (SELECT 1 FROM sample_member om WHERE om.dossier_id = f.id AND om.campaign_id = ANY (CAST(:holding AS bigint[]))))"""
            .formatted(inFrame("o", "f", "f.path"));

    /**
     * The CTEs {@code others} (the frames of the other campaigns still holding contacts) and {@code f}:
     * campaign {@code :campaign}'s frame and its drawn dossiers (a replacement is drawn from the frame
     * too, but the sample is the record), with their contacts' state.
     */
    private static final String CAMPAIGN_DOSSIERS = """
            WITH this AS MATERIALIZED (%1$s WHERE o.id = :campaign),
            others AS MATERIALIZED (%1$s WHERE o.id = ANY (CAST(:holding AS bigint[]))),
            f AS (SELECT d.id, d.received_at, d.procedure_id, d.created_at, du.path, k.erased_at,
                         EXISTS (SELECT 1 FROM sample_member m WHERE m.campaign_id = :campaign AND m.dossier_id = d.id) AS drawn
                  FROM this c %2$s JOIN dossier_contact k ON k.dossier_id = d.id
                  UNION
                  SELECT d.id, d.received_at, d.procedure_id, d.created_at, du.path, k.erased_at, true
                  FROM sample_member m JOIN dossier d ON d.id = m.dossier_id JOIN unit du ON du.id = d.unit_id
                  JOIN dossier_contact k ON k.dossier_id = d.id WHERE m.campaign_id = :campaign)""".formatted(FRAMES, frameDossiers("c"));

    /**
     * The CTE {@code attached}: every dossier in a sampled campaign's frame or sample, whatever the
     * campaign's state, gathered frame by frame through the index, so the dossiers of no campaign are an
     * anti-join with it instead of each dossier tested against every campaign.
     */
    private static final String ATTACHED = """
            WITH sampled AS MATERIALIZED (%s WHERE o.kind = 'SAMPLED'),
            attached AS MATERIALIZED (SELECT d.id FROM sampled c %s UNION SELECT m.dossier_id FROM sample_member m)"""
            .formatted(FRAMES, frameDossiers("c"));

    /** The held contacts of dossiers of no campaign in scope {@code :scope}, as rows {@code d}. */
    private static final String UNATTACHED = """
            FROM dossier d JOIN dossier_contact k ON k.dossier_id = d.id
            WHERE k.erased_at IS NULL AND %s AND NOT EXISTS (SELECT 1 FROM attached a WHERE a.id = d.id)"""
            .formatted(CatalogCodes.unitWithinScope("d.unit_id", "scope"));

    private final JdbcClient jdbc;

    RetentionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    RetentionSettings settings() {
        return jdbc.sql("SELECT recheck_days, case_grace_days, unattached_months, updated_by, updated_at FROM contact_retention_setting")
                .query((rs, n) -> new RetentionSettings(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .single();
    }

    void saveSettings(int recheckDays, int caseGraceDays, int unattachedMonths, String by, Instant at) {
        jdbc.sql("""
                        UPDATE contact_retention_setting SET recheck_days = :r, case_grace_days = :g, unattached_months = :m,
                                                             updated_by = :by, updated_at = :at""")
                .param("r", recheckDays).param("g", caseGraceDays).param("m", unattachedMonths).param("by", by)
                .param("at", Timestamp.from(at)).update();
    }

    /**
     * Every campaign, sampled or open survey (which has no frame, only respondents' hashes), with its
     * re-checks and whether its scope unit lies in the scope of unit {@code scopeUnitId}; newest first.
     * All of them, not only the scope's: a campaign elsewhere may still hold a dossier of the scope.
     */
    List<CampaignRow> campaigns(long scopeUnitId) {
        return jdbc.sql("""
                        SELECT c.id, c.name, c.kind, c.status, c.scope_unit_id, u.name AS unit_name, c.period_from, c.period_to, c.closed_at,
                               count(r.id) AS rechecks, count(r.id) FILTER (WHERE r.outcome IS NULL) AS pending,
                               max(r.recorded_at) AS last_recorded, %s AS in_scope
                        FROM campaign c JOIN unit u ON u.id = c.scope_unit_id
                        LEFT JOIN recheck r ON r.campaign_id = c.id
                        GROUP BY c.id, u.name ORDER BY c.period_from DESC, c.id DESC""".formatted(
                        CatalogCodes.unitWithinScope("c.scope_unit_id", "scope")))
                .param("scope", scopeUnitId)
                .query((rs, n) -> new CampaignRow(rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getString("status"),
                        rs.getLong("scope_unit_id"), rs.getString("unit_name"), rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class), instant(rs.getTimestamp("closed_at")), rs.getInt("rechecks"),
                        rs.getInt("pending"), instant(rs.getTimestamp("last_recorded")), rs.getBoolean("in_scope")))
                .list();
    }

    /**
     * What the campaign's frame holds now. {@code due} counts the held contacts no case and no other
     * campaign keeps: what an erasure would take once the campaign's own window is over.
     */
    Holding holding(long campaignId, Collection<Long> holding, Instant caseCutoff) {
        return jdbc.sql("""
                        %s,
                        h AS (SELECT f.id, f.erased_at, f.drawn,
                                     f.erased_at IS NULL AND %s AS for_case,
                                     f.erased_at IS NULL AND %s AS for_campaign
                              FROM f)
                        SELECT count(*) FILTER (WHERE erased_at IS NULL AND drawn) AS held_drawn,
                               count(*) FILTER (WHERE erased_at IS NULL AND NOT drawn) AS held_undrawn,
                               count(*) FILTER (WHERE erased_at IS NOT NULL) AS erased,
                               count(*) FILTER (WHERE for_case) AS for_case,
                               count(*) FILTER (WHERE for_campaign AND NOT for_case) AS for_campaign,
                               count(*) FILTER (WHERE erased_at IS NULL AND NOT for_case AND NOT for_campaign) AS due,
                               max(erased_at) AS last_erased
                        FROM h""".formatted(CAMPAIGN_DOSSIERS, keptForCase("f.id"), KEPT_FOR_CAMPAIGN))
                .param("campaign", campaignId).param("holding", holding.toArray(Long[]::new)).param("caseCutoff", Timestamp.from(caseCutoff))
                .query((rs, n) -> new Holding(rs.getLong("held_drawn"), rs.getLong("held_undrawn"), rs.getLong("erased"),
                        rs.getLong("for_case"), rs.getLong("for_campaign"), rs.getLong("due"), instant(rs.getTimestamp("last_erased"))))
                .single();
    }

    /** Up to {@code limit} contacts of the campaign's frame due now: held, kept by no case and no other campaign. */
    List<Due> dueOfCampaign(long campaignId, Collection<Long> holding, Instant caseCutoff, int limit) {
        return jdbc.sql("""
                        %s
                        SELECT f.id, f.drawn FROM f
                        WHERE f.erased_at IS NULL AND NOT %s AND NOT %s
                        ORDER BY f.id LIMIT :limit""".formatted(CAMPAIGN_DOSSIERS, keptForCase("f.id"), KEPT_FOR_CAMPAIGN))
                .param("campaign", campaignId).param("holding", holding.toArray(Long[]::new)).param("caseCutoff", Timestamp.from(caseCutoff))
                .param("limit", limit)
                .query((rs, n) -> new Due(rs.getLong(1), rs.getBoolean(2)))
                .list();
    }

    /** The dossiers of no campaign in the scope, with their contacts: held, due (imported before {@code importedBefore}). */
    Unattached unattached(long scopeUnitId, Instant importedBefore, Instant caseCutoff) {
        return jdbc.sql("""
                        %s
                        SELECT count(*) AS held,
                               count(*) FILTER (WHERE d.created_at < :importedBefore AND NOT %s) AS due,
                               count(*) FILTER (WHERE d.created_at < :importedBefore AND %s) AS for_case,
                               min(d.created_at) FILTER (WHERE d.created_at >= :importedBefore) AS next_imported
                        %s""".formatted(ATTACHED, keptForCase("d.id"), keptForCase("d.id"), UNATTACHED))
                .param("scope", scopeUnitId).param("importedBefore", Timestamp.from(importedBefore))
                .param("caseCutoff", Timestamp.from(caseCutoff))
                .query((rs, n) -> new Unattached(rs.getLong("held"), rs.getLong("due"), rs.getLong("for_case"),
                        instant(rs.getTimestamp("next_imported"))))
                .single();
    }

    /** Up to {@code limit} contacts of dossiers of no campaign in the scope, imported before {@code importedBefore}, kept by no case. */
    List<Long> dueUnattached(long scopeUnitId, Instant importedBefore, Instant caseCutoff, int limit) {
        return jdbc.sql("""
                        %s
                        SELECT d.id %s AND d.created_at < :importedBefore AND NOT %s
                        ORDER BY d.id LIMIT :limit""".formatted(ATTACHED, UNATTACHED, keptForCase("d.id")))
                .param("scope", scopeUnitId).param("importedBefore", Timestamp.from(importedBefore))
                .param("caseCutoff", Timestamp.from(caseCutoff)).param("limit", limit)
                .query(Long.class).list();
    }

    /** A consented case of the campaign still holding a contact, and until when (null: until it is closed). */
    record CaseHold(long caseId, String state, Instant closedAt) {
    }

    List<CaseHold> caseHolds(long campaignId, Instant caseCutoff) {
        return jdbc.sql("""
                        SELECT fc.id, fc.state, fc.closed_at FROM feedback_case fc JOIN dossier_contact k ON k.dossier_id = fc.dossier_id
                        WHERE fc.campaign_id = :c AND fc.consented AND k.erased_at IS NULL
                          AND (fc.closed_at IS NULL OR fc.closed_at > :caseCutoff)
                        ORDER BY fc.id""")
                .param("c", campaignId).param("caseCutoff", Timestamp.from(caseCutoff))
                .query((rs, n) -> new CaseHold(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3))))
                .list();
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
