package org.sipas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.Axe;
import org.sipas.collection.Chromium;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff pages in Debian's Chromium at a phone's 360 px and at a desktop's 1280 px: none is
 * wider than the window (a wide table scrolls inside its own frame, which the keyboard can
 * reach), axe-core finds no serious problem, and the grouped navigation opens. Screenshots are
 * kept under {@code target/screenshots/staff/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffPagesInTheBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots", "staff");

    @LocalServerPort
    int port;
    @Autowired
    FieldworkFixtures fixtures;

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
    void everyPageTheAdministratorOpensFitsAPhoneAndADesktop() throws IOException {
        FieldworkFixtures.InField field = fixtures.inField("SPB", "mot-cua-2018", 120, Map.of("ONLINE", 1));
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("test-admin-password", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));

        List<String> pages = new ArrayList<>();
        Navigation.pages().forEach(p -> pages.add(p.path()));
        pages.removeAll(List.of("/cati", "/capi", "/paper/entry", "/rechecks", "/partner/cases")); // the interviewers', clerks', re-checkers' and partners' own
        long id = field.campaignId();
        pages.addAll(List.of("/campaigns/" + id, "/campaigns/" + id + "/response-rates", "/campaigns/" + id + "/slips",
                "/campaigns/new", "/methodologies/mot-cua-2018/1", "/dashboards?campaign=" + id, "/account/password",
                "/campaigns/" + id + "/sample-review", "/campaigns/" + id + "/paper/handout", "/campaigns/" + id + "/training",
                "/campaigns/" + id + "/training/quiz", "/training/" + id + "/practice/1"));

        Files.createDirectories(SHOTS);
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {360, 1280}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            for (String page : pages) {
                browser.get("http://localhost:" + port + page);
                JavascriptExecutor js = (JavascriptExecutor) browser;
                long inner = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
                long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
                if (scroll > inner) {
                    problems.add(width + " px " + page + ": " + scroll + " px wide");
                }
                problems.addAll(Axe.seriousViolations(browser, width + " px " + page));
                String name = page.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
                Files.write(SHOTS.resolve((name.isEmpty() ? "home" : name) + "-" + width + ".png"),
                        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theNavigationGroupsOpenAndLeadToTheirPages() {
        browser.manage().window().setSize(new Dimension(360, 900));
        browser.get("http://localhost:" + port + "/login");
        if (browser.getCurrentUrl().contains("/login")) {
            browser.findElement(By.id("username")).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys("test-admin-password", Keys.ENTER);
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
        }
        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.xpath("//nav[@class='menu']//summary[.='Khảo sát']")).click();
        browser.findElement(By.xpath("//nav[@class='menu']//a[.='Đợt khảo sát']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/campaigns"));
        assertThat(browser.findElement(By.cssSelector("nav.menu a[aria-current='page']")).getAttribute("textContent")).isEqualTo("Đợt khảo sát");
    }
}
