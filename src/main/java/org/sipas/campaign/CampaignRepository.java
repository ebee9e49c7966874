package org.sipas.campaign;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sipas.campaign.Period.Schedule;
import org.sipas.frame.SamplingFrame.Stratum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Campaigns, their strata and sample members in PostgreSQL. */
@Repository
class CampaignRepository {

    /** A stratum as drawn, with how many of its members are in the sample and on the reserve list now. */
    record StoredStratum(long id, Stratum stratum, int n, int reserve, int drawn, double startPrn) {
    }

    private static final String CAMPAIGN = """
            SELECT c.*, (SELECT coalesce(json_agg(json_build_array(ch.channel, ch.share, ch.unit_cost) ORDER BY ch.channel), '[]')
                         FROM campaign_channel ch WHERE ch.campaign_id = c.id)::text AS channels,
                        (SELECT coalesce(json_agg(json_build_array(f.item, f.amount) ORDER BY f.position), '[]')
                         FROM campaign_fixed_cost f WHERE f.campaign_id = c.id)::text AS fixed_costs
            FROM campaign c""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CampaignRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Whether the campaign is an open survey (kind OPEN): no frame, no draw. */
    boolean isOpenKind(long id) {
        return jdbc.sql("SELECT kind = 'OPEN' FROM campaign WHERE id = :id").param("id", id).query(Boolean.class).optional().orElse(false);
    }

    /** The campaign made as the next period of {@code templateId}, if one was. */
    Optional<Long> nextOf(long templateId) {
        return jdbc.sql("SELECT id FROM campaign WHERE template_id = :t").param("t", templateId).query(Long.class).optional();
    }

    long insert(CampaignPlan plan, String createdBy, Long templateId) {
        long id = jdbc.sql("""
                        INSERT INTO campaign (name, methodology_code, methodology_version, scope_unit_id, procedure_ids,
                                              period_kind, period_from, period_to, schedule, target, allocation_rule,
                                              minimum_per_stratum, quotas, by_procedure, reserve_percent, template_id, created_by)
                        VALUES (:name, :code, :version, :scope, CAST(:procedures AS bigint[]), :kind, :from, :to, :schedule,
                                :target, :rule, :minimum, CAST(:quotas AS jsonb), :byProcedure, :reserve, :template, :by)
                        RETURNING id""")
                .param("name", plan.name().strip()).param("code", plan.methodologyCode())
                .param("version", plan.methodologyVersion()).param("scope", plan.scopeUnitId())
                .param("procedures", plan.procedureIds().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .param("kind", plan.period().kind().name()).param("from", plan.period().from()).param("to", plan.period().to())
                .param("schedule", plan.schedule().name()).param("target", plan.target()).param("rule", plan.rule().name())
                .param("minimum", plan.minimum()).param("quotas", json.writeValueAsString(plan.quotas()))
                .param("byProcedure", plan.byProcedure()).param("reserve", plan.reservePercent())
                .param("template", templateId).param("by", createdBy)
                .query(Long.class).single();
        for (ChannelPlan channel : plan.channels()) {
            jdbc.sql("INSERT INTO campaign_channel (campaign_id, channel, share, unit_cost) VALUES (:id, :channel, :share, :cost)")
                    .param("id", id).param("channel", channel.channel().name()).param("share", channel.share())
                    .param("cost", channel.unitCost()).update();
        }
        for (int i = 0; i < plan.fixedCosts().size(); i++) {
            FixedCost cost = plan.fixedCosts().get(i);
            jdbc.sql("INSERT INTO campaign_fixed_cost (campaign_id, position, item, amount) VALUES (:id, :pos, :item, :amount)")
                    .param("id", id).param("pos", i).param("item", cost.item()).param("amount", cost.amount()).update();
        }
        return id;
    }

    Optional<Campaign> find(long id) {
        return jdbc.sql(CAMPAIGN + " WHERE c.id = :id").param("id", id).query((rs, n) -> campaign(rs)).optional();
    }

    /** Id of the campaign to lock, for transitions that must not race (two draws, a draw and a start). */
    Optional<Campaign> lock(long id) {
        jdbc.sql("SELECT id FROM campaign WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
        return find(id);
    }

    /** The campaigns whose scope lies within the unit subtree of {@code scopeUnitId}, newest first. */
    List<Campaign> within(String scopeCondition, long scopeUnitId) {
        return jdbc.sql(CAMPAIGN + " WHERE " + scopeCondition + " ORDER BY c.period_from DESC, c.id DESC")
                .param("scope", scopeUnitId).query((rs, n) -> campaign(rs)).list();
    }

    /** Whether fieldwork of the campaign waits for its sample's approval (tests and plans that have no such step say no). */
    void sampleApprovalRequired(long id, boolean required) {
        jdbc.sql("UPDATE campaign SET sample_approval_required = :r WHERE id = :id").param("r", required).param("id", id).update();
    }

    void status(long id, CampaignStatus status, String stampColumn) {
        jdbc.sql("UPDATE campaign SET status = :status, " + stampColumn + " = now() WHERE id = :id")
                .param("status", status.name()).param("id", id).update();
    }

    /** Replaces any earlier draw of the campaign by this one. */
    void saveDraw(long campaignId, long seed, String drawnBy, List<DrawnStratum> strata, List<ChannelPlan> channels) {
        jdbc.sql("DELETE FROM campaign_stratum WHERE campaign_id = :id").param("id", campaignId).update();
        jdbc.sql("UPDATE campaign SET seed = :seed, sample_drawn_by = :by WHERE id = :id").param("seed", seed).param("by", drawnBy)
                .param("id", campaignId).update();
        if (strata.isEmpty()) {
            return;
        }
        List<Long> stratumIds = jdbc.sql("""
                        INSERT INTO campaign_stratum (campaign_id, unit_id, procedure_id, frame_size, n, reserve, drawn, start_prn)
                        SELECT :id, s.unit_id, s.procedure_id, s.frame_size, s.n, s.reserve, s.drawn, s.start_prn
                        FROM unnest(CAST(:units AS bigint[]), CAST(:procedures AS bigint[]),
                                                    CAST(:frames AS bigint[]), CAST(:ns AS int[]), CAST(:reserves AS int[]),
                                                    CAST(:drawn AS int[]), CAST(:starts AS float8[])) WITH ORDINALITY
                                           AS s(unit_id, procedure_id, frame_size, n, reserve, drawn, start_prn, ord)
                        ORDER BY s.ord RETURNING id""")
                .param("id", campaignId)
                .param("units", array(strata, d -> d.allocation().stratum().unitId()))
                .param("procedures", array(strata, d -> d.allocation().stratum().procedureId()))
                .param("frames", array(strata, d -> d.allocation().stratum().dossiers()))
                .param("ns", array(strata, d -> d.allocation().n()))
                .param("reserves", array(strata, DrawnStratum::reserve))
                .param("drawn", array(strata, DrawnStratum::drawn))
                .param("starts", array(strata, DrawnStratum::startPrn))
                .query(Long.class).list().stream()
                // the sequence numbers rows in the order they are inserted, which is s.ord
                .sorted().toList();
        StringBuilder stratum = new StringBuilder("{"), dossier = new StringBuilder("{"), rank = new StringBuilder("{"),
                role = new StringBuilder("{"), channel = new StringBuilder("{"), probability = new StringBuilder("{");
        int sampled = 0;
        int total = strata.stream().mapToInt(DrawnStratum::drawn).sum();
        ChannelSequence sequence = new ChannelSequence(channels, total);
        for (int h = 0; h < strata.size(); h++) {
            DrawnStratum s = strata.get(h);
            for (int i = 0; i < s.dossierIds().size(); i++) {
                boolean inSample = i < s.drawn();
                stratum.append(stratumIds.get(h)).append(',');
                dossier.append(s.dossierIds().get(i)).append(',');
                rank.append(i + 1).append(',');
                role.append(inSample ? "SAMPLE" : "RESERVE").append(',');
                channel.append(inSample ? sequence.channelOf(sampled++).name() : "NULL").append(',');
                probability.append(s.inclusionProbability()).append(',');
            }
        }
        if (stratum.length() == 1) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO sample_member (campaign_id, stratum_id, dossier_id, rank, role, channel, inclusion_probability)
                        SELECT :id, m.stratum_id, m.dossier_id, m.rank, m.role, m.channel, m.probability
                        FROM unnest(CAST(:strata AS bigint[]), CAST(:dossiers AS bigint[]), CAST(:ranks AS int[]),
                                    CAST(:roles AS text[]), CAST(:channels AS text[]), CAST(:probabilities AS float8[]))
                             AS m(stratum_id, dossier_id, rank, role, channel, probability)""")
                .param("id", campaignId).param("strata", close(stratum)).param("dossiers", close(dossier))
                .param("ranks", close(rank)).param("roles", close(role)).param("channels", close(channel))
                .param("probabilities", close(probability))
                .update();
    }

    List<StoredStratum> strata(long campaignId) {
        return jdbc.sql("""
                        SELECT s.id, s.unit_id, u.code, u.name, u.unit_type, s.procedure_id, p.code, s.frame_size, s.n, s.reserve,
                               s.drawn, s.start_prn
                        FROM campaign_stratum s JOIN unit u ON u.id = s.unit_id LEFT JOIN procedure p ON p.id = s.procedure_id
                        WHERE s.campaign_id = :id ORDER BY s.id""")
                .param("id", campaignId)
                .query((rs, n) -> new StoredStratum(rs.getLong(1), new Stratum(rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Long) rs.getObject(6), rs.getString(7), rs.getLong(8)), rs.getInt(9), rs.getInt(10),
                        rs.getInt(11), rs.getDouble(12)))
                .list();
    }

    List<SampleMember> members(long campaignId, SampleMember.Role role, SurveyChannel channel) {
        return jdbc.sql("""
                        SELECT * FROM sample_member WHERE campaign_id = :id AND state = 'ACTIVE'
                          AND (CAST(:role AS text) IS NULL OR role = :role)
                          AND (CAST(:channel AS text) IS NULL OR channel = :channel)
                        ORDER BY stratum_id, rank""")
                .param("id", campaignId).param("role", role == null ? null : role.name())
                .param("channel", channel == null ? null : channel.name())
                .query((rs, n) -> member(rs)).list();
    }

    /** Sampled members by channel, active ones only. */
    Map<SurveyChannel, Integer> sampleByChannel(long campaignId) {
        Map<SurveyChannel, Integer> counts = new EnumMap<>(SurveyChannel.class);
        jdbc.sql("""
                        SELECT channel, count(*) FROM sample_member
                        WHERE campaign_id = :id AND role = 'SAMPLE' AND state = 'ACTIVE' GROUP BY channel""")
                .param("id", campaignId)
                .query(rs -> {
                    counts.put(SurveyChannel.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    Optional<SampleMember> member(long id) {
        return jdbc.sql("SELECT * FROM sample_member WHERE id = :id FOR UPDATE").param("id", id).query((rs, n) -> member(rs)).optional();
    }

    /** The first reserve of a stratum in its random order. */
    Optional<SampleMember> nextReserve(long stratumId) {
        return jdbc.sql("""
                        SELECT * FROM sample_member WHERE stratum_id = :id AND role = 'RESERVE' AND state = 'ACTIVE'
                        ORDER BY rank LIMIT 1 FOR UPDATE""")
                .param("id", stratumId).query((rs, n) -> member(rs)).optional();
    }

    void markReplaced(long memberId, String reason) {
        jdbc.sql("UPDATE sample_member SET state = 'REPLACED', replace_reason = :reason WHERE id = :id")
                .param("reason", reason).param("id", memberId).update();
    }

    void promote(long reserveId, long replacedId, SurveyChannel channel) {
        jdbc.sql("""
                        UPDATE sample_member m SET role = 'SAMPLE', channel = :channel, replaces_id = :replaced,
                                                   assigned_to = r.assigned_to, assigned_at = r.assigned_at
                        FROM sample_member r WHERE r.id = :replaced AND m.id = :id""")
                .param("channel", channel == null ? null : channel.name()).param("replaced", replacedId).param("id", reserveId)
                .update();
    }

    private Campaign campaign(ResultSet rs) throws SQLException {
        List<ChannelPlan> channels = new ArrayList<>();
        for (List<Object> c : json.readValue(rs.getString("channels"), new TypeReference<List<List<Object>>>() {
        })) {
            channels.add(new ChannelPlan(SurveyChannel.valueOf((String) c.get(0)), ((Number) c.get(1)).doubleValue(),
                    ((Number) c.get(2)).longValue()));
        }
        List<FixedCost> costs = new ArrayList<>();
        for (List<Object> f : json.readValue(rs.getString("fixed_costs"), new TypeReference<List<List<Object>>>() {
        })) {
            costs.add(new FixedCost((String) f.get(0), ((Number) f.get(1)).longValue()));
        }
        Map<String, Integer> quotas = json.readValue(rs.getString("quotas"), new TypeReference<Map<String, Integer>>() {
        });
        Array procedures = rs.getArray("procedure_ids");
        Period period = new Period(Period.Kind.valueOf(rs.getString("period_kind")), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class));
        CampaignPlan plan = new CampaignPlan(rs.getString("name"), rs.getString("methodology_code"),
                rs.getInt("methodology_version"), rs.getLong("scope_unit_id"), Arrays.asList((Long[]) procedures.getArray()),
                period, Schedule.valueOf(rs.getString("schedule")), rs.getInt("target"),
                CampaignPlan.Rule.valueOf(rs.getString("allocation_rule")), rs.getInt("minimum_per_stratum"), quotas,
                rs.getBoolean("by_procedure"), rs.getInt("reserve_percent"), channels, costs);
        return new Campaign(rs.getLong("id"), plan, CampaignStatus.valueOf(rs.getString("status")), (Long) rs.getObject("seed"),
                (Long) rs.getObject("template_id"), rs.getString("created_by"), instant(rs, "created_at"),
                instant(rs, "sampled_at"), instant(rs, "fieldwork_at"), instant(rs, "closed_at"),
                rs.getBoolean("sample_approval_required"), rs.getString("sample_drawn_by"));
    }

    private SampleMember member(ResultSet rs) throws SQLException {
        String channel = rs.getString("channel");
        return new SampleMember(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("stratum_id"), rs.getLong("dossier_id"),
                rs.getInt("rank"), SampleMember.Role.valueOf(rs.getString("role")),
                channel == null ? null : SurveyChannel.valueOf(channel), rs.getDouble("inclusion_probability"),
                SampleMember.State.valueOf(rs.getString("state")), (Long) rs.getObject("replaces_id"),
                rs.getString("replace_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static <T> String array(List<T> items, Function<T, Object> value) {
        return items.stream().map(i -> String.valueOf(value.apply(i))).map(v -> v.equals("null") ? "NULL" : v)
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String close(StringBuilder array) {
        array.setCharAt(array.length() - 1, '}');
        return array.toString();
    }
}
