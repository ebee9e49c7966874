package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sipas.campaign.OpenCampaign;
import org.sipas.campaign.OpenSurveyFixtures;
import org.sipas.frame.PhoneHashes;
import org.sipas.identity.CurrentUsers;
import org.sipas.index.Tallies;
import org.sipas.reporting.ResultsApproval;
import org.sipas.reporting.Snapshot;
import org.sipas.web.Formats;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An open survey in Debian's Chromium with JavaScript on: the page's script solves the proof of
 * work and sends the address, the mailed code opens the questionnaire, and axe-core finds no
 * serious accessibility problem on the address and code steps; a survey publishing its results while
 * it takes answers shows its latest figures, dated and labelled as still collecting.
 */
class OpenSurveyInTheBrowserTest extends BrowserJourney {

    @Autowired
    OpenSurveyFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    PhoneHashes hashes;
    @Autowired
    Tallies tallies;
    @Autowired
    ResultsApproval approval;
    @Autowired
    CurrentUsers users;

    OpenSurveyInTheBrowserTest() {
        super(true);
    }

    @Test
    void theScriptSolvesTheProofOfWorkAndTheMailedCodeOpensTheQuestionnaire() {
        OpenSurveyFixtures.Started survey = fixtures.started("OPBR", OpenCampaign.Audience.PUBLIC, false);
        List<String> violations = new ArrayList<>();

        browser.get(url("/s/open/" + survey.campaignId()));
        violations.addAll(Axe.seriousViolations(browser, "the open survey's address step"));
        browser.findElement(By.id("open-email")).sendKeys("Trinh.Le@Example.VN");
        browser.findElement(By.cssSelector("#open-code-request button[type=submit]")).click();
        chromium.awaitPresent(By.id("open-code"));
        violations.addAll(Axe.seriousViolations(browser, "the open survey's code step"));

        String mail = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = 'trinh.le@example.vn' ORDER BY id DESC LIMIT 1")
                .query(String.class).single();
        Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(mail);
        assertThat(code.find()).isTrue();
        browser.findElement(By.id("open-code")).sendKeys(code.group(1));
        browser.findElement(By.cssSelector("form[action$='/verify'] button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().matches(".*/s/[A-Za-z0-9_-]{24}$"));

        assertThat(browser.getPageSource()).contains("Rất hài lòng");
        violations.forEach(System.out::println);
        assertThat(violations).as("serious or critical accessibility violations").isEmpty();
    }

    @Test
    void aSurveyPublishingWhileOpenShowsItsLatestFiguresDatedAndStillCollecting() {
        OpenSurveyFixtures.Started survey = fixtures.started("OPBW", OpenCampaign.Audience.PUBLIC, true, 24);
        for (int i = 0; i < 40; i++) {
            store.store(Submission.of(ResponseChannel.PORTAL, "mot-cua-2018", 1, survey.province(), Map.of("satisfaction", i < 30 ? "3" : "1"),
                    Instant.now().minusSeconds(120)).inCampaign(survey.campaignId()).withRespondentHash(hashes.email("opbw" + i + "@example.vn").orElseThrow()));
        }
        tallies.fold();
        Snapshot refreshed = users.runAs(survey.admin(), () -> approval.refreshBySetting(survey.campaignId(), LocalDate.now(Formats.ZONE)))
                .orElseThrow();

        browser.get(url("/portal/open-surveys/" + survey.campaignId()));
        assertThat(browser.findElement(By.id("as-of")).getText()).contains("Số liệu tính đến " + Formats.dateTime(refreshed.approvedAt()));
        assertThat(browser.findElement(By.id("still-collecting")).getText()).startsWith("Còn đang nhận phiếu");
        assertThat(browser.findElement(By.id("not-random")).getText()).contains("không phải là mẫu ngẫu nhiên");
        assertThat(browser.getPageSource()).contains("75,0%");
        List<String> violations = Axe.seriousViolations(browser, "an open survey's results while it takes answers");
        violations.forEach(System.out::println);
        assertThat(violations).as("serious or critical accessibility violations").isEmpty();
    }
}
