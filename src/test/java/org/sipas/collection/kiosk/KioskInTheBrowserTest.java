package org.sipas.collection.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.Axe;
import org.sipas.collection.InTheBrowser;
import org.sipas.identity.CurrentUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kiosk in Debian's Chromium on a landscape tablet's screen, JavaScript on: citizens rate one
 * after another and the kiosk resets itself after each; with the network cut the ratings are
 * queued on the tablet and arrive once each when it is back; axe-core finds no serious problem.
 */
class KioskInTheBrowserTest extends InTheBrowser {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    Kiosks kiosks;
    @Autowired
    CurrentUsers users;

    CounterUnits units;

    @BeforeAll
    void aTabletAtTheCounter() {
        browser.manage().window().setSize(new Dimension(1280, 800));
        units = new CounterUnits(fixtures, jdbc, kiosks, users, "KBROW");
    }

    @Test
    void threeCitizensRateInARowAndTheKioskResetsAfterEach() {
        Kiosks.Issued issued = units.kiosk("Quầy KBROW 1", true, false);
        browser.get(url("/k/" + issued.key()));

        rate("3", "KBROW-CC1");
        rate("2", "");
        rate("1", "KBROW-CC2");

        wait.until(d -> ratings(issued).size() == 3);
        assertThat(ratings(issued)).containsExactlyInAnyOrder(
                Map.of("satisfaction", "3", "official", "KBROW-CC1"),
                Map.of("satisfaction", "2"),
                Map.of("satisfaction", "1", "official", "KBROW-CC2"));
        assertThat(queued()).isZero();
    }

    @Test
    void ratingsPressedWhileTheNetworkIsDownArriveOnceEachWhenItIsBack() {
        Kiosks.Issued issued = units.kiosk("Quầy KBROW 2", false, false);
        browser.get(url("/k/" + issued.key()));
        wait.until(d -> d.findElement(By.id("step-rating")).isDisplayed());

        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        browser.setNetworkConditions(offline);
        try {
            rate("3", null);
            rate("1", null);
            assertThat(queued()).isEqualTo(2);
            WebElement note = browser.findElement(By.id("queued"));
            assertThat(note.isDisplayed()).isTrue();
            assertThat(note.getText()).startsWith("2 đánh giá đang chờ gửi");
            assertThat(ratings(issued)).as("nothing reaches the server while the network is down").isEmpty();
        } finally {
            browser.deleteNetworkConditions();
        }

        // the tablet sends its queue by itself: on the browser's "online" event or its periodic retry
        wait.withTimeout(Duration.ofSeconds(40)).until(d -> queued() == 0);
        assertThat(ratings(issued)).containsExactlyInAnyOrder(Map.of("satisfaction", "3"), Map.of("satisfaction", "1"));
        assertThat(browser.findElement(By.id("queued")).isDisplayed()).isFalse();

        // an answer lost on the way back: the tablet sends the same rating again, and it is still stored once
        String sentAgain = jdbc.sql("SELECT idempotency_key FROM response WHERE kiosk_id = :k ORDER BY id LIMIT 1")
                .param("k", issued.kiosk().id()).query(String.class).single().replace("kiosk-" + issued.kiosk().id() + "-", "");
        ((JavascriptExecutor) browser).executeScript("""
                localStorage.setItem('sipas-kiosk-queue:' + arguments[0], JSON.stringify([{id: arguments[1], level: 3}]));
                window.dispatchEvent(new Event('online'));""", issued.kiosk().id(), sentAgain);
        wait.until(d -> "[]".equals(((JavascriptExecutor) d).executeScript(
                "return localStorage.getItem('sipas-kiosk-queue:' + arguments[0])", issued.kiosk().id())));
        assertThat(ratings(issued)).hasSize(2);
    }

