package org.sipas.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sipas.campaign.FieldCase;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.Axe;
import org.sipas.collection.InTheBrowser;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard in Debian's Chromium: its charts drawn beside their tables, no serious
 * accessibility problem, and its count moving within 3 s of a response posted to the token API;
 * once the browser has left, the dashboard is forgotten as the tallies move again.
 */
class DashboardInTheBrowserTest extends InTheBrowser {

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    Tallies tallies;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CurrentUsers users;
    @Autowired
    DashboardEvents events;

    @Test
    void theDashboardDrawsItsChartsAndItsCountMovesWithinThreeSecondsOfAResponse() throws Exception {
        TallyCampaign campaign = new TallyCampaign(fixtures, store, jdbc, "DBR", 20, 31, Map.of("ONLINE", 1));
        List<FieldCase> cases = campaign.field.cases();
        for (int i = 0; i < 6; i++) {
            campaign.answerNextCase();
        }
        tallies.fold();
        users.runAs(campaign.field.admin(), () -> accounts.create("analyst-dbr", "Phân tích DBR", campaign.field.province(),
                Set.of(Role.ANALYST), "mat-khau-du-dai-dbr"));

        signIn("analyst-dbr", "mat-khau-du-dai-dbr");
        open("/campaigns/" + campaign.id() + "/dashboard");
        wait.until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-charts-drawn") != null);

        assertThat(Integer.parseInt(browser.findElement(By.tagName("body")).getDomAttribute("data-charts-drawn"))).isGreaterThanOrEqualTo(3);
        assertThat(browser.findElements(By.cssSelector(".chart canvas"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.findElements(By.cssSelector("#index-table tbody tr"))).hasSize(22 + 5 + 1);
        assertThat(count()).isEqualTo(6);
        assertThat(Axe.seriousViolations(browser, "the dashboard")).isEmpty();

        String token = jdbc.sql("SELECT token FROM survey_token WHERE sample_member_id = :m")
                .param("m", cases.get(cases.size() - 1).id()).query(String.class).single();
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/s/" + token + "/response")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("answers", answers())))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        long submitted = System.nanoTime();

        chromium.waitUpTo(Duration.ofSeconds(3)).until(d -> count() == 7);
        assertThat(Duration.ofNanos(System.nanoTime() - submitted)).isLessThan(Duration.ofSeconds(3));
        assertThat(browser.findElements(By.cssSelector(".chart canvas"))).hasSizeGreaterThanOrEqualTo(3);

        // Leaving the page closes its event stream, but the server hears of it only when it next
        // writes to the stream: as the tallies move. Until then the stream is a request in progress,
        // which held the server's graceful shutdown (and the test JVM's exit) for 30 s.
        browser.get("about:blank");
        for (int move = 0; move < 8 && events.open(campaign.id()) > 0; move++) {
            campaign.answerNextCase();
            tallies.fold();
            Thread.sleep(1500);
        }
        assertThat(events.open(campaign.id())).as("dashboards of the campaign still open after the browser left").isZero();
    }

    private long count() {
        // the live figures are swapped in after each fold: an element found just before a swap is stale, read it again
        for (int attempt = 0; ; attempt++) {
            try {
                List<WebElement> count = browser.findElements(By.id("count"));
                return count.isEmpty() ? -1 : Long.parseLong(count.get(0).getText().strip());
            } catch (org.openqa.selenium.StaleElementReferenceException swapped) {
                if (attempt == 5) {
                    throw swapped;
                }
            }
        }
    }

    /** A whole SIPAS 2017 questionnaire as a one-stop system would post it. */
    private static Map<String, String> answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("applicant_kind", "ca_nhan");
        answers.put("gender", "nu");
        answers.put("age", "42");
        answers.put("education", "dai_hoc");
        answers.put("occupation", "kinh_doanh");
        answers.put("result_date", "05/03/2025");
        for (int i = 1; i <= 22; i++) {
            answers.put("c%02d".formatted(i), i % 3 == 0 ? "3" : "4");
        }
        return answers;
    }
}
