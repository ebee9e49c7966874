package org.sipas.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sipas.identity.CurrentUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** A plan made from a shipped template has the template's tasks and sub-steps with the chosen year's dates. */
@SpringBootTest
class PlansFromTemplatesTest {

    @Autowired
    PlanningFixtures fixtures;
    @Autowired
    Plans plans;
    @Autowired
    PlanTemplates templates;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theNationalCycleFor2027HasItsEightWorkItemsAndTheirSubStepsIn2027() {
        PlanningFixtures.Province place = fixtures.province("PTA");
        long id = users.runAs(place.admin(), () -> plans.createFromTemplate("quoc-gia-hang-nam", 2027, place.province()));
        Plans.Full plan = users.runAs(place.admin(), () -> plans.get(id));

        assertThat(plan.plan().year()).isEqualTo(2027);
        assertThat(plan.plan().title()).endsWith("năm 2027");
        assertThat(plan.tasks()).hasSize(8);
        assertThat(plan.tasks()).extracting(t -> t.steps().size()).containsExactly(2, 0, 0, 3, 4, 7, 3, 4);
        assertThat(plan.tasks().get(0).content()).isEqualTo("Công bố Chỉ số hài lòng về sự phục vụ hành chính năm 2026");
        for (PlanTask row : plan.rows()) {
            assertThat(row.time().start().getYear()).as(row.number()).isEqualTo(2027);
            assertThat(row.time().end().getYear()).as(row.number()).isEqualTo(2027);
            assertThat(row.leadUnitId()).isEqualTo(place.province());
        }
        PlanTask survey = plan.tasks().get(5);
        assertThat(survey.time().text()).isEqualTo("Tháng 5 - 12/2027");
        assertThat(survey.steps().get(6).content()).isEqualTo("Phát, thu phiếu điều tra");
        assertThat(survey.steps().get(6).number()).isEqualTo("6.7");
        assertThat(survey.steps().get(6).time().start()).isEqualTo(LocalDate.of(2027, 8, 1));
        assertThat(survey.steps().get(6).time().end()).isEqualTo(LocalDate.of(2027, 9, 30));
        // a sub-step the seed gives no month runs when its task does
        PlanTask recheckList = plan.tasks().get(6).steps().get(0);
        assertThat(recheckList.time().text()).isEqualTo("Tháng 10/2027");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'plan' AND entity_id = :id AND action = 'plan.created'")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theMinistrysListHasSixteenTasksOverItsPeriodWithTheDecemberBeforeAndTheReviewYears() {
        PlanningFixtures.Province place = fixtures.province("PTB");
        long id = users.runAs(place.admin(), () -> plans.createFromTemplate("bo-nganh-2014", 2027, place.province()));
        Plans.Full plan = users.runAs(place.admin(), () -> plans.get(id));
        assertThat(plan.tasks()).hasSize(16);
        assertThat(plan.plan().period()).isEqualTo("giai đoạn 2027 - 2033");
        assertThat(plan.tasks().get(0).time().text()).isEqualTo("Tháng 7/2027");
        assertThat(plan.tasks().get(4).time().text()).isEqualTo("Tháng 12/2026");
        assertThat(plan.tasks().get(5).time().text()).isEqualTo("Năm 2027");
        assertThat(plan.tasks().get(14).time().text()).isEqualTo("Năm 2028");
        assertThat(plan.tasks().get(15).time().text()).isEqualTo("Năm 2033");
        assertThat(plan.tasks().get(1).deliverable()).isEqualTo("Danh mục dịch vụ hành chính công");
        assertThat(plan.tasks().get(0).lead()).isEqualTo("Văn phòng Bộ");
    }

    @Test
    void aCommuneManagerCannotMakeAPlanForTheProvinceNorSeeItsPlanWithoutATaskOfTheirs() {
        PlanningFixtures.Province place = fixtures.province("PTC");
        assertThatThrownBy(() -> users.runAs(place.commune1Manager(),
                () -> plans.createFromTemplate("quoc-gia-hang-nam", 2027, place.province()))).isInstanceOf(AccessDeniedException.class);
        long id = users.runAs(place.admin(), () -> plans.createFromTemplate("quoc-gia-hang-nam", 2027, place.province()));
        assertThatThrownBy(() -> users.runAs(place.commune1Manager(), () -> plans.get(id))).isInstanceOf(AccessDeniedException.class);
        assertThat(users.runAs(place.commune1Manager(), () -> plans.list(2027))).extracting(Plan::id).doesNotContain(id);
    }

    @Test
    void bothShippedTemplatesAreReadAndAWrongFileIsRefusedWithItsLineAndField() {
        assertThat(templates.all()).extracting(PlanTemplate::code).contains("quoc-gia-hang-nam", "bo-nganh-2014");
        String wrong = """
                code: x
                name: X
                title: T
                tasks:
                  - content: A
                    months: [3, 13]
                """;
        assertThatThrownBy(() -> PlanTemplates.read("sai.yaml", new ByteArrayInputStream(wrong.getBytes(StandardCharsets.UTF_8))))
                .hasMessage("sai.yaml, line 6, field months: 13 is outside 1..12");
        String unknown = "code: x\nname: X\ntitle: T\ntasks:\n  - content: A\n    month: [3]\n";
        assertThatThrownBy(() -> PlanTemplates.read("sai.yaml", new ByteArrayInputStream(unknown.getBytes(StandardCharsets.UTF_8))))
                .hasMessageStartingWith("sai.yaml, line 6, field month: unknown field");
        List<String> texts = List.of(TaskTime.quarters(2027, 2, 2).text(), TaskTime.months(2027, 3, 2027, 3).text(),
                TaskTime.dates(LocalDate.of(2027, 3, 5), LocalDate.of(2027, 4, 9)).text());
        assertThat(texts).containsExactly("Quý II/2027", "Tháng 3/2027", "05/03/2027 - 09/04/2027");
    }
}
