package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A citizen answers a campaign's open portal survey in Chromium with JavaScript off: picks the
 * unit, gives a phone, answers and is thanked; the same phone coming back is told it has answered.
 */
class PortalWithoutJavaScriptTest extends BrowserJourney {

    @Autowired
    FieldworkFixtures fixtures;

    PortalWithoutJavaScriptTest() {
        super(false);
    }

    @Test
    void aCitizenAnswersTheOpenSurveyOnceWithJavaScriptOff() {
        InField campaign = fixtures.inField("ONBRW", "mot-cua-2018", 10, Map.of("PHONE", 1));
        jdbc.sql("INSERT INTO portal_survey (campaign_id, enabled, updated_by) VALUES (:c, true, 'test')")
                .param("c", campaign.campaignId()).update();

        browser.get(url("/s/portal/" + campaign.campaignId()));
        new Select(browser.findElement(By.id("portal-unit"))).selectByVisibleText("Xã Hai ONBRW");
        browser.findElement(By.id("portal-phone")).sendKeys("0987 654 321");
        press("button[type=submit]");
        wait.until(ExpectedConditions.urlMatches("/s/[A-Za-z0-9_-]{24}$"));
        String token = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        assertThat(browser.findElement(By.cssSelector("p.unit")).getText()).contains("Xã Hai ONBRW");

        browser.findElement(By.id("a-satisfaction-3")).click();
        press("button[value=next]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Xem lại và gửi phiếu"));
        press("button[type=submit]");
        wait.until(ExpectedConditions.urlContains("/thanks"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cảm ơn Ông/Bà!");
        assertThat(jdbc.sql("SELECT channel FROM response WHERE token = :t").param("t", token).query(String.class).single())
                .isEqualTo("PORTAL");

        browser.get(url("/s/portal/" + campaign.campaignId()));
        new Select(browser.findElement(By.id("portal-unit"))).selectByVisibleText("Phường Một ONBRW");
        browser.findElement(By.id("portal-phone")).sendKeys("+84 987 654 321");
        press("button[type=submit]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Ông/Bà đã trả lời khảo sát này"));
    }

    private void press(String css) {
        WebElement button = browser.findElement(By.cssSelector(css));
        button.click();
        PageTurn.awaitReplaced(browser, button);
    }
}
