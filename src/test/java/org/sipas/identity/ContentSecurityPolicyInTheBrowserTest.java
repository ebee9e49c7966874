package org.sipas.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sipas.collection.Chromium;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff pages run under the Content-Security-Policy in a real
 * browser without a single violation in its console, and the policy is really in force there:
 * a script put into the page is refused and reported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentSecurityPolicyInTheBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void staffPagesBreakNoRuleOfThePolicyAndAnInjectedScriptIsRefused() throws Exception {
        try (Chromium chromium = Chromium.start(true)) {
            ChromeDriver browser = chromium.driver();
            String base = "http://localhost:" + port;
            browser.get(base + "/login");
            browser.findElement(By.id("username")).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys("test-admin-password");
            browser.findElement(By.cssSelector("form button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
            for (String page : List.of("/", "/admin/users", "/admin/api-keys", "/admin/audit", "/campaigns", "/units",
                    "/procedures", "/officials", "/dossiers", "/methodologies", "/account/password")) {
                browser.get(base + page);
                new WebDriverWait(browser, Duration.ofSeconds(10))
                        .until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
            }
            assertThat(chromium.policyViolations()).as("console: %s", chromium.console()).isEmpty();

            chromium.expectViolations();
            browser.get(base + "/");
            browser.executeScript("""
                    const s = document.createElement('script');
                    s.textContent = 'document.body.dataset.injected = "yes"';
                    document.head.appendChild(s);""");
            assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-injected")).isNull();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !chromium.policyViolations().isEmpty());
            assertThat(chromium.policyViolations()).singleElement().asString().contains("script-src 'self'");
        }
    }
}
