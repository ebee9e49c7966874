package org.sipas.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.sipas.SipasApplication;
import org.sipas.collection.Axe;
import org.sipas.collection.Chromium;
import org.sipas.reporting.Publications;
import org.sipas.reporting.Snapshot;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The public portal of the demo, as a fresh installation shows it, in Debian's Chromium: with
 * JavaScript the map, the ranking chart and the trend chart are drawn; without it the map (server
 * SVG) and every table are there and no empty chart box is; axe-core finds no serious violation.
 * A screenshot of the page is kept under {@code target/browser-artifacts/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalInTheBrowserTest {

    static final Path ARTIFACTS = Path.of("target", "browser-artifacts");

    @TempDir
    static Path dir;

    ConfigurableApplicationContext app;
    int port;
    Snapshot demo;
    boolean withMap;

    @BeforeAll
    void startTheDemo() {
        withMap = Files.isReadable(ProvinceBoundariesTest.SHARED_BOUNDARIES);
        app = new SpringApplicationBuilder(SipasApplication.class).run("--server.port=0",
                "--sipas.demo.enabled=true", "--sipas.demo.dossiers=3000", "--sipas.admin.password=portal-browser-test-password",
                "--sipas.db.embedded.shared-in-jvm=false", "--sipas.db.embedded.shared-buffers=128MB",
                "--sipas.db.embedded.data-dir=" + dir.resolve("pg"), "--sipas.contacts.key-dir=" + dir.resolve("keys"),
                "--sipas.portal.demo-boundaries=" + (withMap ? ProvinceBoundariesTest.SHARED_BOUNDARIES.toAbsolutePath() : ""));
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        demo = app.getBean(Publications.class).published().get(0);
    }

    @AfterAll
    void stopTheDemo() {
        if (app != null) {
            app.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void withJavaScriptTheMapTheRankingAndTheTrendAreDrawnAndTheyPassAxe() throws Exception {
        try (Chromium chromium = Chromium.start(true)) {
            WebDriver browser = chromium.driver();
            browser.get(url("/portal/campaigns/" + demo.campaignId()));
            chromium.waitUpTo(Chromium.PATIENCE).until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-charts-drawn") != null);

            Files.createDirectories(ARTIFACTS);
            Files.writeString(ARTIFACTS.resolve("portal-campaign.html"), browser.getPageSource());
            assertThat(browser.findElements(By.cssSelector("[data-chart='bar'] canvas"))).as("the ranking chart").isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("[data-chart='line'] canvas"))).as("the trend chart").isNotEmpty();
            assertThat(Integer.parseInt(browser.findElement(By.tagName("body")).getDomAttribute("data-charts-drawn"))).isEqualTo(2);
            if (withMap) {
                assertThat(browser.findElements(By.cssSelector("svg.map path.province"))).hasSize(34);
                assertThat(browser.findElements(By.cssSelector("svg.map path.province:not(.none)"))).as("Đồng Nai shaded").hasSize(1);
            }
            assertThat(Axe.seriousViolations(browser, "the portal's campaign page")).isEmpty();
            chromium.screenshotWholePage(ARTIFACTS.resolve("portal-campaign.png"));

            browser.get(url("/portal/campaigns/" + demo.campaignId() + "/provinces/" + demo.scopeUnitCode()));
            chromium.waitUpTo(Chromium.PATIENCE).until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-charts-drawn") != null);
            assertThat(Axe.seriousViolations(browser, "the portal's province page")).isEmpty();
            browser.get(url("/"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Chỉ số hài lòng về sự phục vụ hành chính");
            assertThat(Axe.seriousViolations(browser, "the portal's home")).isEmpty();
            chromium.screenshot(ARTIFACTS.resolve("portal-home.png"));
        }
    }

    @Test
    void withoutJavaScriptTheTablesAndTheMapAreThereAndNoEmptyChartBox() throws Exception {
        try (Chromium chromium = Chromium.start(false)) {
            WebDriver browser = chromium.driver();
            browser.get(url("/portal/campaigns/" + demo.campaignId() + "?lang=en"));

            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(demo.campaignName());
            assertThat(rows(browser, "province-table")).isNotEmpty();
            assertThat(rows(browser, "unit-ranking")).hasSize(demo.figures(org.sipas.index.Series.SAMPLED,
                    org.sipas.index.Domain.UNIT).domains().size());
            assertThat(rows(browser, "trend-table")).hasSize(1);
            assertThat(rows(browser, "index-table")).hasSize(22 + 5 + 1);
            assertThat(browser.findElements(By.cssSelector(".portal-chart")))
                    .allSatisfy(chart -> assertThat(chart.isDisplayed()).isFalse());
            if (withMap) {
                assertThat(browser.findElements(By.cssSelector("svg.map path.province"))).hasSize(34);
            }
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("Overall satisfaction index");
            chromium.screenshotWholePage(ARTIFACTS.resolve("portal-campaign-no-javascript.png"));
        }
    }

    @Test
    void theHomeDrawsTheNationalSipasTrendOfTheIndexDatabaseWithItsTableBesideIt() throws Exception {
        try (Chromium chromium = Chromium.start(true)) {
            WebDriver browser = chromium.driver();
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
            browser.get(url("/portal"));
            chromium.waitUpTo(Chromium.PATIENCE).until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-charts-drawn") != null);

            // the demo's national series as the ministry published it: 2017 and 2019-2024 (no 2018 figure)
            List<WebElement> years = rows(browser, "national-table");
            assertThat(years).extracting(r -> r.findElement(By.tagName("th")).getText())
                    .containsExactly("2017", "2019", "2020", "2021", "2022", "2023", "2024");
            assertThat(years.get(years.size() - 1).getText()).contains("83,94");
            assertThat(years.get(0).getDomAttribute("data-value")).isEqualTo("81");
            WebElement chart = browser.findElement(By.cssSelector("#national-trend [data-chart='line']"));
            assertThat(chart.findElements(By.tagName("canvas"))).as("the national trend is drawn").isNotEmpty();
            WebElement table = browser.findElement(By.cssSelector("#national-trend .table-wrap"));
            assertThat(table.getRect().getX()).as("the table beside the chart").isGreaterThanOrEqualTo(chart.getRect().getX() + chart.getRect().getWidth());
            assertThat(table.getRect().getY()).as("at the chart's height").isLessThan(chart.getRect().getY() + chart.getRect().getHeight());
            assertThat(Axe.seriousViolations(browser, "the portal's home with the national trend")).isEmpty();
            Files.createDirectories(ARTIFACTS);
            chromium.screenshotWholePage(ARTIFACTS.resolve("portal-home-national-trend.png"));

            // on a phone the table goes under its chart and the page does not scroll sideways
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(360, 900));
            chart = browser.findElement(By.cssSelector("#national-trend [data-chart='line']"));
            table = browser.findElement(By.cssSelector("#national-trend .table-wrap"));
            assertThat(table.getRect().getY()).isGreaterThanOrEqualTo(chart.getRect().getY() + chart.getRect().getHeight());
            Object scroll = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth");
            assertThat(scroll).isEqualTo(true);
        }
        try (Chromium chromium = Chromium.start(false)) {
            WebDriver browser = chromium.driver();
            browser.get(url("/portal?lang=en"));
            assertThat(browser.findElement(By.id("national-heading")).getText()).isEqualTo("The national SIPAS index over the years");
            assertThat(rows(browser, "national-table")).hasSize(7);
            assertThat(browser.findElement(By.cssSelector("#national-trend .portal-chart")).isDisplayed()).as("no empty chart box").isFalse();
        }
    }

    private static List<WebElement> rows(WebDriver browser, String table) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr"));
    }
}
