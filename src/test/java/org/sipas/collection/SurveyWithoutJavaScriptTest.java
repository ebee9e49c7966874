package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sipas.collection.SipasAnswers.CODE;
import static org.sipas.collection.SipasAnswers.STEPS;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The questionnaire in Debian's Chromium with JavaScript switched off: plain forms, every step posted. */
class SurveyWithoutJavaScriptTest extends BrowserJourney {

    SurveyWithoutJavaScriptTest() {
        super(false);
    }

    @Test
    void theQuestionnaireAnsweredWithJavaScriptOffStoresTheAnswers() {
        String token = tokens.issue(CODE, 1, null, null);
        browser.get(url("/s/" + token));

        fill(STEPS.get(0));
        next();
        fill(STEPS.get(1));
        next();
        fill(SipasAnswers.withoutFollowUps(2));
        // no script redraws the page: the follow-up waits for the step to be posted
        assertThat(browser.findElements(By.id("a-c09_late_days"))).isEmpty();
        next();
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("thêm câu hỏi");
        fill(STEPS.get(2));
        next();
        for (int step = 3; step < STEPS.size(); step++) {
            fill(SipasAnswers.withoutFollowUps(step));
            next();
            if (!browser.findElements(By.cssSelector("[role=status]")).isEmpty()) {
                fill(STEPS.get(step));
                next();
            }
        }
        assertThat(browser.getPageSource()).contains("Xem lại và gửi phiếu");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("/thanks"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cảm ơn Ông/Bà!");
        assertThat(StoredAnswers.of(jdbc, json, token)).isEqualTo(SipasAnswers.stored());
    }

    /** Fills the step's fields with the answers; a field already filled is filled again (the page keeps what was typed). */
    private void fill(Map<String, List<String>> answers) {
        answers.forEach((question, values) -> {
            WebElement first = browser.findElement(By.name(QuestionView.FIELD + question));
            String type = first.getDomAttribute("type");
            if ("radio".equals(type)) {
                browser.findElement(By.id("a-" + question + "-" + values.get(0))).click();
            } else if ("checkbox".equals(type)) {
                browser.findElements(By.name(QuestionView.FIELD + question)).forEach(box -> {
                    if (box.isSelected() != values.contains(box.getDomAttribute("value"))) {
                        box.click();
                    }
                });
            } else if ("select".equals(first.getTagName())) {
                new Select(first).selectByValue(values.get(0));
            } else {
                first.clear();
                first.sendKeys(values.get(0));
            }
        });
    }

    /** Presses Next and waits for the page the server answers with. */
    private void next() {
        WebElement button = browser.findElement(By.cssSelector("button[value=next]"));
        button.click();
        PageTurn.awaitReplaced(browser, button);
    }
}
