package org.sipas.campaign;

import java.util.List;
import java.util.Optional;

import org.sipas.identity.CampaignDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The campaigns as identity names them to partner organisations ({@link CampaignDirectory}). */
@Component
class CampaignRefs implements CampaignDirectory {

    private final JdbcClient jdbc;

    CampaignRefs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CampaignRef> find(long id) {
        return jdbc.sql("SELECT id, name, scope_unit_id FROM campaign WHERE id = :id").param("id", id)
                .query((rs, n) -> new CampaignRef(rs.getLong(1), rs.getString(2), rs.getLong(3))).optional();
    }

    @Override
    public List<CampaignRef> open() {
        return jdbc.sql("SELECT id, name, scope_unit_id FROM campaign WHERE status <> 'CLOSED' ORDER BY id DESC")
                .query((rs, n) -> new CampaignRef(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
    }
}
