package org.sipas.collection.rates;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sipas.campaign.FieldCampaign;
import org.sipas.campaign.CampaignScope;
import org.sipas.collection.Disposition;
import org.sipas.collection.Disposition.Category;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A campaign's response rates, live: counted from the cases' current dispositions each time they
 * are asked (one grouped query over the campaign's sample, at most tens of thousands of rows).
 */
@Service
public class ResponseRates {

    /** The rates of a campaign: overall, by unit (the strata's units), by channel. */
    public record Rates(FieldCampaign campaign, RateLine overall, List<RateLine> byUnit, List<RateLine> byChannel) {
    }

    private record Cell(String unit, String channel, Category category, long count) {
    }

    private final JdbcClient jdbc;
    private final CampaignScope campaigns;

    ResponseRates(JdbcClient jdbc, CampaignScope campaigns) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    /** The rates of a campaign the caller may see (404, 403 otherwise). */
    public Rates of(long campaignId) {
        FieldCampaign campaign = campaigns.within(campaignId);
        List<Cell> cells = jdbc.sql("""
                        SELECT u.name, coalesce(m.channel, ''), d.disposition, count(*)
                        FROM sample_member m
                        JOIN campaign_stratum s ON s.id = m.stratum_id
                        JOIN unit u ON u.id = s.unit_id
                        LEFT JOIN case_disposition d ON d.sample_member_id = m.id
                        WHERE m.campaign_id = :campaign AND m.role = 'SAMPLE'
                        GROUP BY u.name, m.channel, d.disposition
                        ORDER BY u.name""")
                .param("campaign", campaignId)
                .query((rs, n) -> new Cell(rs.getString(1), rs.getString(2), category(rs.getString(3)), rs.getLong(4)))
                .list();
        return new Rates(campaign, sum(cells, c -> "", "").get(""), lines(sum(cells, Cell::unit, null)),
                lines(sum(cells, Cell::channel, null)));
    }

    /** A case with no disposition was never worked, or its link brought nothing back: unknown eligibility. */
    private static Category category(String disposition) {
        return disposition == null ? Category.UO : Disposition.valueOf(disposition).category();
    }

    private static Map<String, RateLine> sum(List<Cell> cells, java.util.function.Function<Cell, String> key, String only) {
        Map<String, Map<Category, Long>> counts = new LinkedHashMap<>();
        if (only != null) {
            counts.put(only, new EnumMap<>(Category.class));
        }
        for (Cell cell : cells) {
            counts.computeIfAbsent(key.apply(cell), k -> new EnumMap<>(Category.class)).merge(cell.category(), cell.count(), Long::sum);
        }
        Map<String, RateLine> lines = new LinkedHashMap<>();
        counts.forEach((label, byCategory) -> lines.put(label, new RateLine(label, byCategory)));
        return lines;
    }

    private static List<RateLine> lines(Map<String, RateLine> byLabel) {
        return new ArrayList<>(byLabel.values());
    }
}
