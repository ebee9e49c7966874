package org.sipas.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.ResponseChannel;
import org.sipas.collection.ResponseStore;
import org.sipas.collection.Submission;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.sipas.index.CampaignEstimates;
import org.sipas.index.Domain;
import org.sipas.index.DomainEstimate;
import org.sipas.index.Estimates;
import org.sipas.index.IndexEstimate;
import org.sipas.index.Series;
import org.sipas.index.Tallies;
import org.sipas.web.Formats;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly results reach the unit head through a real SMTP server (GreenMail, in process), with
 * the unit's figures as the index engine computes them; a unit excluded for the month gets none;
 * sending again sends nothing.
 */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=39251"})
class MonthlyResultsMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(39251, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    Inbox inbox;
    @Autowired
    MonthlyResults monthly;
    @Autowired
    MailDispatch mail;
    @Autowired
    Estimates estimates;
    @Autowired
    Tallies tallies;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theUnitHeadGetsTheMonthsFiguresEqualToTheEnginesAndAnExcludedUnitGetsNone() throws Exception {
        FieldworkFixtures.InField field = fixtures.inField("FBM", "mot-cua-2018", 40, Map.of("PHONE", 1));
        String[] ratings = {"1", "2", "3", "2", "3", "3", "1", "2", "3", "2", "3", "2"};
        int i = 0;
        for (FieldCase c : field.cases().stream().filter(c -> c.unitId() == field.commune1()).limit(12).toList()) {
            store.store(Submission.of(ResponseChannel.CATI, "mot-cua-2018", 1, c.unitId(), Map.of("satisfaction", ratings[i++]),
                    Instant.now().minusSeconds(600)).forCase(c.campaignId(), c.stratumId(), c.id(), c.dossierId()).collectedBy("dtv-fbm"));
        }
        for (String rating : List.of("1", "3", "3")) {
            store.store(Submission.of(ResponseChannel.KIOSK, "mot-cua-2018", 1, field.commune1(), Map.of("satisfaction", rating),
                    Instant.now().minusSeconds(60)).inCampaign(field.campaignId()));
        }
        tallies.fold();
        accounts.create("fbm-head-1", "Trưởng phường FBM", field.commune1(), Set.of(Role.UNIT_MANAGER), FeedbackFixtures.PASSWORD);
        accounts.create("fbm-head-2", "Chủ tịch xã FBM", field.commune2(), Set.of(Role.UNIT_MANAGER), FeedbackFixtures.PASSWORD);
        inbox.save("fbm-head-1", "truong-phuong@fbm.example", true);
        inbox.save("fbm-head-2", "chu-tich-xa@fbm.example", true);
        YearMonth month = YearMonth.now(Formats.ZONE);
        users.runAs(field.admin(), () -> {
            monthly.exclude(field.commune2(), month, "Đơn vị đang sáp nhập, chưa đủ số phiếu", "admin-fbm");
            return null;
        });

        Instant now = Instant.now();
        monthly.send(month, now);
        mail.send(now);
        assertThat(monthly.send(month, now.plusSeconds(60))).as("sent once a month").isZero();
        mail.send(now.plusSeconds(60));

        List<MimeMessage> toHead = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> Arrays.toString(unchecked(m)).contains("truong-phuong@fbm.example")).toList();
        assertThat(toHead).hasSize(1);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> Arrays.toString(unchecked(m)).contains("chu-tich-xa@fbm.example")))
                .as("the excluded unit").isEmpty();
        String body = GreenMailUtil.getBody(toHead.get(0));
        String text = new String(jakarta.mail.internet.MimeUtility.decode(new java.io.ByteArrayInputStream(body.getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)), "quoted-printable").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        // the engine's own figures of the commune for the month, asked the way any reader asks
        IndexEstimate sampled = figure(Series.SAMPLED, field, month);
        IndexEstimate counter = figure(Series.COUNTER, field, month);
        assertThat(sampled.n()).isEqualTo(12);
        assertThat(text).contains(pct(sampled.estimatePct())).contains(pct(sampled.ci95Low())).contains(pct(sampled.ci95High()))
                .contains("n = 12");
        assertThat(counter.n()).isEqualTo(3);
        assertThat(text).contains(pct(counter.unweightedPct())).contains("n = 3").contains("không phải mẫu ngẫu nhiên");
        assertThat(text).contains("Vụ việc đang mở / open cases:");
        assertThat(jdbc.sql("SELECT count(*) FROM monthly_results WHERE unit_id = :u AND month = :m").param("u", field.commune2())
                .param("m", month.atDay(1)).query(Long.class).single()).isZero();
    }

    private IndexEstimate figure(Series series, FieldworkFixtures.InField field, YearMonth month) {
        CampaignEstimates found = users.runAs(field.admin(), () -> estimates.of(field.campaignId(), Domain.MONTH, "FBM-C1", series));
        DomainEstimate domain = found.domains().stream().filter(d -> d.code().equals(month.toString())).findFirst().orElseThrow();
        return domain.figures().get(0);
    }

    /** Vietnamese percent with two decimals, written apart from the mail's own formatter: 85,48 %. */
    private static String pct(double value) {
        java.text.DecimalFormat format = new java.text.DecimalFormat("0.00", java.text.DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi")));
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format.format(value) + " %";
    }

    private static Object[] unchecked(MimeMessage m) {
        try {
            return m.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
