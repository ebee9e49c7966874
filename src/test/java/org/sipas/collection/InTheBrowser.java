package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test class: the application on a random port and one {@link Chromium} (JavaScript on,
 * unless the class says otherwise) for all of the class's tests, with the steps they share:
 * signing a staff member in, waiting {@link Chromium#PATIENCE} for a page, and checking a page at a
 * phone's and a desktop's width. Public for the browser tests of every feature.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class InTheBrowser {

    private final boolean javascript;

    @LocalServerPort
    protected int port;

    protected Chromium chromium;
    protected ChromeDriver browser;
    /** {@link Chromium#PATIENCE}, asked every 50 ms; an element replaced while it is read is read again. */
    protected WebDriverWait wait;

    protected InTheBrowser() {
        this(true);
    }

    protected InTheBrowser(boolean javascript) {
        this.javascript = javascript;
    }

    @BeforeAll
    protected void startChromium() throws IOException {
        chromium = Chromium.start(javascript);
        browser = chromium.driver();
        wait = chromium.waitUpTo(Chromium.PATIENCE);
    }

    @AfterAll
    protected void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** The address of {@code path} on the application under test. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    /**
     * Signs a staff member in afresh (the session of whoever was signed in before is dropped) with
     * the login form and Enter, and waits until the application has moved the browser on from the
     * login page: to where it sends them (the home, or the password change a one-time password
     * asks for).
     */
    protected void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** The page as it stands, at a phone's and a desktop's width: nothing wider than the window, no serious axe violation. */
    protected void checkAtPhoneAndDesktop(String page) {
        for (int width : new int[] {Chromium.PHONE, Chromium.DESKTOP}) {
            chromium.resize(width);
            assertThat(chromium.problemsAtThisWidth(page + " at " + width + " px")).isEmpty();
        }
    }
}
