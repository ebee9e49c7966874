package org.sipas.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sipas.collection.Axe;
import org.sipas.collection.Chromium;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A province's administrator in Debian's Chromium makes the plan of 2027 from the national cycle,
 * reads its table and timeline, writes a progress note on a task and opens the due list: axe finds
 * no serious problem and no page is wider than a 360 px phone (the timeline scrolls in its frame).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanInTheBrowserTest {

    private static final String PASSWORD = "Kế-hoạch-2027-mạnh!";

    @LocalServerPort
    int port;
    @Autowired
    PlanningFixtures fixtures;
    @Autowired
    StaffAccounts accounts;

    Chromium chromium;
    WebDriver browser;

    @BeforeAll
    void startChromium() throws IOException {
        chromium = Chromium.start(true);
        browser = chromium.driver();
    }

    @AfterAll
    void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anAdministratorMakesThePlanOf2027FromTheNationalCycleNotesProgressAndEveryPagePassesAxeAt360And1280() {
        PlanningFixtures.Province place = fixtures.province("PBR");
        accounts.create("pbr-quan-tri", "Quản trị PBR", place.province(), Set.of(Role.PROVINCE_ADMIN), PASSWORD);
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("pbr-quan-tri");
        browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).ignoring(org.openqa.selenium.NoSuchElementException.class);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));

        browser.get(url("/plans"));
        check("the plans");
        new Select(browser.findElement(By.name("template"))).selectByValue("quoc-gia-hang-nam");
        var year = browser.findElement(By.cssSelector("#from-template input[name=year]"));
        year.clear();
        year.sendKeys("2027");
        browser.findElement(By.cssSelector("#from-template button")).click();
        wait.until(d -> d.getCurrentUrl().matches(".*/plans/\\d+$"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).endsWith("năm 2027");
        assertThat(browser.findElements(By.cssSelector("#tasks tbody tr"))).hasSize(8 + 23);
        assertThat(browser.findElements(By.cssSelector("#timeline thead th"))).hasSize(1 + 12);
        check("the plan with its timeline");

        browser.findElement(By.linkText("Điều tra xã hội học đo lường sự hài lòng năm 2027")).click();
        wait.until(d -> d.getCurrentUrl().contains("/tasks/"));
        browser.findElement(By.name("body")).sendKeys("Đã ký hợp đồng phát, thu phiếu");
        browser.findElement(By.cssSelector("#note-form button")).click();
        wait.until(d -> d.findElement(By.id("notes")).isDisplayed() && d.getPageSource().contains("Đã ký hợp đồng phát, thu phiếu"));
        check("a task with its note");

        browser.get(url("/plans/due?unit=PBR-P&days=366"));
        assertThat(browser.findElement(By.id("due")).getText()).contains("In tài liệu, báo cáo phục vụ Hội nghị công bố");
        check("the due list");
    }

    private void check(String page) {
        for (int width : new int[] {360, 1280}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            long scroll = ((Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth")).longValue();
            long inner = ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth")).longValue();
            assertThat(scroll).as(page + " at " + width + " px").isLessThanOrEqualTo(inner);
            assertThat(Axe.seriousViolations(browser, page + " at " + width + " px")).isEmpty();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
