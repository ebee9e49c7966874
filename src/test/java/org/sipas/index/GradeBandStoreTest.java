package org.sipas.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sipas.methodology.Label;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bands stored per campaign and per methodology, on the suite's PostgreSQL. */
@SpringBootTest
class GradeBandStoreTest {

    @Autowired
    GradeBandStore store;
    @Autowired
    JdbcClient jdbc;

    /** Each test's own methodology code: the database is shared by every test class of a run. */
    private final String methodology = "grades-" + Long.toString(System.nanoTime(), 36);

    private long campaign() {
        return jdbc.sql("""
                INSERT INTO campaign (name, methodology_code, methodology_version, scope_unit_id, period_kind,
                                      period_from, period_to, schedule, target, allocation_rule, created_by)
                VALUES ('Xếp loại thử', :methodology, 1, (SELECT id FROM unit WHERE code = 'VN'), 'MONTH',
                        DATE '2026-11-01', DATE '2026-11-30', 'MONTHLY', 100, 'PROPORTIONAL', 'test')
                RETURNING id""").param("methodology", methodology).query(Long.class).single();
    }

    @Test
    void aCampaignGradesByItsOwnBandsElseItsMethodologysElseNone() {
        long campaign = campaign();
        assertThat(store.forCampaign(campaign, methodology).bands()).isEmpty();

        store.replaceForMethodology(methodology, GradeBandsTest.EMULATION);
        assertThat(store.forCampaign(campaign, methodology).bands()).extracting(GradeBands.Band::code)
                .containsExactly("XS", "T", "K", "TB", "Y");
        assertThat(store.forCampaign(campaign, methodology).grade(85.0).orElseThrow().label())
                .isEqualTo(Label.of("Tốt", "Good"));

        store.replaceForCampaign(campaign, new GradeBands(List.of(
                new GradeBands.Band("D", Label.of("Đạt", "Pass"), 75),
                new GradeBands.Band("KD", Label.of("Không đạt", "Fail"), 0))));
        assertThat(store.forCampaign(campaign, methodology).grade(85.0).orElseThrow().code()).isEqualTo("D");
        assertThat(store.forMethodology(methodology).bands()).hasSize(5);

        store.replaceForCampaign(campaign, GradeBands.NONE);
        assertThat(store.forCampaign(campaign, methodology).grade(85.0).orElseThrow().code()).isEqualTo("T");
    }
}