    /**
     * The service worker keeps the last copy of the kiosk page and its files, to answer with when the
     * network fails. (Chromium's network emulation cuts the page's requests, not the service worker's
     * own, so a reload "offline" here would still reach the server: what is checked is the kept copy.)
     */
    @Test
    void theServiceWorkerKeepsTheKioskPageForANetworkDrop() {
        Kiosks.Issued issued = units.kiosk("Quầy KBROW 4", false, false);
        browser.get(url("/k/" + issued.key()));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return navigator.serviceWorker.controller !== null")));
        browser.navigate().refresh();
        wait.until(d -> d.findElement(By.id("step-rating")).isDisplayed());
        String rendered = browser.findElement(By.cssSelector("#step-rating input[name='rating']")).getDomProperty("value");
        // the copy is stored just after the page is answered: wait for it
        Object kept = wait.until(d -> ((JavascriptExecutor) d).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([caches.match(location.href), caches.match('/kiosk/kiosk.js'), caches.match('/kiosk/kiosk.css')])
                    .then(([page, script, style]) => page && script && style ? page.text() : null)
                    .then(done, () => done(null));"""));
        assertThat(kept).as("the page kept by the service worker").isInstanceOf(String.class);
        // the copy is the page as last loaded: the same form key
        assertThat((String) kept).contains("id=\"step-rating\"").contains(rendered);
    }

    @Test
    void theKioskPagesHaveNoSeriousAccessibilityViolation() {
        Kiosks.Issued issued = units.kiosk("Quầy KBROW 3", true, true);
        List<String> violations = new ArrayList<>();
        browser.get(url("/k/" + issued.key()));
        wait.until(d -> d.findElement(By.id("step-rating")).isDisplayed());
        violations.addAll(Axe.seriousViolations(browser, "the rating"));
        browser.findElement(By.cssSelector("#step-rating button[value='2']")).click();
        wait.until(d -> d.findElement(By.id("step-official")).isDisplayed());
        violations.addAll(Axe.seriousViolations(browser, "the official"));
        browser.findElement(By.cssSelector("#step-official button[value='']")).click();
        wait.until(d -> d.findElement(By.id("step-receipt")).isDisplayed());
        violations.addAll(Axe.seriousViolations(browser, "the receipt code"));
        browser.findElement(By.id("receipt")).sendKeys("KBROW-5");
        browser.findElement(By.cssSelector("#step-receipt button[name='send']")).click();
        wait.until(d -> d.findElement(By.id("thanks")).isDisplayed());
        violations.addAll(Axe.seriousViolations(browser, "the thanks"));
        browser.get(url("/k/" + issued.key() + "/thanks?lang=en"));
        // The one exception, and why: without JavaScript the thank-you page returns to the start by a
        // meta refresh, which axe flags under any 20 hours. At a counter kiosk the return is essential
        // (WCAG 2.2.1's "essential" exception: the next citizen needs the rating screen, and this page
        // holds only the thanks and a link back); every other rule still runs on the page.
        violations.addAll(Axe.seriousViolations(browser, "the thanks page without script, in English", "meta-refresh"));
        browser.get(url("/k/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA?lang=vi"));
        violations.addAll(Axe.seriousViolations(browser, "an unknown kiosk"));

        violations.forEach(System.out::println);
        assertThat(violations).as("serious or critical accessibility violations").isEmpty();
        wait.until(d -> !ratings(issued).isEmpty());
        assertThat(jdbc.sql("SELECT d.receipt_code FROM response r JOIN dossier d ON d.id = r.dossier_id WHERE r.kiosk_id = :k")
                .param("k", issued.kiosk().id()).query(String.class).single()).isEqualTo("KBROW-5");
    }

    /** One citizen: a level, then the official (blank: "don't remember") when the kiosk asks; thanked, then the start again. */
    private void rate(String level, String official) {
        wait.until(d -> d.findElement(By.id("step-rating")).isDisplayed());
        browser.findElement(By.cssSelector("#step-rating button[value='" + level + "']")).click();
        if (official != null) {
            wait.until(d -> d.findElement(By.id("step-official")).isDisplayed());
            browser.findElement(By.cssSelector("#step-official button[value='" + official + "']")).click();
        }
        wait.until(d -> d.findElement(By.id("thanks")).isDisplayed());
        assertThat(browser.findElement(By.id("step-rating")).isDisplayed()).isFalse();
        // the kiosk returns to the start by itself for the next citizen
        wait.until(d -> d.findElement(By.id("step-rating")).isDisplayed() && !d.findElement(By.id("thanks")).isDisplayed());
    }

    private long queued() {
        Object n = ((JavascriptExecutor) browser).executeScript("return Number(document.getElementById('kiosk').dataset.queuedCount || 0)");
        return ((Number) n).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, String>> ratings(Kiosks.Issued issued) {
        return jdbc.sql("SELECT answers::text FROM response WHERE kiosk_id = :k AND channel = 'KIOSK' AND NOT sampled")
                .param("k", issued.kiosk().id())
                .query((rs, n) -> (Map<String, String>) json.readValue(rs.getString(1), Map.class)).list();
    }

}
