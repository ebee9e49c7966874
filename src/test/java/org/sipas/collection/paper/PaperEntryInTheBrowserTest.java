package org.sipas.collection.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.sipas.campaign.FieldworkFixtures;
import org.sipas.campaign.FieldworkFixtures.InField;
import org.sipas.collection.Chromium;
import org.sipas.collection.PageTurn;
import org.sipas.identity.CurrentUsers;
import org.sipas.identity.Role;
import org.sipas.identity.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A clerk keys a paper in Debian's Chromium with the keyboard only: Enter moves on, skipped questions are passed over. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaperEntryInTheBrowserTest {

    @LocalServerPort
    int port;
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

    Chromium chromium;
    WebDriver browser;

    @BeforeAll
    void startChromium() throws IOException {
        chromium = Chromium.start(true);
        browser = chromium.driver();
    }

    @AfterAll
    void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aClerkKeysAPaperWithTheKeyboardAloneEnterMovingPastSkippedQuestions() {
        InField field = fixtures.inField("PDK", "mot-cua-2018", 4, Map.of("PAPER", 1));
        String number = forms.forCases(field.campaignId(), field.cases(), field.admin().name()).get(0).number();
        users.runAs(field.admin(), () -> accounts.create("nhaplieu-pdk", "Nhập liệu PDK", field.province(),
                Set.of(Role.DATA_ENTRY), "mat-khau-du-dai-pdk"));

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("nhaplieu-pdk");
        WebElement password = browser.findElement(By.id("password"));
        password.sendKeys("mat-khau-du-dai-pdk", Keys.ENTER);
        PageTurn.awaitReplaced(browser, password);

        browser.get(url("/paper/entry"));
        // autofocus is applied once the page is laid out: on a busy machine a moment after get() returns
        wait(d -> "number".equals(active().getDomAttribute("id")));
        WebElement numberField = active();
        assertThat(numberField.getDomAttribute("id")).isEqualTo("number");
        numberField.sendKeys(PaperNumber.parse(number).printed(), Keys.ENTER);
        PageTurn.awaitReplaced(browser, numberField);
        wait(d -> !d.findElements(By.id("paper-number")).isEmpty());

        assertThat(active().getDomAttribute("id")).isEqualTo("a-satisfaction");
        active().sendKeys("2", Keys.ENTER);
        // "Hài lòng": the reasons are not asked, Enter goes straight to the official
        wait(d -> "a-official".equals(active().getDomAttribute("id")));
        assertThat(browser.findElement(By.id("a-reasons")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("a-reasons")).findElement(By.xpath("..")).getDomAttribute("class")).contains("skipped");
        active().sendKeys(Keys.ENTER);
        wait(d -> "save".equals(active().getDomAttribute("id")));
        WebElement save = active();
        save.sendKeys(Keys.ENTER);
        PageTurn.awaitReplaced(browser, save);
        wait(d -> !d.findElements(By.id("outcome")).isEmpty());

        assertThat(browser.findElement(By.id("outcome")).getText()).contains("Đã lưu lần nhập 1");
        assertThat(active().getDomAttribute("id")).as("back at the number for the next paper").isEqualTo("number");
        List<String> answers = jdbc.sql("SELECT answers::text FROM paper_entry WHERE number = :n AND pass = 1 AND clerk = 'nhaplieu-pdk'")
                .param("n", number).query(String.class).list();
        assertThat(answers).containsExactly("{\"satisfaction\": \"2\"}");
    }

    private WebElement active() {
        return browser.switchTo().activeElement();
    }

    private void wait(java.util.function.Function<WebDriver, Boolean> until) {
        new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(50)).until(until::apply);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
