package org.sipas.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The messages of every feature, in both languages: each key said in Vietnamese is said in English
 * too, and a message with arguments keeps its apostrophes (MessageFormat reads a lone {@code '} as
 * the start of a quote and drops it, so "stratum's" must be written "stratum''s").
 */
class MessagesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

    private static List<Resource> bundles(String file) throws IOException {
        return List.of(new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*/" + file));
    }

    private static Properties load(Resource resource) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void aMessageWithArgumentsKeepsItsApostrophes() throws IOException {
        List<String> broken = new ArrayList<>();
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            for (Resource bundle : bundles(file)) {
                load(bundle).forEach((key, text) -> {
                    String message = (String) text;
                    if (ARGUMENT.matcher(message).find() && LONE_QUOTE.matcher(message).find()) {
                        broken.add(bundle.getDescription() + ": " + key);
                    }
                });
            }
        }
        assertThat(bundles("messages.properties")).isNotEmpty();
        assertThat(broken).isEmpty();
    }

    @Test
    void everyVietnameseMessageHasItsEnglish() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Resource vietnamese : bundles("messages.properties")) {
            Resource english = vietnamese.createRelative("messages_en.properties");
            TreeSet<String> keys = new TreeSet<>(load(vietnamese).stringPropertyNames());
            keys.removeAll(english.exists() ? load(english).stringPropertyNames() : List.of());
            keys.forEach(key -> missing.add(vietnamese.getDescription() + ": " + key));
        }
        assertThat(missing).isEmpty();
    }
}
