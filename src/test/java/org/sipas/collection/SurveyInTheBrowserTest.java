package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipas.collection.SipasAnswers.CODE;
import static org.sipas.collection.SipasAnswers.STEPS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The questionnaire in Debian's Chromium with JavaScript on: answered with the keyboard alone,
 * follow-up questions appearing as the ratings are given, and axe-core finding no serious
 * accessibility problem on its pages. One browser serves the whole class.
 */
class SurveyInTheBrowserTest extends BrowserJourney {

    /** axe-core's script in its webjar, whatever version the build brings. */

    SurveyInTheBrowserTest() {
        super(true);
    }

    @Test
    void aRespondentAnswersWithTheKeyboardAloneAndTheFollowUpAppearsAsTheyRate() {
        long unit = CollectionCatalog.unitWithOfficials(jdbc, "COL-KBD", "COL-KBD-1", "COL-KBD-2", "COL-KBD-3");
        String token = tokens.issue(CODE, 1, null, unit);
        Keyboard keyboard = new Keyboard(browser);
        browser.get(url("/s/" + token));

        keyboard.answer(STEPS.get(0));
        keyboard.next();
        keyboard.answer(STEPS.get(1));
        keyboard.next();

        // rating the handling time 2 brings the days-late question onto this page, without a submit
        assertThat(browser.findElement(By.id("q-c09_late_days")).getDomAttribute("hidden")).isNotNull();
        ((JavascriptExecutor) browser).executeScript("window.samePage = true");
        keyboard.answer(SipasAnswers.withoutFollowUps(2));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("a-c09_late_days")));
        waitForHtmx(wait);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.samePage")).isEqualTo(true);
        assertThat(keyboard.focused().getDomAttribute("id")).isEqualTo("a-c09-2");

        keyboard.answer(followUps(2));
        keyboard.next();
        keyboard.answer(withOfficial(STEPS.get(3), "COL-KBD-2"));
        waitForHtmx(wait);
        keyboard.next();
        for (int step = 4; step < STEPS.size(); step++) {
            keyboard.answer(STEPS.get(step));
            keyboard.next();
        }
        assertThat(browser.getPageSource()).contains("Xem lại và gửi phiếu");
        keyboard.send();

        wait.until(ExpectedConditions.urlContains("/thanks"));
        Map<String, String> expected = new LinkedHashMap<>(SipasAnswers.stored());
        expected.put("official", "COL-KBD-2");
        assertThat(StoredAnswers.of(jdbc, json, token)).isEqualTo(expected);
    }

    @Test
    void theQuestionnairePagesHaveNoSeriousAccessibilityViolation() {
        String token = tokens.issue(CODE, 1, null, null);
        Keyboard keyboard = new Keyboard(browser);
        List<String> violations = new ArrayList<>();

        browser.get(url("/s/" + token));
        violations.addAll(Axe.seriousViolations(browser, "the first step"));
        keyboard.next();
        assertThat(browser.getPageSource()).contains("class=\"errors\"");
        violations.addAll(Axe.seriousViolations(browser, "a step with errors"));
        keyboard.answer(STEPS.get(0));
        keyboard.next();
        keyboard.answer(STEPS.get(1));
        keyboard.next();
        keyboard.answer(SipasAnswers.withoutFollowUps(2));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("a-c09_late_days")));
        violations.addAll(Axe.seriousViolations(browser, "a step with its follow-up shown"));
        browser.get(url("/s/" + token + "?step=7&lang=en"));
        browser.get(url("/s/no-such-token-for-axe-AAAAAAA"));
        violations.addAll(Axe.seriousViolations(browser, "the page of an unknown token"));

        violations.forEach(System.out::println);
        assertThat(violations).as("serious or critical accessibility violations").isEmpty();
    }


    private static void waitForHtmx(WebDriverWait wait) {
        wait.until(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return document.querySelector('.htmx-request') === null"));
    }

    private static Map<String, List<String>> followUps(int step) {
        Map<String, List<String>> followUps = new LinkedHashMap<>(STEPS.get(step));
        followUps.keySet().removeAll(SipasAnswers.withoutFollowUps(step).keySet());
        return followUps;
    }

    /** The step's answers with the official picked first, as the page asks it first. */
    private static Map<String, List<String>> withOfficial(Map<String, List<String>> step, String official) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        answers.put("official", List.of(official));
        answers.putAll(step);
        return answers;
    }

}
