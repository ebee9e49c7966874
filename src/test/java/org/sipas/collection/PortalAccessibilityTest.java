package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.springframework.beans.factory.annotation.Autowired;

/** axe-core finds no serious accessibility problem on the open portal's pages: the form, its errors, a polite refusal. */
class PortalAccessibilityTest extends BrowserJourney {


    @Autowired
    FieldworkFixtures fixtures;

    PortalAccessibilityTest() {
        super(true);
    }

    @Test
    void thePortalPagesHaveNoSeriousAccessibilityViolation() {
        InField campaign = fixtures.inField("ONAXE", "mot-cua-2018", 10, Map.of("ONLINE", 1));
        jdbc.sql("INSERT INTO portal_survey (campaign_id, enabled, updated_by) VALUES (:c, true, 'test')")
                .param("c", campaign.campaignId()).update();
        List<String> violations = new ArrayList<>();

        browser.get(url("/s/portal/" + campaign.campaignId()));
        violations.addAll(Axe.seriousViolations(browser, "the portal form"));
        browser.findElement(By.id("portal-phone")).sendKeys("12");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector(".errors")).isEmpty());
        violations.addAll(Axe.seriousViolations(browser, "the portal form with errors"));
        browser.get(url("/s/portal/999999999"));
        violations.addAll(Axe.seriousViolations(browser, "a campaign without an open survey"));

        violations.forEach(System.out::println);
        assertThat(violations).as("serious or critical accessibility violations").isEmpty();
    }

}
