package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.springframework.beans.factory.annotation.Autowired;
import org.webjars.WebJarVersionLocator;

/** axe-core finds no serious accessibility problem on the open portal's pages: the form, its errors, a polite refusal. */
class PortalAccessibilityTest extends BrowserJourney {

    private static final String AXE = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");

    @Autowired
    FieldworkFixtures fixtures;

    PortalAccessibilityTest() {
        super(true);
    }

    @Test
    void thePortalPagesHaveNoSeriousAccessibilityViolation() throws IOException {
        InField campaign = fixtures.inField("ONAXE", "mot-cua-2018", 10, Map.of("ONLINE", 1));
        jdbc.sql("INSERT INTO portal_survey (campaign_id, enabled, updated_by) VALUES (:c, true, 'test')")
                .param("c", campaign.campaignId()).update();
        List<String> violations = new ArrayList<>();

        browser.get(url("/s/portal/" + campaign.campaignId()));
        violations.addAll(axe("the portal form"));
        browser.findElement(By.id("portal-phone")).sendKeys("12");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector(".errors")).isEmpty());
        violations.addAll(axe("the portal form with errors"));
        browser.get(url("/s/portal/999999999"));
        violations.addAll(axe("a campaign without an open survey"));

        violations.forEach(System.out::println);
        assertThat(violations).as("serious or critical accessibility violations").isEmpty();
    }

    /** Runs axe-core, loaded from the classpath (no network), and returns its serious and critical violations. */
    @SuppressWarnings("unchecked")
    private List<String> axe(String page) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(AXE)) {
            assertThat(in).as("axe-core on the test classpath: " + AXE).isNotNull();
            js.executeScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<Map<String, Object>> found = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.html).slice(0, 3)}))));""");
        return found.stream().map(v -> page + ": " + v).toList();
    }
}
