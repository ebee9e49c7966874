package org.sipas.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.methodology.Methodologies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live figures (tallies folded from responses stored through {@link ResponseStore}, read by
 * the estimates API) against the engine run on sums computed here, straight from the same rows.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EstimatesTest {

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Tallies tallies;
    @Autowired
    Methodologies methodologies;
    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    @Test
    void theApiFiguresAreTheEnginesOnTheSameResponsesByUnitNationAndRespondentType() throws Exception {
        TallyCampaign campaign = new TallyCampaign(fixtures, store, jdbc, "EST", 60, 11);
        for (int i = 0; i < 45; i++) {
            campaign.answerNextCase();
        }
        campaign.rateAtCounter(campaign.field.commune1());
        tallies.fold();

        assertSameFigures(api(campaign, "nation", "sampled"), direct(campaign, r -> "EST-P", false, null));
        assertSameFigures(api(campaign, "unit", "sampled"), direct(campaign, Row::unit, false, null));
        assertSameFigures(api(campaign, "respondent", "sampled"), direct(campaign, Row::respondent, true, null));
    }

    @Test
    void aResponseThatLeavesTheCountLeavesTheFiguresAsIfItHadNeverBeenStored() throws Exception {
        TallyCampaign campaign = new TallyCampaign(fixtures, store, jdbc, "ESX", 30, 12);
        for (int i = 0; i < 20; i++) {
            campaign.answerNextCase();
        }
        long doubtful = campaign.answerNextCase();
        tallies.fold();
        tallies.leaveCount(doubtful, "interview not held", "qa-esx");
        tallies.fold();

        JsonNode nation = api(campaign, "nation", "sampled");
        assertThat(nation.get("lineage").get("n").asLong()).isEqualTo(20);
        assertSameFigures(nation, direct(campaign, r -> "ESX-P", false, doubtful));
    }

    @Test
    void theCounterSeriesIsPlainPercentagesLabelledNotARandomSampleAndTheCsvCarriesTheLineage() throws Exception {
        TallyCampaign campaign = new TallyCampaign(fixtures, store, jdbc, "ESC", 10, 13);
        campaign.answerNextCase();
        campaign.rateAtCounter(campaign.field.commune1());
        campaign.rateAtCounter(campaign.field.commune2());
        tallies.fold();

        JsonNode counter = api(campaign, "nation", "counter");
        assertThat(counter.get("randomSample").asBoolean()).isFalse();
        JsonNode overall = counter.get("domains").get(0).get("figures").get(22 + 5);
        assertThat(overall.get("index").asString()).isEqualTo("SIPAS");
        assertThat(overall.get("n").asLong()).isEqualTo(2);
        assertThat(overall.get("estimatePct").isNull()).isTrue();

        String csv = mvc.perform(get("/api/v1/campaigns/{id}/estimates", campaign.id()).param("domain", "unit")
                        .accept("text/csv").with(SignedIn.as(campaign.field.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String[] lines = csv.split("\n");
        assertThat(lines[0]).startsWith("domain_kind,domain,level,index,n,unweighted_pct,estimate_pct,se_pct,ci95_low,ci95_high,")
                .contains("methodology_code", "sample_seed", "tally_fold");
        assertThat(lines).hasSize(1 + 28);
        assertThat(lines[1]).startsWith("unit,ESC-C").contains(",sampled,true,sipas-2017,1,1,");
        mvc.perform(get("/api/v1/campaigns/{id}/estimates", campaign.id()).param("domain", "district")
                        .with(SignedIn.as(campaign.field.admin())))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/openapi")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("/api/v1/campaigns/{id}/estimates")));
    }

    @Test
    void aSubtreeGivesItsOwnUnitsAndAUserOutsideTheCampaignsScopeGetsNothing() throws Exception {
        TallyCampaign campaign = new TallyCampaign(fixtures, store, jdbc, "ESS", 20, 14);
        TallyCampaign other = new TallyCampaign(fixtures, store, jdbc, "EST2", 4, 15);
        for (int i = 0; i < 20; i++) {
            campaign.answerNextCase();
        }
        tallies.fold();

        String body = mvc.perform(get("/api/v1/campaigns/{id}/estimates", campaign.id()).param("domain", "unit")
                        .param("unit", "ESS-C1").with(SignedIn.as(campaign.field.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode subtree = json.readTree(body);
        assertThat(subtree.get("domains")).extracting(u -> u.get("code").asString()).containsExactly("ESS-C1");
        assertThat(subtree.get("root").get("path")).extracting(c -> c.get("code").asString())
                .containsExactly("VN", "ESS-P", "ESS-C1");
        // nothing was corrected: computed from the responses as submitted, the subtree's figures are the tallies' own
        JsonNode asSubmitted = json.readTree(mvc.perform(get("/api/v1/campaigns/{id}/estimates", campaign.id()).param("domain", "unit")
                        .param("unit", "ESS-C1").param("answers", "submitted").with(SignedIn.as(campaign.field.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(asSubmitted.get("domains")).isEqualTo(subtree.get("domains"));
        mvc.perform(get("/api/v1/campaigns/{id}/estimates", campaign.id()).param("answers", "original")
                        .with(SignedIn.as(campaign.field.admin())))
                .andExpect(status().isBadRequest());
        CurrentUser outsider = new CurrentUser("analyst-ess", Set.of(Role.ANALYST), other.field.province());
        mvc.perform(get("/api/v1/campaigns/{id}/estimates", campaign.id()).with(SignedIn.as(outsider)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/campaigns/{id}/estimates", campaign.id()).param("unit", "ESS-C1")
                        .with(SignedIn.as(other.field.admin())))
                .andExpect(status().isForbidden());
    }

    private JsonNode api(TallyCampaign campaign, String domain, String series) throws Exception {
        String body = mvc.perform(get("/api/v1/campaigns/{id}/estimates", campaign.id()).param("domain", domain)
                        .param("series", series).with(SignedIn.as(campaign.field.admin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    /** A sampled response as stored. */
    record Row(long id, long stratum, String unit, long frameSize, Map<String, String> answers) {
        String respondent() {
            return answers.get("applicant_kind");
        }
    }

    /**
     * The engine on sums made here from the sampled rows: domain → figures. A cross-stratum domain
     * keeps each stratum's whole n; {@code leaveOut} is a response treated as never stored.
     */
    private Map<String, List<IndexEstimate>> direct(TallyCampaign campaign, Function<Row, String> domainOf, boolean subpopulation,
                                                    Long leaveOut) {
        IndexTree tree = IndexTree.of(methodologies.find(TallyCampaign.METHODOLOGY, 1).orElseThrow().index());
        List<Row> rows = jdbc.sql("""
                        SELECT r.id, r.stratum_id, u.code, s.frame_size, r.answers::text FROM response r
                        JOIN campaign_stratum s ON s.id = r.stratum_id JOIN unit u ON u.id = s.unit_id
                        WHERE r.campaign_id = :c AND r.sampled ORDER BY r.id""")
                .param("c", campaign.id())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        json.readValue(rs.getString(5), new TypeReference<Map<String, String>>() {
                        })))
                .list().stream().filter(r -> leaveOut == null || r.id() != leaveOut).toList();
        Map<Long, Long> stratumSizes = new LinkedHashMap<>();
        rows.forEach(r -> stratumSizes.merge(r.stratum(), 1L, Long::sum));
        Map<String, Map<Long, Sums>> sums = new TreeMap<>();
        Map<Long, Long> frames = new LinkedHashMap<>();
        for (Row row : rows) {
            frames.put(row.stratum(), row.frameSize());
            byte[] meanings = new byte[tree.criteria().size()];
            for (int k = 0; k < meanings.length; k++) {
                String answer = row.answers().get(tree.criteria().get(k).question());
                byte meaning = answer == null ? AnswerCodes.EXCLUDED : AnswerCodes.SIPAS.meaning(Integer.parseInt(answer));
                meanings[k] = meaning < 0 ? AnswerCodes.EXCLUDED : meaning;
            }
            sums.computeIfAbsent(domainOf.apply(row), d -> new LinkedHashMap<>())
                    .computeIfAbsent(row.stratum(), s -> new Sums(tree.criteria().size())).add(meanings);
        }
        Map<String, List<IndexEstimate>> figures = new TreeMap<>();
        sums.forEach((domain, byStratum) -> {
            List<StratumTotals> totals = new ArrayList<>();
            byStratum.forEach((stratum, s) -> totals.add(s.totals(Long.toString(stratum), frames.get(stratum),
                    subpopulation ? stratumSizes.get(stratum) : s.n)));
            figures.put(domain, Estimator.estimate(tree, totals));
        });
        return figures;
    }

    private static void assertSameFigures(JsonNode api, Map<String, List<IndexEstimate>> expected) {
        Map<String, JsonNode> byCode = new TreeMap<>();
        api.get("domains").forEach(d -> byCode.put(d.get("code").asString(), d.get("figures")));
        assertThat(byCode.keySet()).isEqualTo(expected.keySet());
        expected.forEach((domain, figures) -> {
            JsonNode live = byCode.get(domain);
            assertThat(live).hasSize(figures.size());
            for (int i = 0; i < figures.size(); i++) {
                IndexEstimate e = figures.get(i);
                JsonNode l = live.get(i);
                assertThat(l.get("index").asString()).isEqualTo(e.index());
                assertThat(l.get("n").asLong()).as(domain + " " + e.index()).isEqualTo(e.n());
                assertClose(l.get("unweightedPct"), e.unweightedPct(), domain, e.index());
                assertClose(l.get("estimatePct"), e.estimatePct(), domain, e.index());
                assertClose(l.get("sePct"), e.sePct(), domain, e.index());
                assertClose(l.get("ci95Low"), e.ci95Low(), domain, e.index());
                assertClose(l.get("ci95High"), e.ci95High(), domain, e.index());
            }
        });
    }

    private static void assertClose(JsonNode live, Double expected, String domain, String index) {
        if (expected == null) {
            assertThat(live.isNull()).as(domain + " " + index + " is NA").isTrue();
        } else {
            assertThat(live.asDouble()).as(domain + " " + index).isCloseTo(expected, within(1e-9));
        }
    }
}
