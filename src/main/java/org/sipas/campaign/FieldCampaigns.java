package org.sipas.campaign;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Campaigns as collection channels read them (printing paper questionnaires, keying them), whoever
 * asks: callers check their own rights against {@link FieldCampaign#scopeUnitId()} and the units.
 */
@Service
public class FieldCampaigns {

    private final JdbcClient jdbc;

    FieldCampaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<FieldCampaign> find(long id) {
        return jdbc.sql("""
                        SELECT c.id, c.name, c.status, c.methodology_code, c.methodology_version, c.scope_unit_id,
                               array(SELECT DISTINCT ON (s.unit_id) s.unit_id FROM campaign_stratum s
                                     WHERE s.campaign_id = c.id ORDER BY s.unit_id) AS units
                        FROM campaign c WHERE c.id = :id""")
                .param("id", id)
                .query((rs, n) -> new FieldCampaign(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getLong(6), java.util.Arrays.asList((Long[]) rs.getArray(7).getArray())))
                .optional();
    }
}
