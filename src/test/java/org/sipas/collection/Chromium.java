package org.sipas.collection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver: Selenium Manager is never asked
 * and nothing is downloaded. A machine without them skips the browser tests (CI installs them).
 * Public for the browser tests of collection's sub-packages (the kiosk). The browser's console is
 * kept, and closing fails the test when any page it visited broke the Content-Security-Policy
 * (an inline script or handler, an eval, a style or a resource the policy does not allow).
 */
public final class Chromium implements AutoCloseable {

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
