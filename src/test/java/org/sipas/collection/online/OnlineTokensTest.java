package org.sipas.collection.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldCases;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.sipas.collection.SurveyTokens;
import org.sipas.collection.SurveyTokens.Issued;
import org.sipas.identity.CurrentUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class OnlineTokensTest {

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    SurveyTokens tokens;
    @Autowired
    OnlineTokens online;
    @Autowired
    FieldCases fieldCases;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;

    record Row(String token, long member, long dossier, long unit, String code, int version, String channel) {
    }

    private List<Row> tokensOf(long campaignId) {
        return jdbc.sql("""
                        SELECT token, sample_member_id, dossier_id, unit_id, methodology_code, methodology_version, channel
                        FROM survey_token WHERE campaign_id = :c""")
                .param("c", campaignId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7)))
                .list();
    }

    @Test
    void goingToTheFieldIssuesOneTokenPerOnlineCaseAndNoneForOtherChannels() {
        InField campaign = fixtures.inField("ONTKA", "mot-cua-2018", 40, Map.of("ONLINE", 1, "PHONE", 1));
        List<FieldCase> onlineCases = campaign.cases().stream().filter(c -> "ONLINE".equals(c.channel())).toList();
        assertThat(onlineCases).isNotEmpty().hasSizeLessThan(campaign.cases().size());

        List<Row> issued = tokensOf(campaign.campaignId());

        assertThat(issued).extracting(Row::member).containsExactlyInAnyOrderElementsOf(onlineCases.stream().map(FieldCase::id).toList());
        Map<Long, FieldCase> byId = onlineCases.stream().collect(Collectors.toMap(FieldCase::id, c -> c));
        assertThat(issued).allSatisfy(row -> {
            FieldCase fieldCase = byId.get(row.member());
            assertThat(row.dossier()).isEqualTo(fieldCase.dossierId());
            assertThat(row.unit()).isEqualTo(fieldCase.unitId());
            assertThat(row.code()).isEqualTo("mot-cua-2018");
            assertThat(row.version()).isEqualTo(1);
            assertThat(row.channel()).isEqualTo("WEB");
            assertThat(row.token()).matches("[A-Za-z0-9_-]{24}");
        });
    }

    @Test
    void askingAgainForACaseReturnsItsToken() {
        InField campaign = fixtures.inField("ONTKB", "mot-cua-2018", 20, Map.of("ONLINE", 1));
        FieldCase first = campaign.cases().get(0);
        String atFieldwork = jdbc.sql("SELECT token FROM survey_token WHERE sample_member_id = :m").param("m", first.id())
                .query(String.class).single();

        Issued again = tokens.forCase(first);
        Map<Long, Issued> all = online.links(campaign.cases());

        assertThat(again.token()).isEqualTo(atFieldwork);
        assertThat(all.get(first.id()).token()).isEqualTo(atFieldwork);
        assertThat(tokensOf(campaign.campaignId())).hasSize(campaign.cases().size());
    }

    @Test
    void aReserveThatReplacesAnOnlineCaseGetsItsOwnTokenWhenItsLinkIsAskedFor() {
        InField campaign = fixtures.inField("ONTKC", "mot-cua-2018", 20, Map.of("ONLINE", 1));
        FieldCase refused = campaign.cases().get(0);

        FieldCase reserve = users.runAs(campaign.admin(), () -> fieldCases.replace(refused.id(), "không liên lạc được"));
        assertThat(reserve.channel()).isEqualTo("ONLINE");
        assertThat(jdbc.sql("SELECT count(*) FROM survey_token WHERE sample_member_id = :m").param("m", reserve.id())
                .query(Long.class).single()).isZero();

        Map<Long, Issued> links = online.links(online.onlineCases(campaign.campaignId()));

        assertThat(links).containsKey(reserve.id()).doesNotContainKey(refused.id());
        Set<String> distinct = links.values().stream().map(Issued::token).collect(Collectors.toSet());
        assertThat(distinct).hasSize(links.size());
        assertThat(tokens.forCase(fieldCases.find(reserve.id()).orElseThrow()).token()).isEqualTo(links.get(reserve.id()).token());
    }
}
