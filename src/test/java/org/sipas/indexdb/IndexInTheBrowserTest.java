package org.sipas.indexdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sipas.collection.Axe;
import org.sipas.collection.Chromium;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A province's administrator in Debian's Chromium reads the ranking of 2024, the province's trend
 * (its line drawn from the table by the shared charts script) with the radar of its fields, and two
 * units side by side: axe finds no serious problem and no page is wider than a 360 px phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexInTheBrowserTest {

    private static final String PASSWORD = "Chỉ-số-2024-mạnh!";

    @LocalServerPort
    int port;
    @Autowired
    IndexFixtures fixtures;
    @Autowired
    IndexValues values;
    @Autowired
    CurrentUsers users;
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
    void theRankingTrendRadarAndComparisonPassAxeAt360And1280AndTheTrendIsDrawn() {
        IndexFixtures.Province p = fixtures.province("IBR");
        String csv = """
                unit_code,year,node_code,value
                %1$s,2023,LV7,12
                %1$s,2023,LV5,11
                %1$s,2024,LV7,13
                %1$s,2024,LV2,9
                %1$s,2024,LV3,12.5
                %1$s,2024,LV5,16
                %1$s,2024,LV1,0.5
                %2$s,2024,LV4,11
                %2$s,2024,LV2,9.5
                """.formatted(p.code(), "IBR-C1");
        users.runAs(p.nationalAdmin(), () -> values.importPublished("par.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "par-index-tinh"));
        accounts.create("ibr-quan-tri", "Quản trị IBR", p.province(), Set.of(Role.PROVINCE_ADMIN), PASSWORD);
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("ibr-quan-tri");
        browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> !d.getCurrentUrl().contains("/login"));

        browser.get(url("/indices"));
        check("the indices");
        browser.get(url("/indices/par-index-tinh?year=2024"));
        assertThat(browser.findElement(By.id("ranking")).getText()).contains("Tỉnh IBR").contains("51");
        check("the ranking of 2024");
        browser.get(url("/indices/par-index-tinh/units/" + p.code()));
        wait.until(d -> "1".equals(d.findElement(By.tagName("body")).getDomAttribute("data-charts-drawn")));
        assertThat(browser.findElements(By.cssSelector(".radar svg polygon"))).hasSize(5);
        check("the province's trend and radar");
        browser.get(url("/indices/par-index-tinh/compare?a=" + p.code() + "&b=IBR-C1&year=2024"));
        assertThat(browser.findElement(By.id("compare")).getText()).contains("Phường Một IBR");
        check("two units side by side");
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
