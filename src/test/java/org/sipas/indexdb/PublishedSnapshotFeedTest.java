package org.sipas.indexdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.Submission;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.index.Domain;
import org.sipas.index.DomainEstimate;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Series;
import org.sipas.index.Tallies;
import org.sipas.quality.ReviewDecisions;
import org.sipas.reporting.ResultsApproval;
import org.sipas.reporting.Snapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A SIPAS 2017 campaign of a province interviewed by phone, its responses accepted, its results
 * prepared, submitted and approved the way reporting's own tests publish them; the index database
 * then holds the snapshot's figures under the campaign's year.
 */
@SpringBootTest(properties = "sipas.portal.minimum-n=5")
class PublishedSnapshotFeedTest {

    private static final String[] RATINGS = {"1", "2", "3", "4", "5", "4", "5", "5", "9"};

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Tallies tallies;
    @Autowired
    ReviewDecisions reviews;
    @Autowired
    ResultsApproval approval;
    @Autowired
    CurrentUsers users;
    @Autowired
    IndexValues values;
    @Autowired
    IndexDefinitions definitions;

    @Test
    void aPublishedSipasSnapshotAppearsInTheIndexDatabaseUnderItsYearWithTheSnapshotsFigures() {
        FieldworkFixtures.InField field = fixtures.inField("IDF", "sipas-2017", 20, Map.of("PHONE", 1));
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        CurrentUser analyst = new CurrentUser("phan-tich-idf", Set.of(Role.ANALYST), field.province());
        CurrentUser provinceAdmin = new CurrentUser("qt-tinh-idf", Set.of(Role.PROVINCE_ADMIN), field.province());
        CurrentUser nationalAdmin = new CurrentUser("qt-quoc-gia-idf", Set.of(Role.ADMIN), nation);
        Random random = new Random(23);
        List<Long> responses = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            FieldCase c = field.cases().get(i);
            Map<String, String> answers = new LinkedHashMap<>();
            answers.put("applicant_kind", "ca_nhan");
            for (int q = 1; q <= 22; q++) {
                answers.put("c%02d".formatted(q), RATINGS[random.nextInt(RATINGS.length)]);
            }
            Instant ended = Instant.parse("2025-03-03T03:00:00Z").plus(Duration.ofDays(i));
            responses.add(store.store(Submission.of(ResponseChannel.CATI, "sipas-2017", 1, c.unitId(), answers, ended.minus(Duration.ofMinutes(20)))
                    .forCase(c.campaignId(), c.stratumId(), c.id(), c.dossierId()).collectedBy("dtv-idf").finished(ended, null)).responseId());
        }
        users.runAs(provinceAdmin, () -> {
            reviews.checkArrivals();
            return reviews.decide(field.campaignId(), responses, "ACCEPTED", "đạt yêu cầu", "phiếu thử");
        });
        tallies.fold();
        users.runAs(analyst, () -> {
            approval.prepare(field.campaignId());
            return approval.submit(field.campaignId(), null);
        });
        Snapshot snapshot = users.runAs(nationalAdmin, () -> approval.approve(field.campaignId(), "Đồng ý công bố"));

        int year = snapshot.periodFrom().getYear();
        DomainEstimate whole = snapshot.figures(Series.SAMPLED, Domain.NATION).domains().get(0);
        IndexDefinition sipas = definitions.latest("sipas").orElseThrow();
        List<UnitFigures> stored = values.figures("sipas", field.province(), year);
        assertThat(stored).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo(ValueSource.SURVEY);
            assertThat(f.year()).isEqualTo(year);
            for (IndexEstimate e : whole.figures()) {
                if (sipas.node(e.index()).isPresent() && e.estimatePct() != null) {
                    assertThat(f.values().get(e.index())).as(e.index())
                            .isEqualByComparingTo(BigDecimal.valueOf(e.estimatePct()).setScale(3, RoundingMode.HALF_EVEN));
                }
            }
            assertThat(f.values()).containsKeys("SIPAS", "E1", "E5");
        });
        assertThat(values.years("sipas")).contains(year);

        // a correction: quality control rejects a counted response, version 2 is approved; its figures replace version 1's
        users.runAs(provinceAdmin, () -> reviews.decide(field.campaignId(), List.of(responses.get(0)), "REJECTED",
                "phúc tra: phỏng vấn không diễn ra", null));
        tallies.fold();
        users.runAs(analyst, () -> {
            approval.prepare(field.campaignId());
            return approval.submit(field.campaignId(), "Loại một phiếu sau phúc tra");
        });
        Snapshot corrected = users.runAs(nationalAdmin, () -> approval.approve(field.campaignId(), "Đồng ý công bố bản sửa"));
        assertThat(corrected.version()).isEqualTo(2);
        IndexEstimate overall = corrected.figures(Series.SAMPLED, Domain.NATION).domains().get(0).overall();
        assertThat(values.figures("sipas", field.province(), year)).singleElement().satisfies(f -> assertThat(f.values().get("SIPAS"))
                .isEqualByComparingTo(BigDecimal.valueOf(overall.estimatePct()).setScale(3, RoundingMode.HALF_EVEN)));
        assertThat(jdbc.sql("SELECT count(*) FROM index_value WHERE snapshot_id = :s").param("s", snapshot.id()).query(Long.class).single())
                .isZero();
    }
}
