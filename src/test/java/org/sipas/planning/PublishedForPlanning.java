package org.sipas.planning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A province-wide SIPAS 2017 campaign published as version 1 through the product's own steps (phone
 * interviews stored, accepted by quality control, prepared by an analyst, approved by a national
 * administrator), as the reporting and portal tests publish one: {@code answered} responses in each
 * of the province's two communes, so both have results in the snapshot.
 */
final class PublishedForPlanning {

    private static final String METHODOLOGY = "sipas-2017";
    private static final String[] RATINGS = {"1", "2", "3", "4", "5", "4", "5", "5", "4", "9"};

    final FieldworkFixtures.InField field;
    final Snapshot snapshot;
    final List<Long> responses = new ArrayList<>();
    final CurrentUser provinceAdmin;
    final CurrentUser nationalAdmin;
    final CurrentUser commune1Manager;
    private final ReviewDecisions reviews;
    private final ResultsApproval approval;
    private final Tallies tallies;
    private final CurrentUsers users;
    private final CurrentUser analyst;

    PublishedForPlanning(FieldworkFixtures fixtures, ResponseStore store, JdbcClient jdbc, ReviewDecisions reviews, ResultsApproval approval,
                         Tallies tallies, CurrentUsers users, String prefix, int answered) {
        this.field = fixtures.inField(prefix, METHODOLOGY, 80, Map.of("PHONE", 1));
        this.reviews = reviews;
        this.approval = approval;
        this.tallies = tallies;
        this.users = users;
        Random random = new Random(prefix.hashCode());
        int[] left = {answered, answered};
        int i = 0;
        for (FieldCase c : field.cases()) {
            int side = c.unitId() == field.commune1() ? 0 : 1;
            if (left[side] == 0) {
                continue;
            }
            left[side]--;
            Instant ended = Instant.parse("2025-03-03T03:00:00Z").plus(Duration.ofHours(i++));
            Map<String, String> answers = new LinkedHashMap<>();
            answers.put("applicant_kind", random.nextBoolean() ? "ca_nhan" : "to_chuc");
            for (int q = 1; q <= 22; q++) {
                answers.put("c%02d".formatted(q), RATINGS[random.nextInt(RATINGS.length)]);
            }
            responses.add(store.store(Submission.of(ResponseChannel.CATI, METHODOLOGY, 1, c.unitId(), answers, ended.minus(Duration.ofMinutes(20)))
                    .forCase(c.campaignId(), c.stratumId(), c.id(), c.dossierId()).collectedBy("dtv-" + prefix.toLowerCase())
                    .finished(ended, null)).responseId());
        }
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        String name = prefix.toLowerCase();
        this.provinceAdmin = new CurrentUser("qt-tinh-" + name, Set.of(Role.PROVINCE_ADMIN), field.province());
        this.analyst = new CurrentUser("phan-tich-" + name, Set.of(Role.ANALYST), field.province());
        this.nationalAdmin = new CurrentUser("phe-duyet-" + name, Set.of(Role.ADMIN), nation);
        this.commune1Manager = new CurrentUser("truong-" + name + "-1", Set.of(Role.UNIT_MANAGER), field.commune1());
        users.runAs(provinceAdmin, () -> {
            reviews.checkArrivals();
            return reviews.decide(field.campaignId(), responses, "ACCEPTED", "đạt yêu cầu", "phiếu thử: chấp nhận");
        });
        tallies.fold();
        this.snapshot = approve(null);
    }

    /** A correction: quality control rejects {@code rejected}, the analyst prepares and submits it, the approver approves. */
    Snapshot correct(List<Long> rejected, String whatChanged) {
        users.runAs(provinceAdmin, () -> reviews.decide(field.campaignId(), rejected, "REJECTED", "phúc tra: phỏng vấn không diễn ra",
                "phiếu thử: loại sau phúc tra"));
        tallies.fold();
        return approve(whatChanged);
    }

    private Snapshot approve(String whatChanged) {
        users.runAs(analyst, () -> {
            approval.prepare(field.campaignId());
            return approval.submit(field.campaignId(), whatChanged);
        });
        return users.runAs(nationalAdmin, () -> approval.approve(field.campaignId(), "Đồng ý công bố"));
    }

    long id() {
        return field.campaignId();
    }
}
