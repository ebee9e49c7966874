package org.sipas.collection.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.sipas.collection.InTheBrowser;
import org.sipas.collection.PageTurn;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A clerk keys a paper in Debian's Chromium with the keyboard only: Enter moves on, skipped questions are passed over. */
class PaperEntryInTheBrowserTest extends InTheBrowser {

    @Autowired
    FieldworkFixtures fixtures;
    @Autowired
    PaperForms forms;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    CurrentUsers users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aClerkKeysAPaperWithTheKeyboardAloneEnterMovingPastSkippedQuestions() {
        InField field = fixtures.inField("PDK", "mot-cua-2018", 4, Map.of("PAPER", 1));
        String number = forms.forCases(field.campaignId(), field.cases(), field.admin().name()).get(0).number();
        users.runAs(field.admin(), () -> accounts.create("nhaplieu-pdk", "Nhập liệu PDK", field.province(),
                Set.of(Role.DATA_ENTRY), "mat-khau-du-dai-pdk"));

        signIn("nhaplieu-pdk", "mat-khau-du-dai-pdk");

        open("/paper/entry");
        // autofocus is applied once the page is laid out: on a busy machine a moment after get() returns
        wait.until(d -> "number".equals(active().getDomAttribute("id")));
        WebElement numberField = active();
        assertThat(numberField.getDomAttribute("id")).isEqualTo("number");
        numberField.sendKeys(PaperNumber.parse(number).printed(), Keys.ENTER);
        PageTurn.awaitReplaced(browser, numberField);
        chromium.awaitPresent(By.id("paper-number"));

        assertThat(active().getDomAttribute("id")).isEqualTo("a-satisfaction");
        active().sendKeys("2", Keys.ENTER);
        // "Hài lòng": the reasons are not asked, Enter goes straight to the official
        wait.until(d -> "a-official".equals(active().getDomAttribute("id")));
        assertThat(browser.findElement(By.id("a-reasons")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("a-reasons")).findElement(By.xpath("..")).getDomAttribute("class")).contains("skipped");
        active().sendKeys(Keys.ENTER);
        wait.until(d -> "save".equals(active().getDomAttribute("id")));
        WebElement save = active();
        save.sendKeys(Keys.ENTER);
        PageTurn.awaitReplaced(browser, save);

        assertThat(chromium.awaitPresent(By.id("outcome")).getText()).contains("Đã lưu lần nhập 1");
        assertThat(active().getDomAttribute("id")).as("back at the number for the next paper").isEqualTo("number");
        List<String> answers = jdbc.sql("SELECT answers::text FROM paper_entry WHERE number = :n AND pass = 1 AND clerk = 'nhaplieu-pdk'")
                .param("n", number).query(String.class).list();
        assertThat(answers).containsExactly("{\"satisfaction\": \"2\"}");
    }

    private WebElement active() {
        return browser.switchTo().activeElement();
    }
}
