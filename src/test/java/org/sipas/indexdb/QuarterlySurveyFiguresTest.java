package org.sipas.indexdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.sipas.index.Tallies;
import org.sipas.quality.ReviewDecisions;
import org.sipas.reporting.ResultsApproval;
import org.sipas.reporting.Snapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A province's quarterly campaigns publish figures of the same year: the index database keeps one
 * survey figure per unit and year, and which period it is comes from the rule of
 * {@link SurveyPeriod}, never from the order of approval. The Q1 snapshot is published for real
 * (responses, acceptance, prepare, submit, approve); the other periods are the same published
 * figures fed again as the snapshots of the campaigns of other periods of 2025.
 */
@SpringBootTest(properties = "sipas.portal.minimum-n=5")
class QuarterlySurveyFiguresTest {

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
    SnapshotFeed feed;

    @Test
    void aLaterQuarterReplacesTheYearsSurveyFigureWholeAnEarlierOneDoesNotAndTheYearlyCampaignOutranksBoth() {
        Snapshot q1 = publishedFirstQuarter();
        long province = provinceOf(q1);
        assertThat(q1.periodFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(survey(province)).satisfies(f -> {
            assertThat(f.periodFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(f.periodTo()).isEqualTo(q1.periodTo());
        });
        assertThat(snapshotsHeld(province)).containsExactly(q1.id());

        // Q2 is published: the year's figure is now Q2's, every node of it (none of Q1's left beside)
        Snapshot q2 = period(q1, 1_000_001, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30));
        assertThat(feed.feed(q2)).isPositive();
        assertThat(survey(province).periodFrom()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(survey(province).periodTo()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(snapshotsHeld(province)).containsExactly(q2.id());

        // a Q1 approved after Q2 (a late campaign of the first quarter) does not overwrite the later quarter
        Snapshot lateQ1 = period(q1, 1_000_002, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));
        assertThat(feed.feed(lateQ1)).isZero();
        assertThat(snapshotsHeld(province)).containsExactly(q2.id());
        assertThat(survey(province).periodTo()).isEqualTo(LocalDate.of(2025, 6, 30));

        // the yearly campaign outranks every quarter, and a Q4 published after it does not displace it
        Snapshot year = period(q1, 1_000_003, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        assertThat(feed.feed(year)).isPositive();
        assertThat(snapshotsHeld(province)).containsExactly(year.id());
        Snapshot q4 = period(q1, 1_000_004, LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31));
        assertThat(feed.feed(q4)).isZero();
        assertThat(snapshotsHeld(province)).containsExactly(year.id());
        assertThat(survey(province)).satisfies(f -> {
            assertThat(f.year()).isEqualTo(2025);
            assertThat(f.periodFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(f.periodTo()).isEqualTo(LocalDate.of(2025, 12, 31));
        });
    }

    @Test
    void theRankOfPeriodsOfOneYear() {
        SurveyPeriod q1 = new SurveyPeriod(1, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));
        SurveyPeriod q2 = new SurveyPeriod(2, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30));
        SurveyPeriod half = new SurveyPeriod(3, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30));
        SurveyPeriod year = new SurveyPeriod(4, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        SurveyPeriod q2Again = new SurveyPeriod(5, LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30));
        assertThat(q2.outranks(q1)).isTrue();
        assertThat(q1.outranks(q2)).isFalse();
        assertThat(half.outranks(q2)).as("the longer period ending the same day").isTrue();
        assertThat(year.outranks(half)).isTrue();
        assertThat(new SurveyPeriod(6, LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31)).outranks(year)).isFalse();
        assertThat(q2Again.outranks(q2)).as("the later publication of the very same period").isTrue();
        assertThat(year.coversItsYear()).isTrue();
        assertThat(half.coversItsYear()).isFalse();
    }

    private Snapshot publishedFirstQuarter() {
        FieldworkFixtures.InField field = fixtures.inField("IDQ", "sipas-2017", 20, Map.of("PHONE", 1));
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        CurrentUser analyst = new CurrentUser("phan-tich-idq", Set.of(Role.ANALYST), field.province());
        CurrentUser provinceAdmin = new CurrentUser("qt-tinh-idq", Set.of(Role.PROVINCE_ADMIN), field.province());
        CurrentUser nationalAdmin = new CurrentUser("qt-quoc-gia-idq", Set.of(Role.ADMIN), nation);
        Random random = new Random(29);
        List<Long> responses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            FieldCase c = field.cases().get(i);
            Map<String, String> answers = new LinkedHashMap<>();
            answers.put("applicant_kind", "ca_nhan");
            for (int q = 1; q <= 22; q++) {
                answers.put("c%02d".formatted(q), RATINGS[random.nextInt(RATINGS.length)]);
            }
            Instant ended = Instant.parse("2025-03-03T03:00:00Z").plus(Duration.ofDays(i));
            responses.add(store.store(Submission.of(ResponseChannel.CATI, "sipas-2017", 1, c.unitId(), answers, ended.minus(Duration.ofMinutes(20)))
                    .forCase(c.campaignId(), c.stratumId(), c.id(), c.dossierId()).collectedBy("dtv-idq").finished(ended, null)).responseId());
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
        return users.runAs(nationalAdmin, () -> approval.approve(field.campaignId(), "Đồng ý công bố"));
    }

    /** The same published figures as the snapshot of another campaign of the province, over another period. */
    private static Snapshot period(Snapshot s, long id, LocalDate from, LocalDate to) {
        return new Snapshot(id, id, "Đợt " + from + " – " + to, from, to, s.scopeUnitCode(), s.scopeUnitName(), s.methodologyCode(),
                s.methodologyVersion(), 1, s.approvedAt(), s.approvedBy(), s.preparedBy(), null, List.of(), s.figures(), s.gradeBands(),
                s.lineage());
    }

    private long provinceOf(Snapshot s) {
        return jdbc.sql("SELECT id FROM unit WHERE code = :c").param("c", s.scopeUnitCode()).query(Long.class).single();
    }

    private UnitFigures survey(long province) {
        List<UnitFigures> found = values.figures("sipas", province, 2025);
        assertThat(found).singleElement().extracting(UnitFigures::source).isEqualTo(ValueSource.SURVEY);
        return found.get(0);
    }

    /** The snapshots the province's 2025 survey values came from: one, whatever was fed. */
    private List<Long> snapshotsHeld(long province) {
        return jdbc.sql("SELECT DISTINCT snapshot_id FROM index_value WHERE unit_id = :u AND year = 2025 AND source = 'SURVEY'")
                .param("u", province).query(Long.class).list();
    }
}
