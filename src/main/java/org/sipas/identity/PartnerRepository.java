package org.sipas.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of partner organisations, the units and campaigns they serve (V87). */
@Repository
class PartnerRepository {

    private static final String SELECT = """
            SELECT o.id, o.name, o.kind, o.home_unit_id,
                   coalesce((SELECT array_agg(u.unit_id ORDER BY u.unit_id) FROM partner_unit u WHERE u.partner_id = o.id), '{}') AS units,
                   coalesce((SELECT array_agg(c.campaign_id ORDER BY c.campaign_id) FROM partner_campaign c WHERE c.partner_id = o.id), '{}')
                       AS campaigns
            FROM partner_organisation o""";

    private final JdbcClient jdbc;

    PartnerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Partner> all() {
        return jdbc.sql(SELECT + " ORDER BY o.name, o.id").query(PartnerRepository::partner).list();
    }

    Optional<Partner> find(long id) {
        return jdbc.sql(SELECT + " WHERE o.id = :id").param("id", id).query(PartnerRepository::partner).optional();
    }

    /** The organisations that work in a campaign. */
    List<Partner> ofCampaign(long campaignId) {
        return jdbc.sql(SELECT + " WHERE o.id IN (SELECT partner_id FROM partner_campaign WHERE campaign_id = :c) ORDER BY o.name")
                .param("c", campaignId).query(PartnerRepository::partner).list();
    }

    boolean nameTaken(long homeUnitId, String name) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM partner_organisation WHERE home_unit_id = :u AND name = :n)")
                .param("u", homeUnitId).param("n", name).query(Boolean.class).single();
    }

    long insert(String name, PartnerKind kind, long homeUnitId, String by) {
        return jdbc.sql("""
                        INSERT INTO partner_organisation (name, kind, home_unit_id, created_by) VALUES (:n, :k, :u, :by)
                        RETURNING id""")
                .param("n", name).param("k", kind.name()).param("u", homeUnitId).param("by", by).query(Long.class).single();
    }

    void units(long partnerId, List<Long> unitIds) {
        jdbc.sql("DELETE FROM partner_unit WHERE partner_id = :p").param("p", partnerId).update();
        jdbc.sql("INSERT INTO partner_unit (partner_id, unit_id) SELECT :p, u FROM unnest(CAST(:units AS bigint[])) AS u ON CONFLICT DO NOTHING")
                .param("p", partnerId).param("units", unitIds.toArray(Long[]::new)).update();
    }

    void campaigns(long partnerId, List<Long> campaignIds) {
        jdbc.sql("DELETE FROM partner_campaign WHERE partner_id = :p").param("p", partnerId).update();
        jdbc.sql("""
                        INSERT INTO partner_campaign (partner_id, campaign_id)
                        SELECT :p, c FROM unnest(CAST(:campaigns AS bigint[])) AS c ON CONFLICT DO NOTHING""")
                .param("p", partnerId).param("campaigns", campaignIds.toArray(Long[]::new)).update();
    }

    boolean servesCampaign(long partnerId, long campaignId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM partner_campaign WHERE partner_id = :p AND campaign_id = :c)")
                .param("p", partnerId).param("c", campaignId).query(Boolean.class).single();
    }

    List<Long> servedUnits(long partnerId) {
        return jdbc.sql("SELECT unit_id FROM partner_unit WHERE partner_id = :p ORDER BY unit_id").param("p", partnerId)
                .query(Long.class).list();
    }

    /** The user names of an organisation's enabled staff. */
    List<String> staff(long partnerId) {
        return jdbc.sql("SELECT username FROM app_user WHERE partner_id = :p AND enabled ORDER BY username").param("p", partnerId)
                .query(String.class).list();
    }

    private static Partner partner(ResultSet rs, int n) throws SQLException {
        return new Partner(rs.getLong("id"), rs.getString("name"), PartnerKind.valueOf(rs.getString("kind")), rs.getLong("home_unit_id"),
                Arrays.asList((Long[]) rs.getArray("units").getArray()), Arrays.asList((Long[]) rs.getArray("campaigns").getArray()));
    }
}
