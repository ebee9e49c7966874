package org.sipas.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.sipas.collection.InTheBrowser;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A province's administrator in Debian's Chromium makes the plan of 2027 from the national cycle,
 * reads its table and timeline, writes a progress note on a task and opens the due list: axe finds
 * no serious problem and no page is wider than a 360 px phone (the timeline scrolls in its frame).
 */
class PlanInTheBrowserTest extends InTheBrowser {

    private static final String PASSWORD = "Kế-hoạch-2027-mạnh!";

    @Autowired
    PlanningFixtures fixtures;
    @Autowired
    StaffAccounts accounts;

    @Test
    void anAdministratorMakesThePlanOf2027FromTheNationalCycleNotesProgressAndEveryPagePassesAxeAt360And1280() {
        PlanningFixtures.Province place = fixtures.province("PBR");
        accounts.create("pbr-quan-tri", "Quản trị PBR", place.province(), Set.of(Role.PROVINCE_ADMIN), PASSWORD);
        signIn("pbr-quan-tri", PASSWORD);

        open("/plans");
        checkAtPhoneAndDesktop("the plans");
        new Select(browser.findElement(By.name("template"))).selectByValue("quoc-gia-hang-nam");
        var year = browser.findElement(By.cssSelector("#from-template input[name=year]"));
        year.clear();
        year.sendKeys("2027");
        browser.findElement(By.cssSelector("#from-template button")).click();
        wait.until(d -> d.getCurrentUrl().matches(".*/plans/\\d+$"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).endsWith("năm 2027");
        assertThat(browser.findElements(By.cssSelector("#tasks tbody tr"))).hasSize(8 + 23);
        assertThat(browser.findElements(By.cssSelector("#timeline thead th"))).hasSize(1 + 12);
        checkAtPhoneAndDesktop("the plan with its timeline");

        browser.findElement(By.linkText("Điều tra xã hội học đo lường sự hài lòng năm 2027")).click();
        wait.until(d -> d.getCurrentUrl().contains("/tasks/"));
        browser.findElement(By.name("body")).sendKeys("Đã ký hợp đồng phát, thu phiếu");
        browser.findElement(By.cssSelector("#note-form button")).click();
        wait.until(d -> d.findElement(By.id("notes")).isDisplayed() && d.getPageSource().contains("Đã ký hợp đồng phát, thu phiếu"));
        checkAtPhoneAndDesktop("a task with its note");

        open("/plans/due?unit=PBR-P&days=366");
        assertThat(browser.findElement(By.id("due")).getText()).contains("In tài liệu, báo cáo phục vụ Hội nghị công bố");
        checkAtPhoneAndDesktop("the due list");
    }
}
