package org.sipas.collection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver: Selenium Manager is never asked
 * and nothing is downloaded. A machine without them skips the browser tests (CI installs them).
 * Public for the browser tests of collection's sub-packages (the kiosk). The browser's console is
 * kept, and closing fails the test when any page it visited broke the Content-Security-Policy
 * (an inline script or handler, an eval, a style or a resource the policy does not allow).
 * The steps every browser test takes on a page are here too: waiting for it, the check at a phone's
 * width, the screenshot; {@link InTheBrowser} adds the application's address and signing in.
 */
public final class Chromium implements AutoCloseable {

    /** How long a step may take on a busy machine before the test fails. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);
    /** A small phone's width and a desktop's: no page may be wider than the window at either. */
    public static final int PHONE = 360;
    public static final int DESKTOP = 1280;

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private final List<String> console = new ArrayList<>();

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser with JavaScript on or off, on a new profile, at a phone's width; skips the test when Chromium is absent. */
    public static Chromium start(boolean javascript) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "Browser tests skipped: " + BROWSER + " or " + DRIVER + " is missing (apt-get install chromium chromium-driver)");
        Path profile = Files.createTempDirectory("sipas-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=412,915");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new Chromium(new ChromeDriver(service, options), profile);
    }

    private boolean expectViolations;

    /** For a test that breaks the policy on purpose, to see it enforced: closing does not fail on violations. */
    public void expectViolations() {
        expectViolations = true;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * A wait of {@code timeout}, asked every 50 ms. An element found just before htmx or a reload
     * replaced it is stale: that means "not yet", and it is looked up again.
     */
    public WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(50));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The first element {@code by} finds, once the page has one (within {@link #PATIENCE}). */
    public WebElement awaitPresent(By by) {
        return waitUpTo(PATIENCE).until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    /**
     * The page's viewport {@code width} px wide (and 900 px high), as the DevTools' device toolbar
     * sets it: not by resizing the headless window, which once hung for minutes in a full CI run
     * (chromedriver waiting on Chromium 156 for the window's new bounds). It holds across the
     * tab's navigations.
     */
    public void resize(int width) {
        viewport(width, 900);
    }

    /** The viewport as the browser started (its window's size) until a test sets it. */
    private int viewportWidth = 412;
    private int viewportHeight = 915;

    private void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        viewportWidth = width;
        viewportHeight = height;
    }

    /**
     * What is wrong with the page at the window's present width, each prefixed with {@code page}:
     * the page wider than the window (a wide table must scroll inside its own frame), and axe-core's
     * serious and critical violations.
     */
    public List<String> problemsAtThisWidth(String page) {
        long inner = ((Number) driver.executeScript("return document.documentElement.clientWidth")).longValue();
        long scroll = ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
        List<String> problems = new ArrayList<>();
        if (scroll > inner) {
            problems.add(page + ": " + scroll + " px wide in a window of " + inner + " px");
        }
        problems.addAll(Axe.seriousViolations(driver, page));
        return problems;
    }

    /** A screenshot of the window as it is, written to {@code file}. */
    public void screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** The whole page, top to bottom: the viewport is stretched to the page's height for the shot, then given back its size. */
    public void screenshotWholePage(Path file) throws IOException {
        int width = viewportWidth;
        int height = viewportHeight;
        Object page = driver.executeScript("return document.documentElement.scrollHeight");
        viewport(width, Math.min(12_000, ((Number) page).intValue() + 100));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            viewport(width, height);
        }
    }

    /** What the pages visited so far wrote to the console about the Content-Security-Policy. */
    public List<String> policyViolations() {
        return console().stream()
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
    }

    /** Everything the pages visited so far wrote to the browser's console. */
    public List<String> console() {
        driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).forEach(console::add);
        return List.copyOf(console);
    }

    @Override
    public void close() throws IOException {
        List<String> seen;
        try {
            seen = policyViolations();
        } finally {
            driver.quit();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        if (!seen.isEmpty() && !expectViolations) {
            throw new AssertionError("The pages broke the Content-Security-Policy:\n" + String.join("\n", seen));
        }
    }
}
