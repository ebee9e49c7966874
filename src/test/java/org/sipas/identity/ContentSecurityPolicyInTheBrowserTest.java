package org.sipas.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sipas.collection.InTheBrowser;

/**
 * The staff pages run under the Content-Security-Policy in a real
 * browser without a single violation in its console, and the policy is really in force there:
 * a script put into the page is refused and reported.
 */
class ContentSecurityPolicyInTheBrowserTest extends InTheBrowser {

    @Test
    void staffPagesBreakNoRuleOfThePolicyAndAnInjectedScriptIsRefused() {
        signIn("admin", "test-admin-password");
        for (String page : List.of("/", "/admin/users", "/admin/api-keys", "/admin/audit", "/campaigns", "/units",
                "/procedures", "/officials", "/dossiers", "/methodologies", "/account/password")) {
            open(page);
            wait.until(d -> "complete".equals(browser.executeScript("return document.readyState")));
        }
        assertThat(chromium.policyViolations()).as("console: %s", chromium.console()).isEmpty();

        chromium.expectViolations();
        open("/");
        browser.executeScript("""
                const s = document.createElement('script');
                s.textContent = 'document.body.dataset.injected = "yes"';
                document.head.appendChild(s);""");
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-injected")).isNull();
        wait.until(d -> !chromium.policyViolations().isEmpty());
        assertThat(chromium.policyViolations()).singleElement().asString().contains("script-src 'self'");
    }
}
