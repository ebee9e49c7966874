package org.sipas.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.sipas.methodology.AlertSeverity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A negative response becomes exactly one case per rule it sets off, owned by the unit's head and
 * naming the officials of its dossier; a retry of the same submit, or the outbox row delivered
 * again, opens none.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseOpeningTest {

    @Autowired
    FeedbackFixtures fixtures;
    @Autowired
    CaseOpener opener;
    @Autowired
    CaseStore cases;
    @Autowired
    UnitHeads heads;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    WorkingDays workingDays;

    FeedbackFixtures.Place place;

    @BeforeAll
    void place() {
        place = fixtures.place("FBO", 10);
    }

    private List<Map<String, Object>> casesOf(long responseId) {
        return jdbc.sql("""
                        SELECT c.*, r.code AS rule FROM feedback_case c JOIN alert_rule r ON r.id = c.rule_id
                        WHERE c.response_id = :r ORDER BY r.code""")
                .param("r", responseId).query().listOfRows();
    }

    @Test
    void aNotSatisfiedAnswerAboutTheOfficialsOpensOneCaseOwnedByTheUnitHeadNamingTheOfficials() {
        ResponseStore.Stored stored = fixtures.rate(place, 0, "1", Map.of("reasons", "thai_do", "official", "FBO-RX"), "fbo-key-0");
        opener.drain(Instant.now());

        List<Map<String, Object>> opened = casesOf(stored.responseId());
        assertThat(opened).hasSize(1);
        Map<String, Object> c = opened.get(0);
        assertThat(c.get("rule")).isEqualTo("not-satisfied");
        assertThat(c.get("state")).isEqualTo("NEW");
        assertThat(c.get("owner_unit_id")).isEqualTo(place.commune());
        assertThat(heads.of(place.commune())).extracting(UnitHeads.Head::username).containsExactly(place.communeHead());
        assertThat(c.get("receiving_official_id")).isEqualTo(place.receivingOfficial());
        assertThat(c.get("processing_official_id")).isEqualTo(place.processingOfficial());
        assertThat(c.get("receiving_official")).isEqualTo("FBO-RX · Lê Văn Tiếp Nhận");
        assertThat(c.get("processing_official")).isEqualTo("FBO-PX · Phạm Thị Xử Lý");
        assertThat(c.get("named_official_id")).isEqualTo(place.receivingOfficial());
        assertThat(c.get("procedure_code")).isEqualTo("FBO-T1");
        assertThat(c.get("receipt_code")).isEqualTo(place.dossier(0));
        // the head is told in the inbox, once
        assertThat(jdbc.sql("SELECT count(*) FROM inbox_message WHERE username = :u AND case_id = :c")
                .param("u", place.communeHead()).param("c", c.get("id")).query(Long.class).single()).isOne();
    }

    @Test
    void aSatisfiedRatingOpensNoCase() {
        ResponseStore.Stored stored = fixtures.rate(place, 1, "3", Map.of(), "fbo-key-1");
        opener.drain(Instant.now());
        assertThat(casesOf(stored.responseId())).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM alert_outbox WHERE response_id = :r").param("r", stored.responseId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void feesAndAWatchWordWithoutDiacriticsOpenACaseForEachRule() {
        ResponseStore.Stored stored = fixtures.rate(place, 2, "1",
                Map.of("reasons", "phi thoi_gian", "reason_text", "Can bo NHUNG NHIEU, doi tien boi duong"), "fbo-key-2");
        opener.drain(Instant.now());
        assertThat(casesOf(stored.responseId())).extracting(r -> r.get("rule"))
                .containsExactly("fees", "not-satisfied", "watch-list");
        assertThat(casesOf(stored.responseId())).filteredOn(r -> r.get("rule").equals("fees"))
                .extracting(r -> r.get("severity")).containsExactly("HIGH");
    }

    @Test
    void theSameResponseStoredAgainOrJudgedAgainOpensNoSecondCase() {
        ResponseStore.Stored first = fixtures.rate(place, 3, "1", Map.of(), "fbo-key-3");
        opener.drain(Instant.now());
        // a retry of the same submit (same idempotency key) stores nothing new
        ResponseStore.Stored retry = fixtures.rate(place, 3, "1", Map.of(), "fbo-key-3");
        assertThat(retry.responseId()).isEqualTo(first.responseId());
        assertThat(retry.created()).isFalse();
        // and an outbox row delivered twice (a crash after the cases were written) meets the unique constraint
        jdbc.sql("INSERT INTO alert_outbox (response_id) VALUES (:r), (:r)").param("r", first.responseId()).update();
        assertThat(opener.drain(Instant.now())).isZero();

        assertThat(casesOf(first.responseId())).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM inbox_message m JOIN feedback_case c ON c.id = m.case_id WHERE c.response_id = :r")
                .param("r", first.responseId()).query(Long.class).single()).isOne();
    }

    @Test
    void theCounterRatingRuleOnlyAlertsOnKioskRatings() {
        ResponseStore.Stored web = fixtures.rate(place, 4, "1", Map.of(), "fbo-key-4");
        opener.drain(Instant.now());
        assertThat(casesOf(web.responseId())).extracting(r -> r.get("rule")).doesNotContain("counter-not-satisfied");
    }

    @Test
    void aBatchOfAlertsFromTwoUnitsOpensEveryCaseWithItsFirstStepItsHeadsMessagesMailsAndWebhooksOnce() {
        FeedbackFixtures.Place east = fixtures.place("FBBE", 12);
        FeedbackFixtures.Place west = fixtures.place("FBBW", 12);
        // a second head in the east commune who wants mail, and a webhook for the east province only
        accounts.create("fbbe-pho-phuong", "Phó trưởng phường FBBE", east.commune(), java.util.Set.of(Role.UNIT_MANAGER),
                FeedbackFixtures.PASSWORD);
        jdbc.sql("INSERT INTO notification_setting (username, email, email_on) VALUES ('fbbe-pho-phuong', 'pho.phuong@fbbe.example', true)")
                .update();
        long endpoint = jdbc.sql("""
                        INSERT INTO webhook_endpoint (name, url, secret, scope_unit_id, created_by, created_at)
                        VALUES ('Một cửa FBBE', 'http://127.0.0.1:9/hook', 'bí mật', :scope, 'test', now()) RETURNING id""")
                .param("scope", east.province()).query(Long.class).single();
        try {
            List<Long> eastResponses = new java.util.ArrayList<>();
            List<Long> westResponses = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                eastResponses.add(fixtures.rate(east, i, "1", Map.of(), "fbbe-key-" + i).responseId());
                westResponses.add(fixtures.rate(west, i, "1", Map.of(), "fbbw-key-" + i).responseId());
            }
            // the opener's own thread may take some after their commits; this drain takes what is left
            opener.drain(Instant.now());

            for (List<Long> responses : List.of(eastResponses, westResponses)) {
                boolean isEast = responses == eastResponses;
                for (long response : responses) {
                    List<Map<String, Object>> opened = casesOf(response);
                    assertThat(opened).extracting(r -> r.get("rule")).containsExactly("not-satisfied");
                    Map<String, Object> c = opened.get(0);
                    long id = (Long) c.get("id");
                    assertThat(c.get("owner_unit_id")).isEqualTo(isEast ? east.commune() : west.commune());
                    assertThat(c.get("receiving_official_id")).isEqualTo(isEast ? east.receivingOfficial() : west.receivingOfficial());
                    Instant openedAt = ((java.sql.Timestamp) c.get("opened_at")).toInstant();
                    AlertSeverity severity = AlertSeverity.valueOf((String) c.get("severity"));
                    assertThat(((java.sql.Timestamp) c.get("due_at")).toInstant())
                            .isEqualTo(workingDays.add(openedAt, workingDays.slaDays(severity)));
                    assertThat(jdbc.sql("SELECT kind || ' ' || actor || ' ' || note FROM feedback_case_step WHERE case_id = :c AND at = :at")
                            .param("c", id).param("at", c.get("opened_at")).query(String.class).list())
                            .singleElement().asString().startsWith("OPENED system ");
                    assertThat(jdbc.sql("SELECT count(*) FROM feedback_case_step WHERE case_id = :c").param("c", id)
                            .query(Long.class).single()).isOne();
                    assertThat(jdbc.sql("SELECT username FROM inbox_message WHERE case_id = :c ORDER BY username").param("c", id)
                            .query(String.class).list())
                            .containsExactlyElementsOf(isEast ? List.of(east.communeHead(), "fbbe-pho-phuong").stream().sorted().toList()
                                    : List.of(west.communeHead()));
                    assertThat(jdbc.sql("""
                                    SELECT o.recipient FROM mail_outbox o JOIN inbox_message m ON m.id = o.inbox_id WHERE m.case_id = :c""")
                            .param("c", id).query(String.class).list())
                            .isEqualTo(isEast ? List.of("pho.phuong@fbbe.example") : List.of());
                    List<String> deliveries = jdbc.sql("SELECT event || ' ' || body FROM webhook_delivery WHERE case_id = :c AND endpoint_id = :e")
                            .param("c", id).param("e", endpoint).query(String.class).list();
                    if (isEast) {
                        assertThat(deliveries).singleElement().asString().startsWith("case.opened ").contains("\"id\":" + id)
                                .doesNotContain(east.applicant(0).substring(0, 12));
                    } else {
                        assertThat(deliveries).isEmpty();
                    }
                }
            }
        } finally {
            jdbc.sql("UPDATE webhook_endpoint SET enabled = false WHERE id = :e").param("e", endpoint).update();
        }
    }
}
