package org.sipas.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.sipas.frame.SamplingFrame;
import org.sipas.identity.UnitDirectory;
import org.sipas.web.Formats;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What SamplingBenchmark drives in the campaign feature, kept beside the benchmark (in the
 * feature's package) so that the feature need not make its service public for a benchmark.
 */
public final class CampaignBenchmarks {

    private final Campaigns campaigns;
    private final SamplingFrame frame;
    private final JdbcClient jdbc;
    private final long nation;

    public CampaignBenchmarks(ApplicationContext app) {
        this.campaigns = app.getBean(Campaigns.class);
        this.frame = app.getBean(SamplingFrame.class);
        this.jdbc = app.getBean(JdbcClient.class);
        this.nation = app.getBean(UnitDirectory.class).root().id();
    }

    /** A national campaign of the quarter starting {@code from}, by phone and face to face as seed 003 plans. */
    public long quarter(LocalDate from, int target, int minimum) {
        return campaigns.create(new CampaignPlan("Benchmark " + from, "sipas-2017", 1, nation, List.of(),
                Period.of(Period.Kind.QUARTER, from, null), Period.Schedule.QUARTERLY, target, CampaignPlan.Rule.PROPORTIONAL,
                minimum, Map.of(), false, 20,
                List.of(new ChannelPlan(SurveyChannel.PHONE, 6_000, 40_000), new ChannelPlan(SurveyChannel.FACE_TO_FACE, 8_500, 15_000)),
                List.of()));
    }

    /** Allocation, draw and storing; returns {sampled, reserve}. */
    public int[] draw(long campaignId, long seed) {
        Campaigns.DrawSummary drawn = campaigns.draw(campaignId, seed);
        return new int[] {drawn.sampled(), drawn.reserve()};
    }

    /**
     * The baseline: the same count of N_h, then PostgreSQL's own ORDER BY random() LIMIT n_h + r_h
     * in every stratum of the campaign's stored allocation, in one statement, with the same
     * eligibility test as the frame's, stored into a table.
     * Returns {rows, 0}.
     */
    public int[] orderByRandom(long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        CampaignPlan plan = campaign.plan();
        frame.strata(Campaigns.eligibility(plan), false);
        jdbc.sql("DROP TABLE IF EXISTS bench_random_sample").update();
        int rows = jdbc.sql("""
                        CREATE TABLE bench_random_sample AS
                        SELECT s.id AS stratum_id, x.id AS dossier_id
                        FROM campaign_stratum s CROSS JOIN LATERAL (
                            SELECT d.id FROM dossier d
                            WHERE d.unit_id = s.unit_id AND d.received_at >= :from AND d.received_at < :to
                              AND d.status <> 'WITHDRAWN'
                              AND NOT EXISTS (SELECT 1 FROM dossier_contact c WHERE c.dossier_id = d.id AND c.phone_hash IS NULL)
                            ORDER BY random() LIMIT s.n + s.reserve) x
                        WHERE s.campaign_id = :campaign""")
                .param("from", OffsetDateTime.from(plan.period().from().atStartOfDay(Formats.ZONE)))
                .param("to", OffsetDateTime.from(plan.period().to().plusDays(1).atStartOfDay(Formats.ZONE)))
                .param("campaign", campaignId)
                .update();
        return new int[] {rows, 0};
    }
}
