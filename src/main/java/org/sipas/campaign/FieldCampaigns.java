package org.sipas.campaign;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Campaigns as collection channels read them (printing questionnaires, keying, issuing links),
 * whoever asks: callers check their own rights against {@link FieldCampaign#scopeUnitId()} and
 * the units. {@link CampaignScope} is the scope-checked read for a signed-in user.
 */
@Service
public class FieldCampaigns {

    private final JdbcClient jdbc;
    private final CampaignRepository repository;

    FieldCampaigns(JdbcClient jdbc, CampaignRepository repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    public Optional<FieldCampaign> find(long id) {
        return repository.find(id).map(campaign -> FieldCampaign.of(campaign, units(id)));
    }

    /** The units a campaign surveys (its strata's units), each once, by id. */
    public List<Long> units(long campaignId) {
        return jdbc.sql("SELECT DISTINCT unit_id FROM campaign_stratum WHERE campaign_id = :c ORDER BY unit_id")
                .param("c", campaignId).query(Long.class).list();
    }
}
