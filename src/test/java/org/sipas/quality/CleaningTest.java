package org.sipas.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class CleaningTest {

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Reviews reviews;
    @Autowired
    CurrentUsers users;

    @Test
    void cleaningRulesNameEachFailureAndAcceptingAFailingResponseNeedsAnAuditedReason() {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QCL", 20, 5);
        Instant at = Instant.parse("2025-03-05T03:00:00Z");
        long clean = campaign.interview("dtv-qcl", QualityCampaign.straightLined("4"), Duration.ofMinutes(20), at);
        Map<String, String> outOfScale = QualityCampaign.straightLined("4");
        outOfScale.put("c01", "7");
        long range = campaign.interview("dtv-qcl", outOfScale, Duration.ofMinutes(20), at.plusSeconds(3600));
        Map<String, String> notAsked = QualityCampaign.straightLined("5");
        // asked only of those who rated some access criterion 3 or less
        notAsked.put("e1_expect", "cho_ngoi");
        long notRelevant = campaign.interview("dtv-qcl", notAsked, Duration.ofMinutes(20), at.plusSeconds(7200));
        Map<String, String> missing = QualityCampaign.straightLined("4");
        missing.remove("c02");
        long required = campaign.interview("dtv-qcl", missing, Duration.ofMinutes(20), at.plusSeconds(10800));
        long otherUnit = campaign.interview("dtv-qcl", QualityCampaign.straightLined("4"), Duration.ofMinutes(20), at.plusSeconds(14400));
        long dossierUnit = jdbc.sql("SELECT d.unit_id FROM response r JOIN dossier d ON d.id = r.dossier_id WHERE r.id = :r")
                .param("r", otherUnit).query(Long.class).single();
        long elsewhere = dossierUnit == campaign.field.commune1() ? campaign.field.commune2() : campaign.field.commune1();
        jdbc.sql("UPDATE response SET unit_id = :u WHERE id = :r").param("u", elsewhere).param("r", otherUnit).update();
        CurrentUser admin = campaign.field.admin();

        assertThat(rules(admin, clean)).isEmpty();
        assertThat(rules(admin, range)).containsExactly("RANGE c01");
        assertThat(rules(admin, notRelevant)).containsExactly("NOT_RELEVANT e1_expect");
        assertThat(rules(admin, required)).containsExactly("REQUIRED c02");
        assertThat(rules(admin, otherUnit)).containsExactly("DOSSIER_UNIT null");
        assertThat(users.runAs(admin, () -> reviews.failing(campaign.id())).stream().map(Reviews.Failing::id))
                .containsExactlyInAnyOrder(range, notRelevant, required, otherUnit);

        // a clean response is accepted with the usual reason; a failing one needs its own, in bulk too
        users.runAs(admin, () -> reviews.move(clean, "ACCEPTED", "đạt"));
        assertThatThrownBy(() -> users.runAs(admin, () -> reviews.moveAll(campaign.id(), List.of(range, required), "ACCEPTED", "đạt", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("overrideReason:");
        assertThat(users.runAs(admin, () -> reviews.view(range)).state()).isEqualTo(ReviewState.SUBMITTED);
        users.runAs(admin, () -> reviews.moveAll(campaign.id(), List.of(range, required), "ACCEPTED", "đạt",
                "người dân xác nhận qua điện thoại"));
        assertThat(users.runAs(admin, () -> reviews.view(range)).state()).isEqualTo(ReviewState.ACCEPTED);
        assertThat(jdbc.sql("""
                        SELECT detail || ' ' || before::text FROM audit_log
                        WHERE action = 'response.accept.failures' AND entity_id = :id""")
                .param("id", Long.toString(range)).query(String.class).single())
                .contains("người dân xác nhận qua điện thoại").contains("RANGE c01");
        // rejecting needs no second reason; decided responses leave the cleaning list
        users.runAs(admin, () -> reviews.move(notRelevant, "REJECTED", "trả lời không nhất quán"));
        assertThat(users.runAs(admin, () -> reviews.failing(campaign.id())).stream().map(Reviews.Failing::id))
                .containsExactly(otherUnit);
    }

    private List<String> rules(CurrentUser admin, long responseId) {
        return users.runAs(admin, () -> reviews.view(responseId)).failures().stream().map(f -> f.rule() + " " + f.question()).toList();
    }
}
