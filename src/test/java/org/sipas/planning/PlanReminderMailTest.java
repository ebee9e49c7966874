package org.sipas.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.sipas.web.Formats;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A task of an issued plan due within the reminder's working days reaches its lead unit's head
 * through a real SMTP server (GreenMail, in process), sent by feedback's mail outbox job; once per
 * task and deadline; a task further off, or of another unit, or of a draft plan, reminds nobody.
 */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=39261", "sipas.feedback.job-interval=300"})
class PlanReminderMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(39261, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static final String PASSWORD = "Kế-hoạch-2027-mạnh!";

    @Autowired
    PlanningFixtures fixtures;
    @Autowired
    Plans plans;
    @Autowired
    PlanReminders reminders;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;

    private static TaskForm task(String content, long lead, TaskTime time) {
        return new TaskForm(content, lead, null, List.of(), null, time, "Danh sách phúc tra", null, null);
    }

    @Test
    void theLeadUnitsHeadGetsOneReminderMailBeforeTheTasksEnd() throws Exception {
        PlanningFixtures.Province place = fixtures.province("PRM");
        accounts.create("prm-truong-1", "Trưởng phường PRM", place.commune1(), Set.of(Role.UNIT_MANAGER), PASSWORD);
        accounts.create("prm-truong-2", "Chủ tịch xã PRM", place.commune2(), Set.of(Role.UNIT_MANAGER), PASSWORD);
        for (String[] who : new String[][] {{"prm-truong-1", "truong-phuong@prm.example"}, {"prm-truong-2", "chu-tich-xa@prm.example"}}) {
            jdbc.sql("INSERT INTO notification_setting (username, email, email_on) VALUES (:u, :e, true)")
                    .param("u", who[0]).param("e", who[1]).update();
        }
        LocalDate today = LocalDate.now(Formats.ZONE);
        long issued = users.runAs(place.admin(), () -> plans.create(new PlanForm("Kế hoạch phúc tra PRM", place.province(), "3/KH-UBND",
                today, today.getYear(), null, null, null)));
        long draft = users.runAs(place.admin(), () -> plans.create(new PlanForm("Dự thảo PRM", place.province(), null, null,
                today.getYear(), null, null, null)));
        long soon = users.runAs(place.admin(), () -> plans.addTask(issued, null,
                task("Lập danh sách phúc tra PRM", place.commune1(), TaskTime.dates(today.minusDays(3), today.plusDays(1)))));
        users.runAs(place.admin(), () -> plans.addTask(issued, null,
                task("Tổng kết năm PRM", place.commune1(), TaskTime.dates(today, today.plusDays(60)))));
        users.runAs(place.admin(), () -> plans.addTask(draft, null,
                task("Việc của dự thảo PRM", place.commune2(), TaskTime.dates(today, today.plusDays(1)))));
        users.runAs(place.admin(), () -> {
            plans.setStatus(issued, PlanStatus.ISSUED);
            return null;
        });

        Instant now = Instant.now();
        assertThat(reminders.send(now)).isGreaterThanOrEqualTo(1);
        assertThat(reminders.send(now.plusSeconds(60))).as("once per task and deadline").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM plan_reminder WHERE task_id = :t").param("t", soon).query(Long.class).single()).isEqualTo(1);

        // feedback's mail job (every 300 ms here) sends the outbox: wait until the reminder's mail left it
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline && jdbc.sql("""
                SELECT count(*) FROM mail_outbox WHERE recipient = 'truong-phuong@prm.example' AND subject LIKE '[sipas] Nhiệm vụ%' AND sent_at IS NULL""")
                .query(Long.class).single() > 0) {
            Thread.sleep(200);
        }
        assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
        // the heads get other mail too (the monthly results): the plan's reminders are those with its subject
        List<MimeMessage> reminders = Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).startsWith("[sipas] Nhiệm vụ đến hạn")).toList();
        List<MimeMessage> toHead = reminders.stream().filter(m -> to(m).contains("truong-phuong@prm.example")).toList();
        assertThat(toHead).hasSize(1);
        assertThat(toHead.get(0).getSubject()).contains("Lập danh sách phúc tra PRM").contains(Formats.DATE.format(today.plusDays(1)));
        assertThat(reminders.stream().filter(m -> to(m).contains("chu-tich-xa@prm.example")))
                .as("a draft plan's task reminds nobody").isEmpty();
        assertThat(jdbc.sql("SELECT link FROM inbox_message WHERE username = 'prm-truong-1' AND link LIKE '/plans/%'").query(String.class).list())
                .containsExactly("/plans/" + issued + "/tasks/" + soon);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
