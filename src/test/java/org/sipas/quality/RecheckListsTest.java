package org.sipas.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class RecheckListsTest {

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Arrivals arrivals;
    @Autowired
    RecheckLists lists;
    @Autowired
    Reviews reviews;
    @Autowired
    CurrentUsers users;
    @Autowired
    StaffAccounts accounts;

    /** 200 interviews by 5 interviewers (40 each), 3 of them straight-lined in 3 minutes; the ids in storing order. */
    private List<Long> twoHundredInterviews(QualityCampaign campaign, String who) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String interviewer = who + "-" + (1 + i % 5);
            if (i < 120) {
                ids.add(i % 50 == 7
                        ? campaign.interview(interviewer, QualityCampaign.straightLined("5"), Duration.ofMinutes(3),
                        Instant.parse("2025-03-10T03:00:00Z"))
                        : campaign.interview(interviewer));
            } else {
                ids.add(campaign.interviewOutsideSample(interviewer, i % 2 == 0 ? campaign.field.commune1() : campaign.field.commune2()));
            }
        }
        arrivals.check();
        return ids;
    }

    private void recheckers(QualityCampaign campaign, String who) {
        users.runAs(campaign.field.admin(), () -> {
            accounts.create("phuctra-" + who + "-a", "Phúc tra A", campaign.field.province(), Set.of(Role.RECHECKER), null);
            accounts.create("phuctra-" + who + "-b", "Phúc tra B", campaign.field.province(), Set.of(Role.RECHECKER), null);
            // an interviewer who also re-checks: never given their own interviews
            return accounts.create(who + "-1", "Điều tra viên kiêm phúc tra", campaign.field.province(),
                    Set.of(Role.INTERVIEWER, Role.RECHECKER), null);
        });
    }

    @Test
    void twoHundredInterviewsByFiveInterviewersGiveATenPercentListWithTwoEachAndEveryFlaggedAndTheSameSeedTheSameList() {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QLA", 120, 21);
        QualityCampaign twin = new QualityCampaign(fixtures, store, jdbc, "QLB", 120, 21);
        // the same interviewers in both: the draw seeds each interviewer's stream with their name
        List<Long> ids = twoHundredInterviews(campaign, "dtv-qla");
        List<Long> twinIds = twoHundredInterviews(twin, "dtv-qla");
        recheckers(campaign, "dtv-qla");
        CurrentUser admin = campaign.field.admin();

        RecheckLists.Drawn drawn = users.runAs(admin, () -> lists.draw(campaign.id(), 42L));
        RecheckLists.Drawn again = users.runAs(twin.field.admin(), () -> lists.draw(twin.id(), 42L));

        List<RecheckRepository.Recheck> list = users.runAs(admin, () -> lists.ofCampaign(campaign.id()));
        assertThat(drawn.seed()).isEqualTo(42L);
        assertThat(list.size()).isGreaterThanOrEqualTo(20);
        Map<String, Long> perInterviewer = list.stream().collect(Collectors.groupingBy(RecheckRepository.Recheck::interviewer,
                Collectors.counting()));
        assertThat(perInterviewer).hasSize(5).allSatisfy((who, n) -> assertThat(n).as(who).isGreaterThanOrEqualTo(2));
        Set<Long> flagged = new HashSet<>(jdbc.sql("SELECT DISTINCT response_id FROM response_flag f JOIN response r ON r.id = f.response_id "
                + "WHERE r.campaign_id = :c").param("c", campaign.id()).query(Long.class).list());
        assertThat(flagged).hasSize(3);
        assertThat(list).extracting(RecheckRepository.Recheck::responseId).containsAll(flagged);
        assertThat(list).allSatisfy(r -> assertThat(r.state()).isEqualTo("IN_RECHECK"));
        // the same seed over the same interviews: the same list (by the interviews' places in storing order)
        List<RecheckRepository.Recheck> twinList = users.runAs(twin.field.admin(), () -> lists.ofCampaign(twin.id()));
        assertThat(twinList.stream().map(r -> twinIds.indexOf(r.responseId())).sorted().toList())
                .isEqualTo(list.stream().map(r -> ids.indexOf(r.responseId())).sorted().toList());
        assertThat(again.random()).isEqualTo(drawn.random());
    }

    @Test
    void aRecheckerCannotBeGivenTheirOwnInterviews() {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QLC", 40, 22);
        for (int i = 0; i < 30; i++) {
            campaign.interview("dtv-qlc-" + (1 + i % 3));
        }
        arrivals.check();
        recheckers(campaign, "dtv-qlc");
        CurrentUser admin = campaign.field.admin();

        users.runAs(admin, () -> lists.draw(campaign.id(), 7L));

        List<RecheckRepository.Recheck> list = users.runAs(admin, () -> lists.ofCampaign(campaign.id()));
        assertThat(list).isNotEmpty().allSatisfy(r -> assertThat(r.assignedTo()).isNotNull().isNotEqualTo(r.interviewer()));
        assertThat(list).anySatisfy(r -> assertThat(r.assignedTo()).isEqualTo("dtv-qlc-1"));
        RecheckRepository.Recheck own = list.stream().filter(r -> r.interviewer().equals("dtv-qlc-1")).findFirst().orElseThrow();
        assertThatThrownBy(() -> users.runAs(admin, () -> {
            lists.assign(own.id(), "dtv-qlc-1");
            return null;
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("own interview");
        // and the database says so too, whoever writes
        assertThatThrownBy(() -> jdbc.sql("UPDATE recheck SET assigned_to = interviewer WHERE id = :id").param("id", own.id()).update())
                .hasMessageContaining("recheck_check");
    }

    @Test
    void aConfirmedFabricationQueuesAllTheInterviewersInterviewsAndAConfirmationAcceptsTheResponse() {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QLD", 60, 23);
        for (int i = 0; i < 40; i++) {
            campaign.interview("dtv-qld-" + (1 + i % 2));
        }
        arrivals.check();
        recheckers(campaign, "dtv-qld");
        CurrentUser admin = campaign.field.admin();
        users.runAs(admin, () -> lists.draw(campaign.id(), 3L));
        List<RecheckRepository.Recheck> list = users.runAs(admin, () -> lists.ofCampaign(campaign.id()));
        RecheckRepository.Recheck ofTwo = list.stream().filter(r -> r.interviewer().equals("dtv-qld-2")).findFirst().orElseThrow();
        RecheckRepository.Recheck ofOne = list.stream().filter(r -> r.interviewer().equals("dtv-qld-1")).findFirst().orElseThrow();
        CurrentUser rechecker = new CurrentUser(ofTwo.assignedTo(), Set.of(Role.RECHECKER), campaign.field.province());

        RecheckLists.Opened opened = users.runAs(rechecker, () -> lists.open(ofTwo.id()));
        users.runAs(rechecker, () -> lists.record(ofTwo.id(), RecheckLists.Outcome.DID_NOT_HAPPEN, List.of("c01"), List.of(),
                "người dân không được phỏng vấn"));

        assertThat(opened.contact().phone()).startsWith("0912");
        assertThat(opened.questions()).isNotEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'recheck.contact.view' AND entity_id = :id")
                .param("id", Long.toString(ofTwo.id())).query(Long.class).single()).isOne();
        List<RecheckRepository.Recheck> after = users.runAs(admin, () -> lists.ofCampaign(campaign.id()));
        assertThat(after.stream().filter(r -> r.interviewer().equals("dtv-qld-2"))).hasSize(20)
                .anySatisfy(r -> assertThat(r.why()).isEqualTo("fabrication"));
        assertThat(users.runAs(admin, () -> reviews.view(ofTwo.responseId())).state()).isEqualTo(ReviewState.REJECTED);

        CurrentUser other = new CurrentUser(ofOne.assignedTo(), Set.of(Role.RECHECKER), campaign.field.province());
        users.runAs(other, () -> lists.record(ofOne.id(), RecheckLists.Outcome.CONFIRMED, List.of("c01", "c02"), List.of(), null));
        assertThat(users.runAs(admin, () -> reviews.view(ofOne.responseId())).state()).isEqualTo(ReviewState.ACCEPTED);
    }
}
