package org.sipas.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.collection.Axe;
import org.sipas.collection.InTheBrowser;
import org.sipas.collection.ResponseStore;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.sipas.index.Percent;
import org.sipas.index.Tallies;
import org.sipas.quality.ReviewDecisions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The campaign's results page ({@code /campaigns/{id}/results}) in Debian's Chromium, as the analyst
 * sees it with version 1 published and its correction prepared: the published figures and the
 * correction's changes are on it, and axe-core finds no serious violation. A screenshot of the whole
 * page is kept under {@code target/browser-artifacts/}.
 */
class ResultsPageInTheBrowserTest extends InTheBrowser {

    static final Path ARTIFACTS = Path.of("target", "browser-artifacts");
    private static final String PASSWORD = "mat-khau-du-dai-rsb";

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Tallies tallies;
    @Autowired
    ReviewDecisions reviews;
    @Autowired
    ResultsApproval approval;
    @Autowired
    CurrentUsers users;
    @Autowired
    StaffAccounts accounts;

    @Test
    void theResultsPageShowsThePublishedVersionAndTheCorrectionAndPassesAxe() throws Exception {
        ResultsCampaign campaign = new ResultsCampaign(fixtures, store, jdbc, "RSB", 20, 47);
        for (int i = 0; i < 14; i++) {
            campaign.interview();
        }
        users.runAs(campaign.provinceAdmin, () -> {
            reviews.checkArrivals();
            return reviews.decide(campaign.id(), campaign.responses, "ACCEPTED", "đạt yêu cầu", "phiếu thử: chấp nhận");
        });
        tallies.fold();
        users.runAs(campaign.analyst, () -> {
            approval.prepare(campaign.id());
            return approval.submit(campaign.id(), null);
        });
        Snapshot first = users.runAs(campaign.nationalAdmin, () -> approval.approve(campaign.id(), "Đồng ý công bố"));
        // a correction on its way: one response rejected after re-check, version 2 prepared
        users.runAs(campaign.provinceAdmin, () -> reviews.decide(campaign.id(), List.of(campaign.responses.get(0)), "REJECTED",
                "phúc tra: phỏng vấn không diễn ra", "phiếu thử: loại sau phúc tra"));
        tallies.fold();
        users.runAs(campaign.analyst, () -> approval.prepare(campaign.id()));
        users.runAs(campaign.field.admin(), () -> accounts.create(campaign.analyst.name(), "Phân tích RSB", campaign.field.province(),
                Set.of(Role.ANALYST), PASSWORD));

        signIn(campaign.analyst.name(), PASSWORD);
        open("/campaigns/" + campaign.id() + "/results");
        wait.until(d -> d.findElement(By.tagName("h1")).isDisplayed());

        String text = browser.findElement(By.tagName("body")).getText();
        String overall = new Percent(java.util.Locale.forLanguageTag("vi")).of(first.overall().domains().get(0).overall().estimatePct());
        assertThat(text).contains(first.campaignName()).contains(overall);
        assertThat(browser.getCurrentUrl()).endsWith("/campaigns/" + campaign.id() + "/results");
        assertThat(Axe.seriousViolations(browser, "the results page")).isEmpty();
        chromium.screenshotWholePage(ARTIFACTS.resolve("results-page.png"));
    }
}
