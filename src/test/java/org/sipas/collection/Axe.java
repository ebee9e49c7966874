package org.sipas.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.webjars.WebJarVersionLocator;

/** axe-core, loaded from its webjar on the test classpath (no network), run on the page a browser shows. */
public final class Axe {

    private static final String SCRIPT = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");

    private Axe() {
    }

    /**
     * The page's serious and critical violations, each prefixed with {@code page}.
     *
     * @param rulesOff axe rules switched off for this page only (say why where it is called)
     */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(WebDriver browser, String page, String... rulesOff) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            assertThat(in).as("axe-core on the test classpath: " + SCRIPT).isNotNull();
            js.executeScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, Object>> found = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const off = Object.fromEntries(arguments[0].map(rule => [rule, {enabled: false}]));
                axe.run(document, {rules: off}).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.html).slice(0, 3)}))));""",
                List.of(rulesOff));
        return found.stream().map(v -> page + ": " + v).toList();
    }
}
