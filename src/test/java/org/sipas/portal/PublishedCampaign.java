package org.sipas.portal;

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
 * A province-wide SIPAS 2017 campaign as the demo has one, published as version 1 through the
 * product's own steps (phone interviews stored, accepted by quality control, prepared by an analyst,
 * approved by a national administrator; made by {@link PublishedCampaigns}): {@code answered1} responses in the first commune and
 * {@code answered2} in the second, so that a test can put one on each side of the minimum n.
 */
public final class PublishedCampaign {

    static final String METHODOLOGY = "sipas-2017";
    private static final String[] RATINGS = {"1", "2", "3", "4", "5", "4", "5", "5", "4", "9"};

    final FieldworkFixtures.InField field;
    final String prefix;
    public final Snapshot snapshot;
    final List<Long> responses = new ArrayList<>();
    private final ReviewDecisions reviews;
    private final ResultsApproval approval;
    private final Tallies tallies;
    private final CurrentUsers users;
    private final CurrentUser supervisor;
    private final CurrentUser analyst;
    private final CurrentUser approver;

    /**
     * The same steps on a campaign already in the field (e.g. a later period of the same province):
     * {@code prefix} names its people (analyst, approver) and seeds its answers.
     */
    PublishedCampaign(FieldworkFixtures.InField field, ResponseStore store, JdbcClient jdbc, ReviewDecisions reviews,
                      ResultsApproval approval, Tallies tallies, CurrentUsers users, String prefix, int answered1, int answered2) {
        this.prefix = prefix;
        this.reviews = reviews;
        this.approval = approval;
        this.tallies = tallies;
        this.users = users;
        this.field = field;
        Random random = new Random(prefix.hashCode());
        int[] left = {answered1, answered2};
        int i = 0;
        for (FieldCase c : field.cases()) {
            int side = c.unitId() == field.commune1() ? 0 : 1;
            if (left[side] == 0) {
                continue;
            }
            left[side]--;
            Instant ended = Instant.parse("2025-03-03T03:00:00Z").plus(Duration.ofHours(i++));
            responses.add(store.store(Submission.of(ResponseChannel.CATI, METHODOLOGY, 1, c.unitId(), answers(random),
                            ended.minus(Duration.ofMinutes(20)))
                    .forCase(c.campaignId(), c.stratumId(), c.id(), c.dossierId()).collectedBy("dtv-" + prefix.toLowerCase())
                    .finished(ended, null)).responseId());
        }
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        this.supervisor = new CurrentUser("qt-tinh-" + prefix.toLowerCase(), Set.of(Role.PROVINCE_ADMIN), field.province());
        this.analyst = new CurrentUser("phan-tich-" + prefix.toLowerCase(), Set.of(Role.ANALYST), field.province());
        this.approver = new CurrentUser("phe-duyet-" + prefix.toLowerCase(), Set.of(Role.ADMIN), nation);
        users.runAs(supervisor, () -> {
            reviews.checkArrivals();
            return reviews.decide(field.campaignId(), responses, "ACCEPTED", "đạt yêu cầu", "phiếu thử: chấp nhận");
        });
        tallies.fold();
        users.runAs(analyst, () -> {
            approval.prepare(field.campaignId());
            return approval.submit(field.campaignId(), null);
        });
        this.snapshot = users.runAs(approver, () -> approval.approve(field.campaignId(), "Đồng ý công bố"));
    }

    /**
     * A correction through the same steps: quality control rejects {@code rejected} (responses this
     * campaign counted), the analyst prepares and submits saying what changed, the approver approves.
     *
     * @return the new published version
     */
    Snapshot correct(List<Long> rejected, String whatChanged) {
        users.runAs(supervisor, () -> reviews.decide(field.campaignId(), rejected, "REJECTED", "phúc tra: phỏng vấn không diễn ra",
                "phiếu thử: loại sau phúc tra"));
        tallies.fold();
        users.runAs(analyst, () -> {
            approval.prepare(field.campaignId());
            return approval.submit(field.campaignId(), whatChanged);
        });
        return users.runAs(approver, () -> approval.approve(field.campaignId(), "Đồng ý công bố bản đính chính"));
    }

    public long id() {
        return field.campaignId();
    }

    String province() {
        return prefix + "-P";
    }

    String commune(int which) {
        return prefix + "-C" + which;
    }

    private static Map<String, String> answers(Random random) {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("applicant_kind", random.nextBoolean() ? "ca_nhan" : "to_chuc");
        for (int i = 1; i <= 22; i++) {
            answers.put("c%02d".formatted(i), RATINGS[random.nextInt(RATINGS.length)]);
        }
        return answers;
    }
}
