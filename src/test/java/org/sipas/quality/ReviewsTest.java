package org.sipas.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.index.DomainEstimate;
import org.sipas.index.Domain;
import org.sipas.index.Estimates;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Series;
import org.sipas.index.Tallies;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class ReviewsTest {

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Tallies tallies;
    @Autowired
    Estimates estimates;
    @Autowired
    Reviews reviews;
    @Autowired
    Arrivals arrivals;
    @Autowired
    QualityRepository repository;
    @Autowired
    CurrentUsers users;

    @Test
    void rejectedResponseLeavesTheTalliesAndEveryIndexExactlyAsIfItHadNeverBeenStored() {
        QualityCampaign stored = new QualityCampaign(fixtures, store, jdbc, "QRA", 20, 7);
        QualityCampaign never = new QualityCampaign(fixtures, store, jdbc, "QRB", 20, 7);
        for (int i = 0; i < 12; i++) {
            stored.interview("dtv-qra");
            never.interview("dtv-qrb");
        }
        long doubtful = stored.interview("dtv-qra");
        arrivals.check();
        tallies.fold();
        assertThat(stored.tallyRows()).isNotEqualTo(never.tallyRows());

        users.runAs(stored.field.admin(), () -> reviews.move(doubtful, "REJECTED", "phỏng vấn không diễn ra"));
        tallies.fold();

        assertThat(stored.tallyRows()).isNotEmpty().isEqualTo(never.tallyRows());
        for (Domain domain : List.of(Domain.NATION, Domain.UNIT, Domain.CHANNEL, Domain.MONTH)) {
            assertThat(figures(stored, domain)).as(domain.name()).isNotEmpty().isEqualTo(figures(never, domain));
        }
        tallies.rebuild(stored.id());
        assertThat(stored.tallyRows()).isEqualTo(never.tallyRows());

        // the rejection reversed: the response counts again, as a fresh fold of every response says
        users.runAs(stored.field.admin(), () -> reviews.move(doubtful, "ACCEPTED", "phúc tra lại: có phỏng vấn",
                "thiếu câu trả lời do người dân từ chối trả lời"));
        tallies.fold();
        List<String> folded = stored.tallyRows();
        assertThat(folded).isNotEqualTo(never.tallyRows());
        tallies.rebuild(stored.id());
        assertThat(stored.tallyRows()).isEqualTo(folded);
        assertThat(repository.history(doubtful)).extracting(QualityRepository.Transition::to)
                .containsExactly(ReviewState.REJECTED, ReviewState.ACCEPTED);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'response.state' AND entity_id = :id")
                .param("id", Long.toString(doubtful)).query(Long.class).single()).isEqualTo(2);
    }

    private List<List<IndexEstimate>> figures(QualityCampaign campaign, Domain domain) {
        return users.runAs(campaign.field.admin(), () -> estimates.of(campaign.id(), domain, null, Series.SAMPLED))
                .domains().stream().map(DomainEstimate::figures).toList();
    }

    @Test
    void anEditedAnswerShowsBeforeAndAfterInTheAuditLogKeepsItsOriginalAndIsRecounted() {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QRC", 20, 8);
        QualityCampaign asCorrected = new QualityCampaign(fixtures, store, jdbc, "QRD", 20, 8);
        for (int i = 0; i < 6; i++) {
            campaign.interview("dtv-qrc");
            asCorrected.interview("dtv-qrd");
        }
        Map<String, String> keyed = QualityCampaign.straightLined("2");
        Map<String, String> meant = new java.util.LinkedHashMap<>(keyed);
        meant.put("c05", "5");
        long folded = campaign.interview("dtv-qrc", keyed, java.time.Duration.ofMinutes(20), java.time.Instant.parse("2025-03-10T03:00:00Z"));
        asCorrected.interview("dtv-qrd", meant, java.time.Duration.ofMinutes(20), java.time.Instant.parse("2025-03-10T03:00:00Z"));
        tallies.fold();
        // a second one corrected before the fold takes it: its +1 must be folded with the old answers first
        long unfolded = campaign.interview("dtv-qrc", keyed, java.time.Duration.ofMinutes(20), java.time.Instant.parse("2025-03-10T03:00:00Z"));
        asCorrected.interview("dtv-qrd", meant, java.time.Duration.ofMinutes(20), java.time.Instant.parse("2025-03-10T03:00:00Z"));

        CurrentUser admin = campaign.field.admin();
        users.runAs(admin, () -> reviews.correct(folded, "c05", "5", "phiếu giấy ghi 5, nhập nhầm 2"));
        users.runAs(admin, () -> reviews.correct(unfolded, "c05", "5", "phiếu giấy ghi 5, nhập nhầm 2"));
        tallies.fold();

        assertThat(campaign.tallyRows()).isEqualTo(asCorrected.tallyRows());
        tallies.rebuild(campaign.id());
        assertThat(campaign.tallyRows()).isEqualTo(asCorrected.tallyRows());
        Map<String, Object> entry = jdbc.sql("""
                        SELECT actor, before::text AS before, after::text AS after, detail FROM audit_log
                        WHERE action = 'response.answer' AND entity_id = :id""")
                .param("id", Long.toString(folded)).query().singleRow();
        assertThat(entry).containsEntry("actor", admin.name()).containsEntry("before", "{\"c05\": \"2\"}")
                .containsEntry("after", "{\"c05\": \"5\"}").containsEntry("detail", "phiếu giấy ghi 5, nhập nhầm 2");
        assertThat(repository.originalAnswers(folded)).contains(keyed);
        assertThat(users.runAs(admin, () -> reviews.view(folded)).corrections())
                .extracting(QualityRepository.Correction::before, QualityRepository.Correction::after).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2", "5"));
    }

    @Test
    void theIndexComputedAsSubmittedUndoesEveryCorrectionWhileTheLiveIndexKeepsThem() {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QRS", 20, 10);
        for (int i = 0; i < 8; i++) {
            campaign.interview("dtv-qrs");
        }
        long keyedWrong = campaign.interview("dtv-qrs", QualityCampaign.straightLined("1"), java.time.Duration.ofMinutes(20),
                java.time.Instant.parse("2025-03-10T03:00:00Z"));
        tallies.fold();
        CurrentUser admin = campaign.field.admin();
        List<Domain> domains = List.of(Domain.NATION, Domain.UNIT, Domain.RESPONDENT);
        Map<Domain, List<List<IndexEstimate>>> asKeyed = new java.util.EnumMap<>(Domain.class);
        domains.forEach(d -> asKeyed.put(d, figures(campaign, d)));

        for (String criterion : List.of("c01", "c02", "c03", "c10")) {
            users.runAs(admin, () -> reviews.correct(keyedWrong, criterion, "5", "phiếu giấy ghi 5, nhập nhầm 1"));
        }
        users.runAs(admin, () -> reviews.correct(keyedWrong, "applicant_kind", "to_chuc", "phiếu giấy ghi tổ chức"));
        tallies.fold();

        for (Domain domain : domains) {
            assertThat(figures(campaign, domain)).as(domain + " corrected").isNotEqualTo(asKeyed.get(domain));
            assertThat(users.runAs(admin, () -> estimates.asSubmitted(campaign.id(), domain, null, Series.SAMPLED))
                    .domains().stream().map(DomainEstimate::figures).toList())
                    .as(domain + " as submitted").isNotEmpty().isEqualTo(asKeyed.get(domain));
        }
    }

    @Test
    void aDecisionNeedsAReasonAndAStateItMayComeFrom() {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QRE", 20, 9);
        long response = campaign.interview("dtv-qre");
        CurrentUser admin = campaign.field.admin();
        assertThatThrownBy(() -> users.runAs(admin, () -> reviews.move(response, "ACCEPTED", " ")))
                .isInstanceOf(IllegalArgumentException.class);
        users.runAs(admin, () -> reviews.move(response, "REJECTED", "trùng hồ sơ"));
        assertThatThrownBy(() -> users.runAs(admin, () -> reviews.move(response, "FLAGGED", "cờ")))
                .isInstanceOf(Reviews.NotAllowed.class);
        assertThat(users.runAs(admin, () -> reviews.view(response)).state()).isEqualTo(ReviewState.REJECTED);
    }

    @Test
    void aBulkRejectionIsAllOrNoneAndEachMoveIsAudited() {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QRG", 20, 12);
        QualityCampaign other = new QualityCampaign(fixtures, store, jdbc, "QRH", 20, 13);
        List<Long> ids = List.of(campaign.interview("dtv-qrg"), campaign.interview("dtv-qrg"), campaign.interview("dtv-qrg"));
        long elsewhere = other.interview("dtv-qrh");
        CurrentUser admin = campaign.field.admin();

        List<Long> mixed = new java.util.ArrayList<>(ids);
        mixed.add(elsewhere);
        assertThatThrownBy(() -> users.runAs(admin, () -> reviews.moveAll(campaign.id(), mixed, "REJECTED", "đợt làm lại")))
                .isInstanceOf(RuntimeException.class);
        assertThat(ids).allSatisfy(id -> assertThat(users.runAs(admin, () -> reviews.view(id)).state()).isNotEqualTo(ReviewState.REJECTED));

        assertThat(users.runAs(admin, () -> reviews.moveAll(campaign.id(), ids, "rejected", "đợt làm lại"))).isEqualTo(3);
        assertThat(ids).allSatisfy(id -> assertThat(users.runAs(admin, () -> reviews.view(id)).state()).isEqualTo(ReviewState.REJECTED));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'response.state' AND detail = 'đợt làm lại'")
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aCampaignThatCountsOnlyAcceptedResponsesCountsThemWhenAccepted() {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QRF", 20, 10);
        repository.saveSettings(campaign.id(), new QualitySettings(false, 0.1, 2, 300, 900, java.time.LocalTime.of(7, 0),
                java.time.LocalTime.of(21, 0), 30, 8, 20, 0.001, 0.2));
        long first = campaign.interview("dtv-qrf");
        campaign.interview("dtv-qrf");
        arrivals.check();
        tallies.fold();
        assertThat(sampledN(campaign)).isZero();

        users.runAs(campaign.field.admin(), () -> reviews.move(first, "ACCEPTED", "đã kiểm tra",
                "câu bỏ trống: người dân không trả lời"));
        tallies.fold();

        assertThat(sampledN(campaign)).isOne();
    }

    private long sampledN(QualityCampaign campaign) {
        return jdbc.sql("SELECT coalesce(sum(n), 0) FROM tally WHERE campaign_id = :c AND series = 'sampled' AND domain_kind = 'all'")
                .param("c", campaign.id()).query(Long.class).single();
    }
}
