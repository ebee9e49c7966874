package org.sipas.collection;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A respondent who uses the keyboard alone: Tab moves the focus, Space and the arrow keys choose,
 * typing fills a field, Enter presses the focused button. The page is only looked at (which
 * element has the focus), never clicked.
 */
final class Keyboard {

    /** More Tab presses than any step of the questionnaire has stops; past it the field is not reachable. */
    private static final int MOST_TABS = 200;

    private final WebDriver driver;

    Keyboard(WebDriver driver) {
        this.driver = driver;
    }

    /** Answers the questions in page order, each as its field asks: radios, boxes, a text or number field, a list. */
    void answer(Map<String, List<String>> answers) {
        countHtmxRequests();
        answers.forEach((question, values) -> {
            WebElement field = tabTo(e -> (QuestionView.FIELD + question).equals(e.getDomAttribute("name")));
            switch (kind(field)) {
                case "radio" -> choose(values.get(0));
                case "checkbox" -> values.forEach(code -> {
                    tabTo(e -> (QuestionView.FIELD + question).equals(e.getDomAttribute("name")) && code.equals(e.getDomAttribute("value")));
                    press(Keys.SPACE);
                });
                case "select" -> {
                    for (int i = 0; i < MOST_TABS && !values.get(0).equals(focused().getDomProperty("value")); i++) {
                        press(Keys.ARROW_DOWN);
                    }
                }
                default -> press(values.get(0));
            }
            // an answer may bring follow-up questions by htmx: a person waits for the page to settle too
            awaitHtmxSettled();
        });
    }

    /** Counts htmx requests in flight on this page (installed once per page, before any answer is given). */
    private void countHtmxRequests() {
        ((JavascriptExecutor) driver).executeScript("if (window.htmx && !window.sipasInFlight) {"
                + " window.sipasInFlight = {n: 0};"
                + " document.body.addEventListener('htmx:beforeRequest', () => window.sipasInFlight.n++);"
                + " document.body.addEventListener('htmx:afterSettle', () => window.sipasInFlight.n--);"
                + " document.body.addEventListener('htmx:afterRequest', e => { if (!e.detail.successful) window.sipasInFlight.n--; });"
                + " }");
    }

    private void awaitHtmxSettled() {
        new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(20)).until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return !window.sipasInFlight || window.sipasInFlight.n <= 0"));
    }

    /** Tabs to the Next button, presses Enter and waits for the next page. */
    void next() {
        pressAndWait(tabTo(e -> "go".equals(e.getDomAttribute("name")) && "next".equals(e.getDomAttribute("value"))));
    }

    /** Tabs to the only submit button of the page (the summary's), presses Enter and waits for the next page. */
    void send() {
        pressAndWait(tabTo(e -> "button".equals(e.getTagName()) && "submit".equals(e.getDomAttribute("type"))));
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** In a focused radio group: Space takes the focused radio, the arrows move the choice to {@code code}. */
    private void choose(String code) {
        if (!focused().isSelected()) {
            press(Keys.SPACE);
        }
        for (int i = 0; i < MOST_TABS && !code.equals(focused().getDomAttribute("value")); i++) {
            press(Keys.ARROW_RIGHT);
        }
    }

    /** A field swapped out by htmx while it was being looked at is not the target; the next Tab finds its successor. */
    private static boolean isTarget(Predicate<WebElement> target, WebElement focused) {
        try {
            return target.test(focused);
        } catch (StaleElementReferenceException swapped) {
            return false;
        }
    }

    private void pressAndWait(WebElement button) {
        press(Keys.ENTER);
        PageTurn.awaitReplaced(driver, button);
    }

    private WebElement tabTo(Predicate<WebElement> target) {
        for (int i = 0; i < MOST_TABS; i++) {
            WebElement focused = focused();
            if (isTarget(target, focused)) {
                return focused;
            }
            press(Keys.TAB);
        }
        throw new AssertionError("The keyboard could not reach the field: " + driver.getCurrentUrl());
    }

    private void press(CharSequence keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    private static String kind(WebElement field) {
        String type = field.getDomAttribute("type");
        return type != null ? type : field.getTagName();
    }
}
