package org.sipas.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.Axe;
import org.sipas.collection.InTheBrowser;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.sipas.index.Tallies;
import org.sipas.quality.ReviewDecisions;
import org.sipas.reporting.ResultsApproval;
import org.sipas.web.Formats;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A commune's head in Debian's Chromium, after the province's results are published, finds the
 * improvement-plan task in the due list, files the plan from its lowest criteria and later reports
 * what was done; the province reads the summary. Axe finds no serious problem and no page is wider
 * than a 360 px phone.
 */
class ResultsUseInTheBrowserTest extends InTheBrowser {

    private static final String PASSWORD = "Cải-thiện-2027-mạnh!";

    @Autowired
    FieldworkFixtures fieldwork;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReviewDecisions reviews;
    @Autowired
    ResultsApproval approval;
    @Autowired
    Tallies tallies;
    @Autowired
    CurrentUsers users;
    @Autowired
    StaffAccounts accounts;

    @Test
    void aCommunesHeadFilesTheImprovementPlanFromItsLowestCriteriaReportsTheOutcomeAndTheProvinceReadsTheSummary() {
        PublishedForPlanning p = new PublishedForPlanning(fieldwork, store, jdbc, reviews, approval, tallies, users, "IMB", 15);
        accounts.create("imb-truong-1", "Trưởng phường IMB", p.field.commune1(), Set.of(Role.UNIT_MANAGER), PASSWORD);
        accounts.create("imb-tinh", "Quản trị tỉnh IMB", p.field.province(), Set.of(Role.PROVINCE_ADMIN), PASSWORD);
        signIn("imb-truong-1", PASSWORD);

        open("/plans/due?days=31");
        browser.findElement(By.linkText("Lập phương án cải thiện sau công bố kết quả " + p.snapshot.campaignName())).click();
        wait.until(d -> d.getCurrentUrl().matches(".*/tasks/\\d+$"));
        browser.findElement(By.cssSelector("#results-use a")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/improvement"));
        List<WebElement> weaknesses = browser.findElements(By.cssSelector("#weaknesses tbody tr"));
        assertThat(weaknesses).hasSize(5);
        String lowest = weaknesses.get(0).findElement(By.tagName("th")).getText();
        checkAtPhoneAndDesktop("the improvement-plan form");

        WebElement first = browser.findElements(By.cssSelector("#improvement-form fieldset")).get(0);
        assertThat(new Select(first.findElement(By.name("criterion"))).getFirstSelectedOption().getText()).startsWith(lowest);
        first.findElement(By.name("measure")).sendKeys("Niêm yết quy trình, hướng dẫn bằng hình ảnh tại bộ phận một cửa");
        first.findElement(By.name("owner")).sendKeys("Bộ phận một cửa");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", first.findElement(By.name("due")),
                LocalDate.now(Formats.ZONE).plusDays(60).toString());
        // the other offered weaknesses stay unused: their rows hold only the pre-selected criterion
        for (WebElement unused : browser.findElements(By.cssSelector("#improvement-form fieldset")).subList(1, 8)) {
            new Select(unused.findElement(By.name("criterion"))).selectByValue("");
        }
        browser.findElement(By.cssSelector("#improvement-form button")).click();
        assertThat(chromium.awaitPresent(By.id("measures")).getText()).contains(lowest).contains("Bộ phận một cửa");
        checkAtPhoneAndDesktop("the improvement plan filed");

        WebElement outcome = browser.findElement(By.cssSelector("#measures select"));
        new Select(outcome).selectByValue("DONE");
        browser.findElement(By.cssSelector("#outcome-form button")).click();
        wait.until(d -> d.findElements(By.cssSelector("#measures select")).isEmpty());
        assertThat(browser.findElement(By.id("measures")).getText()).contains("Hoàn thành");
        checkAtPhoneAndDesktop("the outcomes reported");

        signIn("imb-tinh", PASSWORD);
        open("/plans/index-use");
        assertThat(browser.findElement(By.id("index-use")).getText()).contains("Phường Một IMB").contains("1/1").contains("Xã Hai IMB");
        checkAtPhoneAndDesktop("the summary of who filed what");
    }

}
