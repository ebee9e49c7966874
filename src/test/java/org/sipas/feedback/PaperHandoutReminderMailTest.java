package org.sipas.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.identity.CurrentUser;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.SignedIn;
import org.sipas.identity.StaffAccounts;
import org.sipas.web.Formats;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An overdue paper hand-out reaches the counter officer who holds it through a real SMTP server
 * (GreenMail, in process, as the monthly results mail): once, and only for the batch past its
 * working days.
 */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=39251"})
@AutoConfigureMockMvc
class PaperHandoutReminderMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(39251, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    MockMvc mvc;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    Inbox inbox;
    @Autowired
    PaperHandoutReminders reminders;
    @Autowired
    MailDispatch mail;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aBatchPastItsFiveWorkingDaysIsRemindedByMailOnceAndAFreshOneIsNot() throws Exception {
        FieldworkFixtures.InField field = fixtures.inField("PHM", "mot-cua-2018", 4, Map.of("PAPER", 1));
        long nation = jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single();
        users.runAs(new CurrentUser("admin", Set.of(Role.ADMIN), nation),
                () -> accounts.create("motcua-phm", "Công chức một cửa PHM", field.commune1(), Set.of(Role.DATA_ENTRY), FeedbackFixtures.PASSWORD));
        inbox.save("motcua-phm", "mot-cua@phm.example", true);
        mvc.perform(post("/campaigns/" + field.campaignId() + "/paper/blank").with(SignedIn.as(field.admin())).with(csrf())
                        .param("unit", Long.toString(field.commune1())).param("copies", "8"))
                .andExpect(status().is3xxRedirection());
        LocalDate today = LocalDate.now(Formats.ZONE);
        // a month ago: past 5 working days whatever the holidays; and one handed today, not due yet
        hand(field, "1-5", today.minusDays(30));
        hand(field, "6-8", today);
        long returned = 3;
        mvc.perform(post("/campaigns/" + field.campaignId() + "/paper/handout/returns").with(SignedIn.as(field.admin())).with(csrf())
                        .param("numbers", "1-3").param("state", "RETURNED_FILLED"))
                .andExpect(flash().attribute("doneCount", (int) returned));

        Instant now = Instant.now();
        reminders.remind(now);
        assertThat(reminders.remind(now.plusSeconds(60))).as("reminded once").isZero();
        mail.send(now.plusSeconds(60));

        List<String> told = jdbc.sql("SELECT subject FROM inbox_message WHERE username = 'motcua-phm'").query(String.class).list();
        assertThat(told).hasSize(1);
        assertThat(told.get(0)).contains("2 phiếu giấy quá hạn chưa thu về").contains("2 paper questionnaires overdue");
        assertThat(jdbc.sql("SELECT count(*) FROM inbox_message WHERE username = :u AND link = :l")
                .param("u", field.admin().name()).param("l", "/campaigns/" + field.campaignId() + "/paper/handout")
                .query(Long.class).single()).as("whoever handed it out is told too").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM paper_batch WHERE campaign_id = :c AND reminded_at IS NOT NULL")
                .param("c", field.campaignId()).query(Long.class).single()).as("the fresh batch is not reminded").isEqualTo(1);

        List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipients(m).contains("mot-cua@phm.example")).toList();
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains("phiếu giấy quá hạn");
    }

    private void hand(FieldworkFixtures.InField field, String numbers, LocalDate on) throws Exception {
        mvc.perform(post("/campaigns/" + field.campaignId() + "/paper/handout").with(SignedIn.as(field.admin())).with(csrf())
                        .param("unit", Long.toString(field.commune1())).param("kind", "COUNTER").param("recipient", "motcua-phm")
                        .param("numbers", numbers).param("handedOn", on.toString()))
                .andExpect(flash().attribute("done", "paper.handout.done"));
    }

    private static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
