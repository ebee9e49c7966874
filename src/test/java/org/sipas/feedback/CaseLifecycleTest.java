package org.sipas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sipas.SettableClock;
import org.junit.jupiter.api.TestInstance;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.web.Formats;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.server.ResponseStatusException;

/**
 * A case's SLA counts working days (weekends and the holidays of the table skipped); an untouched
 * case past it goes to the head above; every step is in the case's history and the audit log.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseLifecycleTest {

    @TestConfiguration
    static class TestTime {
        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }

    @Autowired
    SettableClock clock;

    @Autowired
    FeedbackFixtures fixtures;
    @Autowired
    CaseOpener opener;
    @Autowired
    Escalations escalations;
    @Autowired
    CaseLifecycle lifecycle;
    @Autowired
    CaseStore store;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;

    FeedbackFixtures.Place place;

    @BeforeAll
    void place() {
        place = fixtures.place("FBL", 6);
        // a holiday of a year of our own, so no other test's calendar is touched: Monday 5 May 2036
        workingDays.put(LocalDate.of(2036, 5, 5), "Ngày nghỉ thử");
    }

    private long openCase(int dossier, Instant at) {
        clock.set(at);
        long response = fixtures.rate(place, dossier, "1", Map.of(), "fbl-key-" + dossier).responseId();
        opener.drain(at);
        return jdbc.sql("SELECT id FROM feedback_case WHERE response_id = :r").param("r", response).query(Long.class).single();
    }

    private static Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), Formats.ZONE).toInstant();
    }

    @Test
    void anUntouchedCaseEscalatesAfterItsWorkingDaysSkippingTheWeekendAndAHoliday() {
        // opened on Friday 2 May 2036 at 10:00; MEDIUM has 5 working days: Tue 6, Wed 7, Thu 8, Fri 9, Mon 12
        Instant friday = at("2036-05-02T10:00");
        long id = openCase(0, friday);
        assertThat(store.find(id, friday).orElseThrow().dueAt()).isEqualTo(at("2036-05-12T10:00"));

        escalations.run(at("2036-05-12T09:59"));
        assertThat(store.find(id, friday).orElseThrow().ownerUnitId()).isEqualTo(place.commune());

        escalations.run(at("2036-05-12T10:01"));
        CaseView escalated = store.find(id, at("2036-05-12T10:01")).orElseThrow();
        assertThat(escalated.ownerUnitId()).isEqualTo(place.province());
        assertThat(escalated.escalations()).isOne();
        assertThat(escalated.dueAt()).isEqualTo(at("2036-05-19T10:01"));
        assertThat(jdbc.sql("SELECT count(*) FROM inbox_message WHERE username = :u AND case_id = :c")
                .param("u", place.provinceHead()).param("c", id).query(Long.class).single()).isOne();
        assertThat(store.steps(id)).extracting(CaseStore.Step::kind).containsExactly("OPENED", "ESCALATED");
        // run again a minute later: the case is due again only a week on
        escalations.run(at("2036-05-12T10:02"));
        assertThat(store.steps(id)).extracting(CaseStore.Step::kind).containsExactly("OPENED", "ESCALATED");
    }

    @Test
    void anAcknowledgedCaseDoesNotEscalate() {
        long id = openCase(1, at("2036-05-02T10:00"));
        users.runAs(head(), () -> lifecycle.move(id, new CaseLifecycle.Step(CaseState.ACKNOWLEDGED, null, null, null)));
        escalations.run(at("2036-06-30T10:00"));
        assertThat(store.find(id, Instant.now()).orElseThrow().ownerUnitId()).isEqualTo(place.commune());
    }

    @Test
    void theLifecycleGoesThroughItsStepsEachAuditedAndAResolutionNeedsARootCause() {
        long id = openCase(2, Instant.now());
        CurrentUser head = head();
        users.runAs(head, () -> lifecycle.move(id, new CaseLifecycle.Step(CaseState.ACKNOWLEDGED, null, null, null)));
        users.runAs(head, () -> lifecycle.move(id, new CaseLifecycle.Step(CaseState.INVESTIGATING, null, null, "gọi công chức")));
        assertThatThrownBy(() -> users.runAs(head, () -> lifecycle.move(id, new CaseLifecycle.Step(CaseState.RESOLVED, null, "xin lỗi", null))))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("root cause");
        assertThatThrownBy(() -> users.runAs(head, () -> lifecycle.move(id, new CaseLifecycle.Step(CaseState.NEW, null, null, null))))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("cannot become");
        users.runAs(head, () -> lifecycle.move(id, new CaseLifecycle.Step(CaseState.RESOLVED, "attitude", "Nhắc nhở công chức", "đã xin lỗi")));
        users.runAs(head, () -> lifecycle.move(id, new CaseLifecycle.Step(CaseState.CLOSED, null, null, null)));
        users.runAs(head, () -> lifecycle.move(id, new CaseLifecycle.Step(CaseState.INVESTIGATING, null, null, "người dân phản ánh lại")));

        assertThat(store.steps(id)).extracting(CaseStore.Step::kind)
                .containsExactly("OPENED", "ACKNOWLEDGED", "INVESTIGATING", "RESOLVED", "CLOSED", "REOPENED");
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity_type = 'feedback_case' AND entity_id = :id ORDER BY id")
                .param("id", Long.toString(id)).query(String.class).list())
                .containsExactly("case.acknowledged", "case.investigating", "case.resolved", "case.closed", "case.reopened");
        CaseView reopened = store.find(id, Instant.now()).orElseThrow();
        assertThat(reopened.state()).isEqualTo("INVESTIGATING");
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.rootCause()).isEqualTo("attitude");
    }

    @Test
    void aCaseOutsideTheCallersScopeIsRefused() {
        long id = openCase(3, Instant.now());
        CurrentUser stranger = new CurrentUser("fbl-other", Set.of(Role.UNIT_MANAGER),
                jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single() * 0 + otherUnit());
        assertThatThrownBy(() -> users.runAs(stranger, () -> lifecycle.move(id, new CaseLifecycle.Step(CaseState.ACKNOWLEDGED, null, null, null))))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private long otherUnit() {
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        return jdbc.sql("""
                        INSERT INTO unit (code, name, kind, unit_type, parent_id, path, depth)
                        VALUES ('FBL-X', 'Tỉnh khác', 'PROVINCE', 'Tỉnh', :n, '/VN/FBL-X/', 1)
                        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id""")
                .param("n", nation).query(Long.class).single();
    }

    private CurrentUser head() {
        return new CurrentUser(place.communeHead(), Set.of(Role.UNIT_MANAGER), place.commune());
    }
}
