package org.sipas.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
class FieldCasesTest {

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    FieldCases cases;
    @Autowired
    CurrentUsers users;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSupervisorAssignsCasesAndTheInterviewerSeesThemAndAReplacementKeepsTheInterviewer() {
        FieldworkFixtures.InField field = fixtures.inField("FCA", "mot-cua-2018", 20, Map.of("PHONE", 1));
        assertThat(field.cases()).hasSize(20).allSatisfy(c -> assertThat(c.isInField()).isTrue());
        users.runAs(field.admin(), () -> accounts.create("dtv-fca", "Điều tra viên FCA", field.province(),
                Set.of(Role.INTERVIEWER), "mat-khau-dai-du"));
        List<Long> firstFive = field.cases().stream().limit(5).map(FieldCase::id).toList();

        assertThat(users.runAs(field.admin(), () -> cases.assign(firstFive, "dtv-fca"))).isEqualTo(5);
        assertThat(cases.assignedTo("dtv-fca")).extracting(FieldCase::id).containsExactlyElementsOf(firstFive);

        CurrentUser interviewer = new CurrentUser("dtv-fca", Set.of(Role.INTERVIEWER), field.province());
        FieldCase replacement = users.runAs(interviewer, () -> cases.replace(firstFive.get(0), "Từ chối trả lời"));
        assertThat(replacement.replacesId()).isEqualTo(firstFive.get(0));
        assertThat(replacement.assignedTo()).isEqualTo("dtv-fca");
        assertThat(replacement.stratumId()).isEqualTo(field.cases().get(0).stratumId());
        assertThat(cases.assignedTo("dtv-fca")).extracting(FieldCase::id)
                .doesNotContain(firstFive.get(0)).contains(replacement.id()).hasSize(5);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action IN ('fieldwork.assign', 'campaign.replace') AND actor IN ('admin-fca', 'dtv-fca')")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anInterviewerCannotReplaceACaseHeldByNobodyOrSomeoneElse() {
        FieldworkFixtures.InField field = fixtures.inField("FCB", "mot-cua-2018", 10, Map.of("PHONE", 1));
        CurrentUser stranger = new CurrentUser("dtv-fcb", Set.of(Role.INTERVIEWER), field.province());
        assertThatThrownBy(() -> users.runAs(stranger, () -> cases.replace(field.cases().get(0).id(), "Không nghe máy")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.runAs(field.admin(), () -> cases.assign(List.of(field.cases().get(0).id()), "admin-fcb")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("fieldwork.assign.notInterviewer");
    }
}
