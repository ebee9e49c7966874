package org.sipas.collection;

import java.time.Duration;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Waits until the page an element belonged to has been replaced by the server's answer.
 *
 * <p>While Chromium swaps documents, asking about the old element can fail with an inspector error
 * ("Node with given id does not belong to the document") instead of a stale-element answer; that
 * means "not finished yet", so it is asked again rather than failing the test.
 */
public final class PageTurn {

    private PageTurn() {
    }

    public static void awaitReplaced(WebDriver driver, WebElement old) {
        new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(20)).until(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (StaleElementReferenceException replaced) {
                return true;
            } catch (WebDriverException midSwap) {
                return false;
            }
        });
    }
}
