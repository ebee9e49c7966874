package org.sipas.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.sipas.collection.Axe;
import org.sipas.collection.InTheBrowser;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A unit head in Debian's Chromium opens a case from the inbox, acknowledges it, resolves it with a root cause, and the statistics move. */
class CaseInTheBrowserTest extends InTheBrowser {

    @Autowired
    FeedbackFixtures fixtures;
    @Autowired
    CaseOpener opener;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaffAccounts accounts;

    @Test
    void aManagerOpensACaseFromTheInboxAcknowledgesAndResolvesItAndTheStatisticsChange() {
        FeedbackFixtures.Place place = fixtures.place("FBB", 2);
        fixtures.rate(place, 0, "1", Map.of("reasons", "thai_do"), "fbb-key-0");
        opener.drain(Instant.now());
        long id = jdbc.sql("SELECT c.id FROM feedback_case c JOIN dossier d ON d.id = c.dossier_id WHERE d.receipt_code = :r")
                .param("r", place.dossier(0)).query(Long.class).single();

        signIn(place.communeHead(), FeedbackFixtures.PASSWORD);

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
        signIn(admin, FeedbackFixtures.PASSWORD);

        browser.get(url("/feedback/rules?preview=" + rule));
        assertThat(browser.findElement(By.id("preview")).getText()).contains("not-satisfied");
        assertThat(Axe.seriousViolations(browser, "the rules editor with a preview")).isEmpty();
        browser.get(url("/feedback/consent"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đồng ý được liên hệ");
        assertThat(Axe.seriousViolations(browser, "the consent page")).isEmpty();
        browser.get(url("/feedback/settings"));
        assertThat(Axe.seriousViolations(browser, "the settings as an administrator")).isEmpty();
    }

    private String resolvedOf(FeedbackFixtures.Place place) {
        return browser.findElements(By.cssSelector("#stats-unit tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("th")).getText().equals("Phường Một " + place.prefix()))
                .map(r -> r.findElement(By.cssSelector("td.resolved")).getText()).findFirst().orElse("0");
    }
}
