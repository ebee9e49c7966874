package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sipas.campaign.OpenCampaign;
import org.sipas.campaign.OpenSurveyFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An open survey in Debian's Chromium with JavaScript on: the page's script solves the proof of
 * work and sends the address, the mailed code opens the questionnaire, and axe-core finds no
 * serious accessibility problem on the address and code steps.
 */
class OpenSurveyInTheBrowserTest extends BrowserJourney {

    @Autowired
    OpenSurveyFixtures fixtures;

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
}
