package org.sipas.quality;

import java.util.Map;
import java.util.function.Consumer;

import org.sipas.catalog.CatalogCodes;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The responses quality control accepted ({@link ReviewState#ACCEPTED}), for data exports: what an
 * analyst may take out of the product. Only what describes the answer and its place in the design
 * leaves here (unit, stratum, channel, series, month, answers); never the token, dossier, contact,
 * phone hash, interviewer, kiosk, paper number or position of a response. The caller decides who
 * may export and passes the scope (e.g. {@code UnitScope.unitId()}).
 */
@Service
public class AcceptedResponses {

    /**
     * An accepted response.
     *
     * @param stratumId the sample's stratum, or null for a response outside the sample (counter, portal)
     * @param unitId    the stratum's unit, else the response's, else the campaign's scope (as the tallies place it)
     * @param month     the month answering ended, Vietnamese time, {@code yyyy-MM}
     * @param answers   question name → stored answer (codes; select_multiple codes separated by spaces; dates yyyy-mm-dd)
     */
    public record Accepted(long id, long campaignId, Long stratumId, long unitId, String channel, boolean sampled,
                           String month, String methodologyCode, int methodologyVersion, Map<String, String> answers) {
    }

    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AcceptedResponses(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Every accepted response of the campaign whose unit lies within {@code unitScope} (a unit id:
     * it and its subtree), in id order, one at a time: an export streams them and never holds them all.
     */
    public void each(long campaignId, long unitScope, Consumer<Accepted> each) {
        String unit = "coalesce(s.unit_id, r.unit_id, c.scope_unit_id)";
        jdbc.sql("""
                        SELECT r.id, r.campaign_id, r.stratum_id, %s AS unit_id, r.channel, r.sampled,
                               to_char(coalesce(r.finished_at, r.submitted_at) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM') AS month,
                               r.methodology_code, r.methodology_version, r.answers::text AS answers
                        FROM response r
                        JOIN response_review rr ON rr.response_id = r.id AND rr.state = 'ACCEPTED'
                        JOIN campaign c ON c.id = r.campaign_id
                        LEFT JOIN campaign_stratum s ON s.id = r.stratum_id
                        WHERE r.campaign_id = :c AND %s
                        ORDER BY r.id""".formatted(unit, CatalogCodes.unitWithinScope(unit, "scope")))
                .param("c", campaignId).param("scope", unitScope)
                .query((RowCallbackHandler) rs -> {
                    each.accept(new Accepted(rs.getLong("id"), rs.getLong("campaign_id"), rs.getObject("stratum_id", Long.class),
                            rs.getLong("unit_id"), rs.getString("channel"), rs.getBoolean("sampled"), rs.getString("month"),
                            rs.getString("methodology_code"), rs.getInt("methodology_version"),
                            json.readValue(rs.getString("answers"), ANSWERS)));
                });
    }
}
