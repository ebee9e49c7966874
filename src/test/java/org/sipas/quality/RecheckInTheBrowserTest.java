package org.sipas.quality;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A re-checker works their list in Debian's Chromium: opens a re-check (the applicant's contact is
 * shown, and the viewing audited), records that the interview was confirmed, and the response's
 * state changes to accepted.
 */
class RecheckInTheBrowserTest extends InTheBrowser {

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    ResponseStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Arrivals arrivals;
    @Autowired
    RecheckLists lists;
    @Autowired
    Reviews reviews;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CurrentUsers users;

    @Test
    void aRecheckerWorksTheirListTheContactShownTheOutcomeRecordedAndTheStateChanges() {
        QualityCampaign campaign = new QualityCampaign(fixtures, store, jdbc, "QBR", 20, 31);
        for (int i = 0; i < 10; i++) {
            campaign.interview("dtv-qbr");
        }
        arrivals.check();
        users.runAs(campaign.field.admin(), () -> accounts.create("phuctra-qbr", "Phúc tra QBR", campaign.field.province(),
                Set.of(Role.RECHECKER), "mat-khau-du-dai-qbr"));
        users.runAs(campaign.field.admin(), () -> lists.draw(campaign.id(), 5L));
        List<RecheckRepository.Recheck> mine = jdbc.sql("SELECT id FROM recheck WHERE assigned_to = 'phuctra-qbr' ORDER BY id")
                .query(Long.class).list().stream().map(id -> users.runAs(campaign.field.admin(), () -> lists.ofCampaign(campaign.id()))
                        .stream().filter(r -> r.id() == id).findFirst().orElseThrow()).toList();
        assertThat(mine).hasSizeGreaterThanOrEqualTo(2);
        RecheckRepository.Recheck first = mine.get(0);

        signIn("phuctra-qbr", "mat-khau-du-dai-qbr");
        open("/rechecks");
        assertThat(browser.findElement(By.cssSelector("#recheck-" + first.id() + " .state")).getText()).isEqualTo("Đang phúc tra");
        assertThat(Axe.seriousViolations(browser, "the re-checker's list")).isEmpty();
        browser.findElement(By.cssSelector("#recheck-" + first.id() + " a")).click();

        assertThat(chromium.awaitPresent(By.id("phone")).getText()).startsWith("0912");
        assertThat(Axe.seriousViolations(browser, "a re-check")).isEmpty();
        browser.findElements(By.cssSelector("input[name=asked]")).forEach(box -> box.click());
        browser.findElement(By.id("outcome-CONFIRMED")).click();
        browser.findElement(By.id("note")).sendKeys("Người dân xác nhận đã được phỏng vấn");
        browser.findElement(By.id("save")).click();

        wait.until(d -> d.getCurrentUrl().endsWith("/rechecks"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("Xác nhận đúng");
        assertThat(browser.findElement(By.cssSelector("#recheck-" + first.id() + " .state")).getText()).isEqualTo("Đã chấp nhận");
        assertThat(users.runAs(campaign.field.admin(), () -> reviews.view(first.responseId())).state()).isEqualTo(ReviewState.ACCEPTED);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'recheck.contact.view' AND actor = 'phuctra-qbr'")
                .query(Long.class).single()).isOne();
    }
}
