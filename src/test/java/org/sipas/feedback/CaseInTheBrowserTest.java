package org.sipas.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/** A unit head in Debian's Chromium opens a case from the inbox, acknowledges it, resolves it with a root cause, and the statistics move. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseInTheBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    FeedbackFixtures fixtures;
    @Autowired
    CaseOpener opener;
    @Autowired
    JdbcClient jdbc;
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
    void aManagerOpensACaseFromTheInboxAcknowledgesAndResolvesItAndTheStatisticsChange() {
        FeedbackFixtures.Place place = fixtures.place("FBB", 2);
        fixtures.rate(place, 0, "1", Map.of("reasons", "thai_do"), "fbb-key-0");
        opener.drain(Instant.now());
        long id = jdbc.sql("SELECT c.id FROM feedback_case c JOIN dossier d ON d.id = c.dossier_id WHERE d.receipt_code = :r")
                .param("r", place.dossier(0)).query(Long.class).single();

        WebDriverWait wait = signIn(place.communeHead());

        browser.get(url("/cases"));
        assertThat(resolvedOf(place)).isEqualTo("0");

        browser.get(url("/inbox"));
        assertThat(Axe.seriousViolations(browser, "the inbox")).isEmpty();
        long message = jdbc.sql("SELECT id FROM inbox_message WHERE case_id = :c AND username = :u").param("c", id)
                .param("u", place.communeHead()).query(Long.class).single();
        browser.findElement(By.id("open-" + message)).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/cases/" + id));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("Mới");

        browser.findElement(By.id("to-ACKNOWLEDGED")).click();
        wait.until(d -> d.findElement(By.id("state")).getText().equals("Đã tiếp nhận"));

        new Select(browser.findElement(By.id("rootCause"))).selectByValue("attitude");
        browser.findElement(By.id("actionTaken")).sendKeys("Nhắc nhở công chức, xin lỗi người dân");
        browser.findElement(By.id("to-RESOLVED")).click();
        wait.until(d -> d.findElement(By.id("state")).getText().equals("Đã giải quyết"));
        assertThat(browser.findElement(By.id("steps")).getText()).contains("RESOLVED").contains("attitude");

        browser.get(url("/cases"));
        assertThat(resolvedOf(place)).isEqualTo("1");
        assertThat(jdbc.sql("SELECT state FROM feedback_case WHERE id = :c").param("c", id).query(String.class).single())
                .isEqualTo("RESOLVED");

        browser.get(url("/feedback/settings"));
        assertThat(Axe.seriousViolations(browser, "the notification settings")).isEmpty();
    }

    @Test
    void theRulesPreviewTheConsentPageAndTheSettingsPassAxeForAnAdministrator() {
        FeedbackFixtures.Place place = fixtures.place("FBA", 1);
        fixtures.rate(place, 0, "1", Map.of("reasons", "thai_do"), "fba-key-0");
        String admin = "fba-quan-tri";
        accounts.create(admin, "Quản trị FBA", jdbc.sql("SELECT id FROM unit WHERE code = 'VN'").query(Long.class).single(),
                java.util.Set.of(Role.ADMIN), FeedbackFixtures.PASSWORD);
        long rule = jdbc.sql("SELECT id FROM alert_rule WHERE methodology_code = 'mot-cua-2018' AND code = 'not-satisfied'")
                .query(Long.class).single();
        signIn(admin);

        browser.get(url("/feedback/rules?preview=" + rule));
        assertThat(browser.findElement(By.id("preview")).getText()).contains("not-satisfied");
        assertThat(Axe.seriousViolations(browser, "the rules editor with a preview")).isEmpty();
        browser.get(url("/feedback/consent"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đồng ý được liên hệ");
        assertThat(Axe.seriousViolations(browser, "the consent page")).isEmpty();
        browser.get(url("/feedback/settings"));
        assertThat(Axe.seriousViolations(browser, "the settings as an administrator")).isEmpty();
    }

    /** Signs in afresh (the other test's session dropped) and waits for the first page. */
    private WebDriverWait signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(FeedbackFixtures.PASSWORD, Keys.ENTER);
        // a step posts the form and the page comes back: an element read while it reloads is stale, read again
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).ignoring(org.openqa.selenium.NoSuchElementException.class);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        return wait;
    }

    private String resolvedOf(FeedbackFixtures.Place place) {
        return browser.findElements(By.cssSelector("#stats-unit tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("th")).getText().equals("Phường Một " + place.prefix()))
                .map(r -> r.findElement(By.cssSelector("td.resolved")).getText()).findFirst().orElse("0");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
